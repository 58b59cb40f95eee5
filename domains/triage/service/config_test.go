package service_test

import (
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/domains/triage/service"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestConfigFromEnvAppliesTheDefaults(t *testing.T) {
	t.Parallel()
	cfg, err := service.ConfigFromEnv(env(nil))
	if err != nil {
		t.Fatalf("ConfigFromEnv: %v", err)
	}
	if cfg.Addr != ":8081" || cfg.DatabaseURL != "sqlite:.prontuario/triage.db" || len(cfg.Kafka.Brokers) != 1 || cfg.Relay.BatchSize == 0 {
		t.Errorf("defaults = %+v", cfg)
	}
}

func TestConfigFromEnvReadsItsVariables(t *testing.T) {
	t.Parallel()
	cfg, err := service.ConfigFromEnv(env(map[string]string{
		service.EnvAddr:            "127.0.0.1:9000",
		service.EnvDatabaseURL:     "postgres://u@db:5432/triage",
		"PRONTUARIO_KAFKA_BROKERS": "k1:9092,k2:9092",
	}))
	if err != nil {
		t.Fatalf("ConfigFromEnv: %v", err)
	}
	if cfg.Addr != "127.0.0.1:9000" || cfg.DatabaseURL != "postgres://u@db:5432/triage" || len(cfg.Kafka.Brokers) != 2 {
		t.Errorf("config = %+v", cfg)
	}
}

func TestConfigFromEnvReportsEveryProblem(t *testing.T) {
	t.Parallel()
	_, err := service.ConfigFromEnv(env(map[string]string{
		service.EnvAddr:            "no-port",
		"PRONTUARIO_KAFKA_BROKERS": "also-no-port",
	}))
	for _, want := range []string{"Addr", "also-no-port"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not mention %s", err, want)
		}
	}
}

func TestConfigIdempotencyTTLDefaultsToADayAndIsReadFromTheEnvironment(t *testing.T) {
	t.Parallel()
	cfg, err := service.ConfigFromEnv(env(nil))
	if err != nil || cfg.IdempotencyTTL != 24*time.Hour || service.DefaultIdempotencyTTL != 24*time.Hour {
		t.Errorf("default IdempotencyTTL = %s, %v; want 24h", cfg.IdempotencyTTL, err)
	}
	cfg, err = service.ConfigFromEnv(env(map[string]string{service.EnvIdempotencyTTL: "90m"}))
	if err != nil || cfg.IdempotencyTTL != 90*time.Minute {
		t.Errorf("IdempotencyTTL from the environment = %s, %v; want 90m", cfg.IdempotencyTTL, err)
	}
}

func TestConfigRejectsABadIdempotencyTTL(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"soon", "30s", "-1h"} {
		_, err := service.ConfigFromEnv(env(map[string]string{service.EnvIdempotencyTTL: v}))
		if err == nil || !strings.Contains(err.Error(), "IDEMPOTENCY_TTL") && !strings.Contains(err.Error(), "IdempotencyTTL") {
			t.Errorf("%s=%q: error %v, want it rejected", service.EnvIdempotencyTTL, v, err)
		}
	}
	if err := (service.Config{IdempotencyTTL: time.Second}).WithDefaults().Validate(); err == nil || !strings.Contains(err.Error(), "IdempotencyTTL") {
		t.Errorf("Validate with a 1s TTL = %v, want an IdempotencyTTL error", err)
	}
}
