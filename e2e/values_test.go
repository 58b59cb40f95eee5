package e2e

import (
	"bufio"
	"encoding/json"
	"os"
	"sort"
	"testing"

	"github.com/prontuario/prontuario/e2e/harness"
)

// eventTypeOf is the event each simulator command emits.
var eventTypeOf = map[string]string{
	"OpenEncounter":         "EncounterOpened",
	"RecordTriage":          "TriageRecorded",
	"CloseEncounter":        "EncounterClosed",
	"IssuePrescription":     "PrescriptionIssued",
	"CancelPrescription":    "PrescriptionCancelled",
	"PlaceLabOrder":         "LabOrderPlaced",
	"RecordLabResult":       "LabResultRecorded",
	"CorrectLabResult":      "LabResultCorrected",
	"OrderImagingStudy":     "ImagingStudyOrdered",
	"PerformImagingStudy":   "ImagingStudyPerformed",
	"FinalizeImagingReport": "ImagingReportFinalized",
	"AmendImagingReport":    "ImagingReportAmended",
}

// acceptedCommand is one line of the simulator's -accepted-out file.
type acceptedCommand struct {
	Command, ID, EventID, PatientID, EncounterID string
	Version                                      int
}

func readAccepted(t *testing.T, path string) []acceptedCommand {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []acceptedCommand
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var a acceptedCommand
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("accepted line %q: %v", sc.Text(), err)
		}
		if a.PatientID != "" {
			out = append(out, a)
		}
	}
	return out
}

const auditValuesQuery = `query($p: ID!, $after: String) { auditTrail(patientId: $p, first: 100, after: $after) {
  pageInfo { hasNextPage endCursor } edges { node { aggregateId encounterId patientId provenance { eventId eventType recordVersion } } } } }`

type auditValues struct {
	AggregateID, EncounterID, PatientID string
	Provenance                          struct {
		EventID, EventType string
		RecordVersion      int
	}
}

// assertAcceptedValues checks, after assertExactlyOnce, that every accepted
// command's event is in the read model with the values the service answered:
// its record, encounter, patient, event type and record version; and that
// the read model holds no patient the services never accepted a command for.
func assertAcceptedValues(t *testing.T, h *harness.Hospital, accepted []acceptedCommand) {
	t.Helper()
	byPatient := map[string]map[string]auditValues{}
	for _, a := range accepted {
		if byPatient[a.PatientID] != nil {
			continue
		}
		entries := map[string]auditValues{}
		var after any
		for {
			r := h.Query(t, "auditor", auditValuesQuery, map[string]any{"p": a.PatientID, "after": after})
			if len(r.Errors) > 0 {
				t.Fatalf("auditTrail of %s: %+v", a.PatientID, r.Errors)
			}
			var d struct {
				AuditTrail struct {
					PageInfo struct {
						HasNextPage bool
						EndCursor   string
					}
					Edges []struct{ Node auditValues }
				}
			}
			r.Decode(t, &d)
			for _, e := range d.AuditTrail.Edges {
				entries[e.Node.Provenance.EventID] = e.Node
			}
			if !d.AuditTrail.PageInfo.HasNextPage {
				break
			}
			after = d.AuditTrail.PageInfo.EndCursor
		}
		byPatient[a.PatientID] = entries
	}
	for _, a := range accepted {
		got, ok := byPatient[a.PatientID][a.EventID]
		if !ok {
			t.Errorf("%s %s of patient %s: event %s not in the read model", a.Command, a.ID, a.PatientID, a.EventID)
			continue
		}
		want := eventTypeOf[a.Command]
		if got.Provenance.EventType != want || got.AggregateID != a.ID || got.PatientID != a.PatientID ||
			got.EncounterID != a.EncounterID || got.Provenance.RecordVersion != a.Version {
			t.Errorf("%s answered {id %s, encounter %s, version %d, patient %s}; the read model has %s {aggregate %s, encounter %s, version %d, patient %s}",
				a.Command, a.ID, a.EncounterID, a.Version, a.PatientID, got.Provenance.EventType, got.AggregateID, got.EncounterID, got.Provenance.RecordVersion, got.PatientID)
		}
	}
	want := make([]string, 0, len(byPatient))
	for pid := range byPatient {
		want = append(want, pid)
	}
	if got := allPatients(t, h); !sameSet(got, want) {
		t.Errorf("the read model's patients differ from those with accepted commands: extra %v, missing %v", minus(got, want), minus(want, got))
	}
}

// allPatients pages through every patient the read model knows.
func allPatients(t *testing.T, h *harness.Hospital) []string {
	t.Helper()
	var ids []string
	var after any
	for {
		r := h.Query(t, "auditor", `query($after: String) { patients(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`, map[string]any{"after": after})
		if len(r.Errors) > 0 {
			t.Fatalf("patients: %+v", r.Errors)
		}
		var d struct {
			Patients struct {
				PageInfo struct {
					HasNextPage bool
					EndCursor   string
				}
				Edges []struct{ Node struct{ ID string } }
			}
		}
		r.Decode(t, &d)
		for _, e := range d.Patients.Edges {
			ids = append(ids, e.Node.ID)
		}
		if !d.Patients.PageInfo.HasNextPage {
			sort.Strings(ids)
			return ids
		}
		after = d.Patients.PageInfo.EndCursor
	}
}
