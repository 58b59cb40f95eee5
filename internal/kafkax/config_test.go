package kafkax_test

import (
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/kafkax"
)

func TestWithDefaults(t *testing.T) {
	cfg := kafkax.Config{}.WithDefaults()
	if len(cfg.Brokers) != 1 || cfg.Brokers[0] != contracts.DefaultBrokerAddr {
		t.Errorf("Brokers = %v", cfg.Brokers)
	}
	if cfg.ClientID != kafkax.DefaultClientID || cfg.SessionTimeout != kafkax.DefaultSessionTimeout || cfg.HeartbeatInterval != kafkax.DefaultHeartbeatInterval {
		t.Errorf("defaults = %+v", cfg)
	}
	if err := cfg.Validate(); err != nil {
		t.Errorf("Validate() = %v", err)
	}
	fast := cfg.WithFastRebalance()
	if fast.SessionTimeout != 2*time.Second || fast.HeartbeatInterval != 200*time.Millisecond {
		t.Errorf("WithFastRebalance = %s/%s", fast.SessionTimeout, fast.HeartbeatInterval)
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	cfg := kafkax.Config{
		Brokers:           []string{"no-port"},
		SessionTimeout:    time.Second,
		HeartbeatInterval: 2 * time.Second,
		TLS:               kafkax.TLSConfig{CAFile: "ca.pem", CertFile: "c.pem"},
		SASL:              kafkax.SASLConfig{Mechanism: "GSSAPI"},
	}.WithDefaults()
	err := cfg.Validate()
	if err == nil {
		t.Fatal("Validate() = nil")
	}
	for _, want := range []string{
		`broker "no-port"`, "HeartbeatInterval", "TLS is not enabled", "CertFile and KeyFile",
		`Mechanism "GSSAPI"`, "User is required", "Password is required",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() error lacks %q:\n%v", want, err)
		}
	}
}

func TestValidateRejectsCredentialsWithoutMechanism(t *testing.T) {
	cfg := kafkax.Config{SASL: kafkax.SASLConfig{User: "u", Password: "p"}}.WithDefaults()
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "no SASL Mechanism") {
		t.Errorf("Validate() = %v", err)
	}
}
