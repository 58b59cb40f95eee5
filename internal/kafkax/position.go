package kafkax

import (
	"time"

	"github.com/ThreeDotsLabs/watermill-kafka/v3/pkg/kafka"
	"github.com/ThreeDotsLabs/watermill/message"
)

// Position is where a consumed message sits in its topic.
type Position struct {
	Partition int32
	Offset    int64
	// Timestamp is the record's Kafka timestamp (set by the producer).
	Timestamp time.Time
	// Key is the record key: the patient id.
	Key string
}

// PositionOf returns the position of a message received from a subscriber
// of this package. ok is false for a message that did not come from Kafka.
func PositionOf(msg *message.Message) (pos Position, ok bool) {
	ctx := msg.Context()
	partition, okP := kafka.MessagePartitionFromCtx(ctx)
	offset, okO := kafka.MessagePartitionOffsetFromCtx(ctx)
	if !okP || !okO {
		return Position{}, false
	}
	ts, _ := kafka.MessageTimestampFromCtx(ctx)
	key, _ := kafka.MessageKeyFromCtx(ctx)
	return Position{Partition: partition, Offset: offset, Timestamp: ts, Key: string(key)}, true
}
