package main

import (
	"strings"
	"testing"

	"github.com/prontuario/prontuario/internal/broker"
)

func env(kv map[string]string) func(string) string {
	return func(k string) string { return kv[k] }
}

func TestConfigFromEnvDefaults(t *testing.T) {
	cfg, err := configFromEnv(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Addr != "127.0.0.1:9092" || cfg.DataDir != ".prontuario/broker" {
		t.Errorf("defaults = %q, %q", cfg.Addr, cfg.DataDir)
	}
	if err := cfg.WithDefaults().Validate(); err != nil {
		t.Errorf("default config invalid: %v", err)
	}
}

func TestConfigFromEnvReadsEveryVariable(t *testing.T) {
	cfg, err := configFromEnv(env(map[string]string{
		envAddr:           "127.0.0.1:19092",
		envDataDir:        "/var/lib/x",
		envPartitions:     "8",
		envRetentionBytes: "-1",
	}))
	if err != nil {
		t.Fatal(err)
	}
	want := broker.Config{Addr: "127.0.0.1:19092", DataDir: "/var/lib/x", Partitions: 8, RetentionBytes: -1}
	if cfg.Addr != want.Addr || cfg.DataDir != want.DataDir || cfg.Partitions != want.Partitions || cfg.RetentionBytes != want.RetentionBytes {
		t.Errorf("config = %+v, want %+v", cfg, want)
	}
}

func TestConfigFromEnvReportsEveryMalformedVariable(t *testing.T) {
	_, err := configFromEnv(env(map[string]string{envPartitions: "four", envRetentionBytes: "0"}))
	if err == nil {
		t.Fatal("want error")
	}
	for _, name := range []string{envPartitions, envRetentionBytes} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not name %s", err, name)
		}
	}
}
