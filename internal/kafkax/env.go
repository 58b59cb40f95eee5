package kafkax

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Environment variables read by [ConfigFromEnv].
const (
	EnvBrokers       = "PRONTUARIO_KAFKA_BROKERS" // comma separated host:port list
	EnvTLS           = "PRONTUARIO_KAFKA_TLS"     // true/false
	EnvTLSCAFile     = "PRONTUARIO_KAFKA_TLS_CA_FILE"
	EnvTLSCertFile   = "PRONTUARIO_KAFKA_TLS_CERT_FILE"
	EnvTLSKeyFile    = "PRONTUARIO_KAFKA_TLS_KEY_FILE"
	EnvSASLMechanism = "PRONTUARIO_KAFKA_SASL_MECHANISM"
	EnvSASLUser      = "PRONTUARIO_KAFKA_SASL_USER"
	EnvSASLPassword  = "PRONTUARIO_KAFKA_SASL_PASSWORD"
)

// ConfigFromEnv reads the PRONTUARIO_KAFKA_* variables through getenv
// (os.Getenv in production), applies the defaults and validates the result,
// reporting every problem at once.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	var cfg Config
	var errs []error
	for _, b := range strings.Split(getenv(EnvBrokers), ",") {
		if b = strings.TrimSpace(b); b != "" {
			cfg.Brokers = append(cfg.Brokers, b)
		}
	}
	if v := getenv(EnvTLS); v != "" {
		on, err := strconv.ParseBool(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s=%q: want true or false", EnvTLS, v))
		}
		cfg.TLS.Enabled = on
	}
	cfg.TLS.CAFile = getenv(EnvTLSCAFile)
	cfg.TLS.CertFile = getenv(EnvTLSCertFile)
	cfg.TLS.KeyFile = getenv(EnvTLSKeyFile)
	cfg.SASL.Mechanism = strings.ToUpper(getenv(EnvSASLMechanism))
	cfg.SASL.User = getenv(EnvSASLUser)
	cfg.SASL.Password = getenv(EnvSASLPassword)

	cfg = cfg.WithDefaults()
	errs = append(errs, cfg.Validate())
	if err := errors.Join(errs...); err != nil {
		return Config{}, fmt.Errorf("kafka config from environment: %w", err)
	}
	return cfg, nil
}
