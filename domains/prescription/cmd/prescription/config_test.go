package main

import (
	"strings"
	"testing"
	"time"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestConfigDefaults(t *testing.T) {
	cfg, err := configFromEnv(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Addr != ":8082" || cfg.DatabaseURL != "sqlite:.prontuario/prescription.db" || !cfg.SeedDemo || cfg.IdempotencyTTL != 24*time.Hour {
		t.Errorf("defaults %+v", cfg)
	}
	if len(cfg.Kafka.Brokers) != 1 || cfg.Kafka.Brokers[0] != "127.0.0.1:9092" || cfg.Relay.Lanes == 0 {
		t.Errorf("kafka %+v relay %+v", cfg.Kafka, cfg.Relay)
	}
}

func TestConfigFromEnvironment(t *testing.T) {
	cfg, err := configFromEnv(env(map[string]string{
		"PRONTUARIO_PRESCRIPTION_ADDR":         "127.0.0.1:9999",
		"PRONTUARIO_PRESCRIPTION_DATABASE_URL": "postgres://u@db:5432/rx",
		"PRONTUARIO_PRESCRIPTION_SEED_DEMO":    "false",
		"PRONTUARIO_KAFKA_BROKERS":             "k1:9092, k2:9092",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Addr != "127.0.0.1:9999" || cfg.DatabaseURL != "postgres://u@db:5432/rx" || cfg.SeedDemo || len(cfg.Kafka.Brokers) != 2 {
		t.Errorf("config %+v", cfg)
	}
}

func TestConfigReportsEveryProblemAtOnce(t *testing.T) {
	_, err := configFromEnv(env(map[string]string{
		"PRONTUARIO_PRESCRIPTION_ADDR":      "8082",
		"PRONTUARIO_PRESCRIPTION_SEED_DEMO": "maybe",
		"PRONTUARIO_KAFKA_TLS":              "perhaps",
	}))
	if err == nil {
		t.Fatal("accepted a bad configuration")
	}
	for _, want := range []string{"Addr", "PRONTUARIO_PRESCRIPTION_SEED_DEMO", "PRONTUARIO_KAFKA_TLS"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
}

func TestValidateRejectsAShortIdempotencyTTL(t *testing.T) {
	cfg := Config{IdempotencyTTL: time.Second}.WithDefaults()
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "IdempotencyTTL") {
		t.Errorf("Validate() = %v, want an IdempotencyTTL problem", err)
	}
}

func TestIdempotencyTTLFromEnvironment(t *testing.T) {
	cfg, err := configFromEnv(env(map[string]string{"PRONTUARIO_PRESCRIPTION_IDEMPOTENCY_TTL": "90m"}))
	if err != nil || cfg.IdempotencyTTL != 90*time.Minute {
		t.Fatalf("config %+v, %v: want a 90m TTL", cfg.IdempotencyTTL, err)
	}
	for _, bad := range []string{"soon", "30s"} {
		if _, err := configFromEnv(env(map[string]string{"PRONTUARIO_PRESCRIPTION_IDEMPOTENCY_TTL": bad})); err == nil {
			t.Errorf("TTL %q accepted", bad)
		}
	}
}
