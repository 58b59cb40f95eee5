// Package broker runs the embedded Kafka-protocol broker: kfake
// (github.com/twmb/franz-go/pkg/kfake) serving a single real broker on a
// loopback address, with its log and committed consumer-group offsets
// persisted in a data directory.
//
// Topics are kept forever by time (retention.ms = -1) because the read model
// is rebuilt by replaying them; only a per-partition size cap
// (retention.bytes) trims the oldest records. kfake does not enforce
// retention on its own, so the Broker applies it on a ticker.
//
// The broker is for a single machine (development, demos, tests). Clients
// reach it through the ordinary Kafka protocol, so the same code runs against
// a real Kafka cluster.
package broker
