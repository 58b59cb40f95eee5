package kafkax_test

import (
	"testing"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

// TestTLSAndSASLReachAProtectedBroker runs a round trip against a kfake
// broker that only speaks TLS and requires SASL, once per mechanism.
func TestTLSAndSASLReachAProtectedBroker(t *testing.T) {
	t.Parallel()
	for _, mech := range []string{kafkax.SASLPlain, kafkax.SASLSCRAMSHA256, kafkax.SASLSCRAMSHA512} {
		t.Run(mech, func(t *testing.T) {
			t.Parallel()
			caFile, serverTLS := writeTestCA(t)
			const topic = "secure"
			cluster, err := kfake.NewCluster(
				kfake.NumBrokers(1),
				kfake.TLS(serverTLS),
				kfake.EnableSASL(),
				kfake.Superuser(mech, "aggregator", "s3cret"),
				kfake.SeedTopics(1, topic),
				kfake.GroupMinSessionTimeout(kafkatest.GroupMinSessionTimeout),
			)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(cluster.Close)

			cfg := kafkax.Config{
				Brokers: cluster.ListenAddrs(),
				TLS:     kafkax.TLSConfig{Enabled: true, CAFile: caFile},
				SASL:    kafkax.SASLConfig{Mechanism: mech, User: "aggregator", Password: "s3cret"},
			}.WithFastRebalance()
			publish(t, newPublisher(t, cfg), topic, []*message.Message{event("patient-1", 1)})
			got := receive(t, subscribe(t, newSubscriber(t, cfg, "secure-group"), topic), 1)
			if got[0].UUID != "patient-1-evt-1" {
				t.Errorf("got %s", got[0].UUID)
			}
		})
	}
}

func TestWrongPasswordIsRefused(t *testing.T) {
	t.Parallel()
	cluster, err := kfake.NewCluster(
		kfake.NumBrokers(1),
		kfake.EnableSASL(),
		kfake.Superuser(kafkax.SASLSCRAMSHA512, "aggregator", "s3cret"),
	)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cluster.Close)
	cfg := kafkax.Config{
		Brokers: cluster.ListenAddrs(),
		SASL:    kafkax.SASLConfig{Mechanism: kafkax.SASLSCRAMSHA512, User: "aggregator", Password: "wrong"},
	}
	if p, err := kafkax.NewPublisher(cfg, nil); err == nil {
		p.Close()
		t.Fatal("NewPublisher with a wrong password succeeded")
	}
}
