// Package kafkatest starts the embedded Kafka-protocol broker
// (internal/broker) for tests: on a free loopback port, with a data dir the
// test owns, restartable on the same port and data dir to test recovery.
//
// Each test should isolate itself by name: its own consumer groups and, when
// it counts messages, its own topics (see [UniqueName] and
// [Broker.CreateTopics]). Set PRONTUARIO_TEST_BROKER_LOG=1 to see the
// broker's logs on stderr.
package kafkatest
