package broker_test

import (
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/broker"
)

func TestWithDefaultsFillsEveryZeroField(t *testing.T) {
	cfg := broker.Config{DataDir: "d"}.WithDefaults()
	if cfg.Addr != contracts.DefaultBrokerAddr {
		t.Errorf("Addr = %q, want %q", cfg.Addr, contracts.DefaultBrokerAddr)
	}
	if cfg.Partitions != broker.DefaultPartitions {
		t.Errorf("Partitions = %d, want %d", cfg.Partitions, broker.DefaultPartitions)
	}
	if len(cfg.Topics) != len(contracts.AllTopics()) {
		t.Errorf("Topics = %v, want %v", cfg.Topics, contracts.AllTopics())
	}
	if cfg.RetentionBytes != broker.DefaultRetentionBytes {
		t.Errorf("RetentionBytes = %d, want %d", cfg.RetentionBytes, broker.DefaultRetentionBytes)
	}
	if cfg.RetentionCheckInterval != broker.DefaultRetentionCheckInterval {
		t.Errorf("RetentionCheckInterval = %s", cfg.RetentionCheckInterval)
	}
	if cfg.Logger == nil {
		t.Error("Logger is nil")
	}
	if err := cfg.Validate(); err != nil {
		t.Errorf("Validate() = %v, want nil", err)
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	cfg := broker.Config{
		Addr:                   "0.0.0.0:99999",
		Partitions:             -1,
		Topics:                 []string{"ok", "bad/name"},
		RetentionBytes:         -5,
		RetentionCheckInterval: -time.Second,
		GroupMinSessionTimeout: -time.Second,
	}.WithDefaults()
	err := cfg.Validate()
	if err == nil {
		t.Fatal("Validate() = nil, want errors")
	}
	for _, want := range []string{
		"not 0.0.0.0", "port must be", "DataDir is required", "Partitions",
		`"bad/name"`, "RetentionBytes", "RetentionCheckInterval", "GroupMinSessionTimeout",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() error lacks %q:\n%v", want, err)
		}
	}
}

func TestValidateAcceptsUnlimitedRetentionAndPortZero(t *testing.T) {
	cfg := broker.Config{
		Addr:           "127.0.0.1:0",
		DataDir:        "d",
		RetentionBytes: broker.UnlimitedRetentionBytes,
	}.WithDefaults()
	if err := cfg.Validate(); err != nil {
		t.Errorf("Validate() = %v, want nil", err)
	}
}

func TestValidateTopicName(t *testing.T) {
	for name, ok := range map[string]bool{
		contracts.TopicTriage:    true,
		"a_b-C.9":                true,
		"":                       false,
		".":                      false,
		"..":                     false,
		"with space":             false,
		strings.Repeat("a", 249): true,
		strings.Repeat("a", 250): false,
	} {
		if err := broker.ValidateTopicName(name); (err == nil) != ok {
			t.Errorf("ValidateTopicName(%q) = %v, want ok=%v", name, err, ok)
		}
	}
}
