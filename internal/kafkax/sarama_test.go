package kafkax_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/IBM/sarama"

	"github.com/prontuario/prontuario/internal/kafkax"
)

func TestSaramaConfigCarriesTheMeasuredSettings(t *testing.T) {
	sc, err := kafkax.SaramaConfig(kafkax.Config{ClientID: "triage"}.WithFastRebalance())
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"Version", sc.Version, sarama.V2_8_0_0},
		{"ClientID", sc.ClientID, "triage"},
		{"Rebalance.Retry.Backoff", sc.Consumer.Group.Rebalance.Retry.Backoff, 100 * time.Millisecond},
		{"Offsets.Initial", sc.Consumer.Offsets.Initial, sarama.OffsetOldest},
		{"Return.Successes", sc.Producer.Return.Successes, true},
		{"RequiredAcks", sc.Producer.RequiredAcks, sarama.WaitForAll},
		{"AllowAutoTopicCreation", sc.Metadata.AllowAutoTopicCreation, false},
		{"Session.Timeout", sc.Consumer.Group.Session.Timeout, 2 * time.Second},
		{"Heartbeat.Interval", sc.Consumer.Group.Heartbeat.Interval, 200 * time.Millisecond},
		{"TLS.Enable", sc.Net.TLS.Enable, false},
		{"SASL.Enable", sc.Net.SASL.Enable, false},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestSaramaConfigAppliesTLSAndSASL(t *testing.T) {
	caFile, _ := writeTestCA(t)
	for _, mech := range []string{kafkax.SASLPlain, kafkax.SASLSCRAMSHA256, kafkax.SASLSCRAMSHA512} {
		sc, err := kafkax.SaramaConfig(kafkax.Config{
			TLS:  kafkax.TLSConfig{Enabled: true, CAFile: caFile},
			SASL: kafkax.SASLConfig{Mechanism: mech, User: "u", Password: "p"},
		})
		if err != nil {
			t.Fatalf("%s: %v", mech, err)
		}
		if !sc.Net.TLS.Enable || sc.Net.TLS.Config == nil || sc.Net.TLS.Config.RootCAs == nil {
			t.Errorf("%s: TLS not applied: %+v", mech, sc.Net.TLS)
		}
		if !sc.Net.SASL.Enable || string(sc.Net.SASL.Mechanism) != mech || sc.Net.SASL.User != "u" || sc.Net.SASL.Password != "p" {
			t.Errorf("%s: SASL not applied: %+v", mech, sc.Net.SASL)
		}
		if (mech != kafkax.SASLPlain) != (sc.Net.SASL.SCRAMClientGeneratorFunc != nil) {
			t.Errorf("%s: SCRAM client generator set = %v", mech, sc.Net.SASL.SCRAMClientGeneratorFunc != nil)
		}
	}
}

func TestSaramaConfigFailsOnUnreadableTLSFiles(t *testing.T) {
	notPEM := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(notPEM, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]kafkax.TLSConfig{
		"missing CA":  {Enabled: true, CAFile: filepath.Join(t.TempDir(), "nope.pem")},
		"CA not PEM":  {Enabled: true, CAFile: notPEM},
		"missing key": {Enabled: true, CertFile: notPEM, KeyFile: notPEM},
	} {
		if _, err := kafkax.SaramaConfig(kafkax.Config{TLS: tc}); err == nil {
			t.Errorf("%s: SaramaConfig = nil error", name)
		}
	}
}
