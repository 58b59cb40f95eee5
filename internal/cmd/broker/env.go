package main

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/broker"
)

// Environment variables read by configFromEnv, and the defaults of this
// command that differ from broker.Config's.
const (
	envAddr           = "PRONTUARIO_BROKER_ADDR"
	envDataDir        = "PRONTUARIO_BROKER_DATA_DIR"
	envPartitions     = "PRONTUARIO_BROKER_PARTITIONS"
	envRetentionBytes = "PRONTUARIO_BROKER_RETENTION_BYTES"

	defaultDataDir = ".prontuario/broker"
)

// configFromEnv builds the broker configuration from the environment,
// reporting every malformed variable.
func configFromEnv(getenv func(string) string) (broker.Config, error) {
	cfg := broker.Config{
		Addr:    contracts.DefaultBrokerAddr,
		DataDir: defaultDataDir,
	}
	if v := getenv(envAddr); v != "" {
		cfg.Addr = v
	}
	if v := getenv(envDataDir); v != "" {
		cfg.DataDir = v
	}
	var errs []error
	if v := getenv(envPartitions); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			errs = append(errs, fmt.Errorf("%s=%q: want a positive integer", envPartitions, v))
		}
		cfg.Partitions = n
	}
	if v := getenv(envRetentionBytes); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || (n < 1 && n != broker.UnlimitedRetentionBytes) {
			errs = append(errs, fmt.Errorf("%s=%q: want a positive number of bytes or -1 (unlimited)", envRetentionBytes, v))
		}
		cfg.RetentionBytes = n
	}
	if err := errors.Join(errs...); err != nil {
		return broker.Config{}, err
	}
	return cfg, nil
}
