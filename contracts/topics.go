package contracts

// Topic names. Every topic that crosses a service boundary is named here and
// nowhere else.
const (
	// TopicTriage carries the triage service's encounter events.
	TopicTriage = "hospital.triage.v1"
	// TopicPrescription carries the prescription service's events.
	TopicPrescription = "hospital.prescription.v1"
	// TopicLab carries the lab service's order and result events.
	TopicLab = "hospital.lab.v1"
	// TopicImaging carries the imaging service's study and report events.
	TopicImaging = "hospital.imaging.v1"
	// TopicDeadLetter receives every event the aggregator could not accept,
	// with the reason and the original coordinates in its headers.
	TopicDeadLetter = "hospital.deadletter.v1"
)

// DefaultBrokerAddr is where the embedded Kafka-protocol broker listens by default.
const DefaultBrokerAddr = "127.0.0.1:9092"

// SourceTopics returns the four domain topics, in a fixed order.
func SourceTopics() []string {
	return []string{TopicTriage, TopicPrescription, TopicLab, TopicImaging}
}

// AllTopics returns every topic, the dead-letter topic last.
func AllTopics() []string {
	return append(SourceTopics(), TopicDeadLetter)
}

// Partitions is how many partitions every topic has. It is part of the
// contract: producers pick a message's partition from its key (the patient
// id) modulo this count, so changing it on a live topic moves patients to
// other partitions. The embedded broker and every deployment create the
// topics with it; contracts/asyncapi.yaml states it for each topic.
const Partitions = 4
