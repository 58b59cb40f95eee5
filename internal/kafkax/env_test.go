package kafkax_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/internal/kafkax"
)

func env(kv map[string]string) func(string) string {
	return func(k string) string { return kv[k] }
}

func TestConfigFromEnvReadsEveryVariable(t *testing.T) {
	cfg, err := kafkax.ConfigFromEnv(env(map[string]string{
		kafkax.EnvBrokers:       " k1:9093, k2:9093 ,",
		kafkax.EnvTLS:           "true",
		kafkax.EnvTLSCAFile:     "/ca.pem",
		kafkax.EnvTLSCertFile:   "/c.pem",
		kafkax.EnvTLSKeyFile:    "/k.pem",
		kafkax.EnvSASLMechanism: "scram-sha-512",
		kafkax.EnvSASLUser:      "aggregator",
		kafkax.EnvSASLPassword:  "s3cret",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cfg.Brokers, []string{"k1:9093", "k2:9093"}) {
		t.Errorf("Brokers = %q", cfg.Brokers)
	}
	wantTLS := kafkax.TLSConfig{Enabled: true, CAFile: "/ca.pem", CertFile: "/c.pem", KeyFile: "/k.pem"}
	if cfg.TLS != wantTLS {
		t.Errorf("TLS = %+v, want %+v", cfg.TLS, wantTLS)
	}
	wantSASL := kafkax.SASLConfig{Mechanism: kafkax.SASLSCRAMSHA512, User: "aggregator", Password: "s3cret"}
	if cfg.SASL != wantSASL {
		t.Errorf("SASL = %+v, want %+v", cfg.SASL, wantSASL)
	}
}

func TestConfigFromEnvEmptyIsTheLocalBroker(t *testing.T) {
	cfg, err := kafkax.ConfigFromEnv(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cfg, kafkax.Config{}.WithDefaults()) {
		t.Errorf("config = %+v", cfg)
	}
}

func TestConfigFromEnvReportsEveryProblem(t *testing.T) {
	_, err := kafkax.ConfigFromEnv(env(map[string]string{
		kafkax.EnvTLS:           "yes please",
		kafkax.EnvSASLMechanism: "PLAIN",
	}))
	if err == nil {
		t.Fatal("want error")
	}
	for _, want := range []string{kafkax.EnvTLS, "User is required"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
}
