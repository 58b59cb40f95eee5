package bench

import (
	"fmt"
	"iter"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// EventsPerEncounter is how many events one encounter of a [Workload] has:
// opened, triaged, a prescription, a lab order with two results, an imaging
// study ordered, performed and reported, and closed.
const EventsPerEncounter = 10

// EncountersPerPatient is how many encounters each patient of a [Workload] has.
const EncountersPerPatient = 2

// Workload is a deterministic stream of realistic events from all four
// services, patient by patient, as the domain services publish them.
type Workload struct {
	// Prefix starts every id, so that workloads sharing a broker or a store
	// never touch each other's patients.
	Prefix string
	// Events is the total number of events; the last patient's history is
	// cut short to match.
	Events int
}

// Patients yields the events of each patient in turn, in the order their
// services would publish them, generating them as it goes (a million events
// need not be held at once). It stops at the first event that fails
// contracts.NewEvent.
func (w Workload) Patients() iter.Seq2[[]contracts.Event, error] {
	return func(yield func([]contracts.Event, error) bool) {
		left := w.Events
		for p := 0; left > 0; p++ {
			var events []contracts.Event
			for e := range EncountersPerPatient {
				enc, err := encounterEvents(w.Prefix, p, e)
				if err != nil {
					yield(nil, err)
					return
				}
				events = append(events, enc...)
			}
			events = events[:min(len(events), left)]
			left -= len(events)
			if !yield(events, nil) {
				return
			}
		}
	}
}

// encounterEvents are the ten events of encounter e of patient p.
func encounterEvents(prefix string, p, e int) ([]contracts.Event, error) {
	pid := fmt.Sprintf("%s-P%07d", prefix, p)
	eid := fmt.Sprintf("%s-E%07d-%d", prefix, p, e)
	at := time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC).Add(time.Duration(p%1000)*time.Hour + time.Duration(e)*30*24*time.Hour)
	r := records(pid, eid, p, at)
	steps := []struct {
		payload contracts.Payload
		version int64
		minutes int
		actor   contracts.Actor
	}{
		{contracts.EncounterOpened{EncounterState: r.opened}, 1, 0, contracts.Actor{ID: "C-5", Role: "clerk"}},
		{contracts.TriageRecorded{EncounterState: r.triaged}, 2, 5, contracts.Actor{ID: "N-17", Role: "nurse"}},
		{contracts.PrescriptionIssued{PrescriptionState: r.prescription}, 1, 15, contracts.Actor{ID: "PR-1", Role: "physician"}},
		{contracts.LabOrderPlaced{LabOrderState: r.lab[0]}, 1, 20, contracts.Actor{ID: "PR-1", Role: "physician"}},
		{contracts.LabResultRecorded{LabOrderState: r.lab[1], ResultCode: "718-7"}, 2, 50, contracts.Actor{ID: "LAB-7", Role: "labtech"}},
		{contracts.LabResultRecorded{LabOrderState: r.lab[2], ResultCode: "2823-3"}, 3, 55, contracts.Actor{ID: "LAB-7", Role: "labtech"}},
		{contracts.ImagingStudyOrdered{ImagingStudyState: r.imaging[0]}, 1, 25, contracts.Actor{ID: "PR-1", Role: "physician"}},
		{contracts.ImagingStudyPerformed{ImagingStudyState: r.imaging[1]}, 2, 60, contracts.Actor{ID: "T-3", Role: "technologist"}},
		{contracts.ImagingReportFinalized{ImagingStudyState: r.imaging[2]}, 3, 100, contracts.Actor{ID: "RAD-2", Role: "radiologist"}},
		{contracts.EncounterClosed{EncounterState: r.closed}, 3, 180, contracts.Actor{ID: "PR-1", Role: "physician"}},
	}
	out := make([]contracts.Event, 0, len(steps))
	now := time.Now()
	for _, s := range steps {
		ev, err := contracts.NewEvent(s.payload, contracts.Meta{
			OccurredAt: at.Add(time.Duration(s.minutes) * time.Minute), RecordedAt: now,
			AggregateVersion: s.version, Actor: s.actor, CorrelationID: eid,
		})
		if err != nil {
			return nil, fmt.Errorf("event %s of %s: %w", s.payload.EventType(), eid, err)
		}
		out = append(out, ev)
	}
	return out, nil
}
