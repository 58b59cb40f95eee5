package main

import (
	"errors"
	"fmt"

	"github.com/prontuario/prontuario/aggregator/store/readstore"
	"github.com/prontuario/prontuario/internal/kafkax"
)

// config is the aggregator's configuration, from the environment.
type config struct {
	// Addr serves /healthz, /readyz and /metrics. PRONTUARIO_AGGREGATOR_ADDR, default ":8090".
	Addr string
	// Group is the consumer group every replica shares.
	// PRONTUARIO_AGGREGATOR_GROUP, default "prontuario-aggregator".
	Group string
	// InstanceID, when set, makes this replica's consumer-group members
	// static (Kafka's group.instance.id, one per topic: InstanceID-topic),
	// so a replica restarted after a crash takes its members' places at
	// once instead of waiting for the broker to evict the dead ones. It
	// must be stable across restarts and unique per replica (a StatefulSet
	// pod name, a compose container name). PRONTUARIO_AGGREGATOR_INSTANCE_ID,
	// default "" (dynamic members).
	InstanceID string
	Kafka      kafkax.Config
	Store      readstore.Config
}

func configFromEnv(getenv func(string) string) (config, error) {
	c := config{Addr: getenv("PRONTUARIO_AGGREGATOR_ADDR"), Group: getenv("PRONTUARIO_AGGREGATOR_GROUP"), InstanceID: getenv("PRONTUARIO_AGGREGATOR_INSTANCE_ID"), Store: readstore.FromEnv(getenv)}
	if c.Addr == "" {
		c.Addr = ":8090"
	}
	if c.Group == "" {
		c.Group = "prontuario-aggregator"
	}
	k, err := kafkax.ConfigFromEnv(getenv)
	c.Kafka = k.WithDefaults()
	return c, errors.Join(err, c.validate())
}

// validate reports every problem at once.
func (c config) validate() error {
	var errs []error
	if err := c.Kafka.Validate(); err != nil {
		errs = append(errs, fmt.Errorf("kafka: %w", err))
	}
	if err := c.Store.Validate(); err != nil {
		errs = append(errs, fmt.Errorf("read store: %w", err))
	}
	return errors.Join(errs...)
}
