package history

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

func TestApplyRejects(t *testing.T) {
	triage := func(b *builder) Delivery {
		return b.deliver(contracts.TriageRecorded{EncounterState: triaged(visit(pat, enc, at(0)), 3, at(12))}, 2, at(12), nurse)
	}
	tests := []struct {
		name  string
		slice Slice
		// delivery spoils a valid delivery.
		delivery func(d Delivery) Delivery
		wantErr  any    // pointer to the error type expected
		wantKind string // PoisonKind of the error
		wantText string // part of the message
	}{
		{"event_without_payload_is_invalid", NewSlice(pat, enc),
			func(d Delivery) Delivery { d.Event.Payload = nil; return d },
			new(*InvalidDeliveryError), KindInvalidDelivery, "has no payload"},
		{"pointer_payload_is_an_unsupported_type", NewSlice(pat, enc),
			func(d Delivery) Delivery {
				p := d.Event.Payload.(contracts.TriageRecorded)
				d.Event.Payload = &p
				return d
			},
			new(*InvalidDeliveryError), KindInvalidDelivery, "unsupported payload type *contracts.TriageRecorded"},
		{"payload_of_another_type_than_the_event_is_invalid", NewSlice(pat, enc),
			func(d Delivery) Delivery { d.Event.Type = contracts.TypeEncounterClosed; return d },
			new(*InvalidDeliveryError), KindInvalidDelivery, "payload is a TriageRecorded but the event says EncounterClosed"},
		{"event_without_id_is_invalid", NewSlice(pat, enc),
			func(d Delivery) Delivery { d.Event.ID = ""; return d },
			new(*InvalidDeliveryError), KindInvalidDelivery, "no id"},
		{"version_zero_is_invalid", NewSlice(pat, enc),
			func(d Delivery) Delivery { d.Event.AggregateVersion = 0; return d },
			new(*InvalidDeliveryError), KindInvalidDelivery, "aggregate version 0"},
		{"event_without_occurrence_time_is_invalid", NewSlice(pat, enc),
			func(d Delivery) Delivery { d.Event.OccurredAt = time.Time{}; return d },
			new(*InvalidDeliveryError), KindInvalidDelivery, "no occurrence time"},
		{"envelope_contradicting_the_payload_is_invalid", NewSlice(pat, enc),
			func(d Delivery) Delivery { d.Event.AggregateID = "E-9"; return d },
			new(*InvalidDeliveryError), KindInvalidDelivery, `record "E-9"`},
		{"triage_snapshot_of_another_patient_is_invalid", NewSlice(pat, enc),
			func(d Delivery) Delivery {
				p := d.Event.Payload.(contracts.TriageRecorded)
				p.Patient.ID = "P-9"
				d.Event.Payload = p
				return d
			},
			new(*InvalidDeliveryError), KindInvalidDelivery, `patient snapshot id "P-9"`},
		{"unknown_encounter_status_is_invalid", NewSlice(pat, enc),
			func(d Delivery) Delivery {
				p := d.Event.Payload.(contracts.TriageRecorded)
				p.Status = "triaged"
				d.Event.Payload = p
				return d
			},
			new(*InvalidDeliveryError), KindInvalidDelivery, `status "triaged"`},
		{"event_of_another_patient_is_a_mismatch_not_poison", NewSlice("P-9", enc),
			func(d Delivery) Delivery { return d },
			new(*MismatchError), "", `slice of patient "P-9"`},
		{"event_of_another_encounter_is_a_mismatch_not_poison", NewSlice(pat, "E-9"),
			func(d Delivery) Delivery { return d },
			new(*MismatchError), "", `encounter "E-9"`},
		{"encounter_of_another_patient_is_a_poison_conflict", Slice{Patient: NewPatient(pat), Encounter: NewEncounter("P-9", enc)},
			func(d Delivery) Delivery { return d },
			new(*ConflictError), KindEncounterConflict, "belongs to patient P-9"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d := tc.delivery(triage(newBuilder(t)))
			got, err := Apply(tc.slice, d)
			if err == nil {
				t.Fatal("Apply accepted the delivery")
			}
			if !errors.As(err, tc.wantErr) {
				t.Errorf("error %T (%v), want %s", err, err, reflect.TypeOf(tc.wantErr).Elem())
			}
			if kind := PoisonKind(fmt.Errorf("apply: %w", err)); kind != tc.wantKind {
				t.Errorf("poison kind %q, want %q", kind, tc.wantKind)
			}
			if !strings.Contains(err.Error(), tc.wantText) {
				t.Errorf("message %q does not say %q", err, tc.wantText)
			}
			if !reflect.DeepEqual(got, tc.slice) {
				t.Errorf("a rejected delivery changed the slice: %+v", got)
			}
		})
	}
}

func TestPoisonKindIgnoresOtherErrors(t *testing.T) {
	for _, err := range []error{nil, errors.New("connection reset"), &MismatchError{}, ErrNotFound} {
		if kind := PoisonKind(err); kind != "" {
			t.Errorf("PoisonKind(%v) = %q, want \"\"", err, kind)
		}
	}
}
