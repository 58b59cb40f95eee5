package kafkax

import (
	"fmt"
	"strings"
	"time"

	"github.com/IBM/sarama"
	"github.com/xdg-go/scram"
)

// kafkaVersion is the protocol version sarama speaks. Against kfake, sarama
// older than 1.46 with a version of 2.4 or more loops forever joining
// consumer groups; with sarama 1.61, 2.8 works. Never written.
var kafkaVersion = sarama.V2_8_0_0

// SaramaConfig returns the sarama configuration for cfg (after
// [Config.WithDefaults]): synchronous, all-replica acknowledged producing;
// consumer groups that start from the oldest offset of a new group and
// retry a rebalance after 100 ms (sarama's 2 s default delays a new group's
// first message by 2 s); TLS and SASL as configured.
func SaramaConfig(cfg Config) (*sarama.Config, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("kafka config: %w", err)
	}
	sc := sarama.NewConfig()
	sc.Version = kafkaVersion
	sc.ClientID = cfg.ClientID

	// Topics are created by the broker's configuration, never by a typo.
	sc.Metadata.AllowAutoTopicCreation = false
	sc.Metadata.Retry.Max = 10
	sc.Metadata.Retry.Backoff = 250 * time.Millisecond

	sc.Producer.Return.Successes = true
	sc.Producer.Return.Errors = true
	sc.Producer.RequiredAcks = sarama.WaitForAll
	sc.Producer.Retry.Max = 10
	sc.Producer.Retry.Backoff = 100 * time.Millisecond
	sc.Producer.Partitioner = sarama.NewHashPartitioner // FNV-1a of the key

	sc.Consumer.Return.Errors = true
	sc.Consumer.Offsets.Initial = sarama.OffsetOldest
	sc.Consumer.Offsets.AutoCommit.Enable = true
	sc.Consumer.Offsets.AutoCommit.Interval = time.Second
	sc.Consumer.Group.Rebalance.Retry.Backoff = 100 * time.Millisecond
	sc.Consumer.Group.Session.Timeout = cfg.SessionTimeout
	sc.Consumer.Group.Heartbeat.Interval = cfg.HeartbeatInterval
	// A JoinGroup may be held by the broker until every member rejoined or
	// the rebalance timeout passed, so the read timeout must exceed the
	// rebalance timeout. With sarama's defaults (60 s vs 30 s) a member that
	// joins while crashed members are still in the group times out, rejoins
	// as a new member and can loop forever (seen after kill -9 of an
	// aggregator mid-rebalance).
	sc.Consumer.Group.Rebalance.Timeout = 2 * cfg.SessionTimeout
	sc.Net.ReadTimeout = sc.Consumer.Group.Rebalance.Timeout + 10*time.Second

	if cfg.TLS.Enabled {
		tc, err := tlsConfig(cfg.TLS)
		if err != nil {
			return nil, err
		}
		sc.Net.TLS.Enable = true
		sc.Net.TLS.Config = tc
	}
	if cfg.SASL.Mechanism != "" {
		applySASL(sc, cfg.SASL)
	}

	if err := sc.Validate(); err != nil {
		return nil, fmt.Errorf("sarama config: %w", err)
	}
	return sc, nil
}

func applySASL(sc *sarama.Config, s SASLConfig) {
	sc.Net.SASL.Enable = true
	sc.Net.SASL.Handshake = true
	sc.Net.SASL.User = s.User
	sc.Net.SASL.Password = s.Password
	switch strings.ToUpper(s.Mechanism) {
	case SASLPlain:
		sc.Net.SASL.Mechanism = sarama.SASLTypePlaintext
	case SASLSCRAMSHA256:
		sc.Net.SASL.Mechanism = sarama.SASLTypeSCRAMSHA256
		sc.Net.SASL.SCRAMClientGeneratorFunc = newSCRAMClient(scram.SHA256)
	case SASLSCRAMSHA512:
		sc.Net.SASL.Mechanism = sarama.SASLTypeSCRAMSHA512
		sc.Net.SASL.SCRAMClientGeneratorFunc = newSCRAMClient(scram.SHA512)
	}
}
