package history

import (
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// Delivery is one decoded event as the aggregator received it: the event and
// the Kafka coordinates it was read from.
type Delivery struct {
	Event contracts.Event
	// Topic, Partition and Offset locate the message the event was read from.
	Topic     string
	Partition int32
	Offset    int64
	// ReceivedAt is the wall clock when the aggregator got the message. It
	// becomes Provenance.IngestedAt; Apply never reads a clock itself.
	ReceivedAt time.Time
}

// ProvenanceOf says where the delivery's event came from. Times are in UTC
// (which also drops any monotonic clock reading), so documents render the
// same whatever the local time zone of the aggregator. It is pure and safe
// to call concurrently.
func ProvenanceOf(d Delivery) Provenance {
	e := d.Event
	return Provenance{
		EventID:       e.ID,
		EventType:     e.Type,
		SchemaVersion: e.Version,
		RecordVersion: e.AggregateVersion,
		Source:        e.Source,
		Topic:         d.Topic,
		Partition:     d.Partition,
		Offset:        d.Offset,
		OccurredAt:    e.OccurredAt.UTC(),
		RecordedAt:    e.RecordedAt.UTC(),
		IngestedAt:    d.ReceivedAt.UTC(),
		Actor:         e.Actor,
		CorrelationID: e.CorrelationID,
	}
}
