package kafkax_test

import (
	"errors"
	"testing"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/kafkax"
)

func TestPartitionKey(t *testing.T) {
	withSubject := message.NewMessage("uuid-1", nil)
	withSubject.Metadata.Set(contracts.HeaderSubject, "patient-42")
	without := message.NewMessage("uuid-2", nil)

	for _, tc := range []struct {
		name    string
		topic   string
		msg     *message.Message
		want    string
		wantErr error
	}{
		{"source_topic_is_keyed_by_patient", contracts.TopicLab, withSubject, "patient-42", nil},
		{"dead_letter_is_keyed_by_patient_when_known", contracts.TopicDeadLetter, withSubject, "patient-42", nil},
		{"source_topic_refuses_a_message_without_patient", contracts.TopicLab, without, "", kafkax.ErrMissingSubject},
		{"dead_letter_without_patient_is_keyed_by_uuid", contracts.TopicDeadLetter, without, "uuid-2", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := kafkax.PartitionKey(tc.topic, tc.msg)
			if !errors.Is(err, tc.wantErr) || got != tc.want {
				t.Errorf("PartitionKey = %q, %v; want %q, %v", got, err, tc.want, tc.wantErr)
			}
		})
	}
}
