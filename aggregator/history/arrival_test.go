package history

import (
	"slices"
	"testing"

	"github.com/prontuario/prontuario/contracts"
)

func TestApplyPartialArrival(t *testing.T) {
	runApplyCases(t, []applyCase{
		{
			name: "lab_result_before_encounter_is_kept_and_marked_missing",
			deliveries: func(b *builder) []Delivery {
				lo := withResult(labOrder(pat, enc, "LO-4001", at(30)), hemoglobin, contracts.ResultStatusFinal, 13.5, at(60))
				return []Delivery{b.deliver(contracts.LabResultRecorded{LabOrderState: lo, ResultCode: hemoglobin}, 2, at(60), labtech)}
			},
			check: func(t *testing.T, r run) {
				e := r.encounter(t, enc)
				if e.Status != StatusUnknown || !slices.Equal(e.Missing, []string{MissingEncounter, MissingTriage}) || e.Visit != nil {
					t.Errorf("status %s, missing %v, visit %v; want UNKNOWN, [ENCOUNTER TRIAGE], none", e.Status, e.Missing, e.Visit)
				}
				if len(e.LabOrders) != 1 || e.LabOrders[0].ID != "LO-4001" || e.LabOrders[0].Current.State.Results[0].Value != 13.5 {
					t.Fatalf("lab orders %+v, want LO-4001 with its result", e.LabOrders)
				}
				if !e.SortTime.Equal(at(60)) || !e.UpdatedAt.Equal(at(60)) || e.PatientID != pat {
					t.Errorf("sort time %v, updated %v, patient %s; want the result's time and %s", e.SortTime, e.UpdatedAt, e.PatientID, pat)
				}
				p := r.patient(t, pat)
				if !slices.Equal(p.EncounterIDs, []string{enc}) || !slices.Equal(p.Missing(), []string{MissingDemographics}) {
					t.Errorf("patient encounters %v, missing %v", p.EncounterIDs, p.Missing())
				}
			},
		},
		{
			name: "encounter_opened_after_lab_result_heals_the_encounter",
			deliveries: func(b *builder) []Delivery {
				lo := withResult(labOrder(pat, enc, "LO-4001", at(30)), hemoglobin, contracts.ResultStatusFinal, 13.5, at(60))
				return []Delivery{
					b.deliver(contracts.LabResultRecorded{LabOrderState: lo, ResultCode: hemoglobin}, 2, at(60), labtech),
					b.deliver(contracts.EncounterOpened{EncounterState: visit(pat, enc, at(0))}, 1, at(0), nurse),
				}
			},
			check: func(t *testing.T, r run) {
				e := r.encounter(t, enc)
				if e.Status != StatusOpen || !slices.Equal(e.Missing, []string{MissingTriage}) {
					t.Errorf("status %s, missing %v; want OPEN, [TRIAGE]", e.Status, e.Missing)
				}
				if !e.SortTime.Equal(at(0)) || len(e.LabOrders) != 1 {
					t.Errorf("sort time %v (want arrival %v), %d lab orders (want 1)", e.SortTime, at(0), len(e.LabOrders))
				}
				p := r.patient(t, pat)
				if p.Demographics == nil || p.Demographics.Name != "Maria Oliveira" || p.Missing() != nil {
					t.Errorf("demographics %+v, want Maria Oliveira's", p.Demographics)
				}
				if !e.UpdatedAt.Equal(at(60)) || !p.UpdatedAt.Equal(at(60)) {
					t.Errorf("updated at %v / %v, want the newest occurrence %v, not the last applied", e.UpdatedAt, p.UpdatedAt, at(60))
				}
			},
		},
		{
			name: "triage_recorded_completes_the_encounter",
			deliveries: func(b *builder) []Delivery {
				v := visit(pat, enc, at(0))
				return []Delivery{
					b.deliver(contracts.EncounterOpened{EncounterState: v}, 1, at(0), nurse),
					b.deliver(contracts.TriageRecorded{EncounterState: triaged(v, 3, at(12))}, 2, at(12), nurse),
				}
			},
			check: func(t *testing.T, r run) {
				e := r.encounter(t, enc)
				if e.Status != StatusOpen || !e.Complete() || e.Missing == nil {
					t.Errorf("status %s, missing %#v; want OPEN and an empty list", e.Status, e.Missing)
				}
				if got := versions(*e.Visit); !slices.Equal(got, []int64{1, 2}) || e.Visit.Current.State.Triage.Acuity != 3 {
					t.Errorf("visit versions %v, want [1 2] with acuity 3 current", got)
				}
			},
		},
		{
			name: "encounter_closed_arriving_before_opened_stays_closed",
			deliveries: func(b *builder) []Delivery {
				v := visit(pat, enc, at(0))
				return []Delivery{
					b.deliver(contracts.EncounterClosed{EncounterState: closed(triaged(v, 2, at(10)), at(240))}, 3, at(240), physician),
					b.deliver(contracts.EncounterOpened{EncounterState: v}, 1, at(0), nurse),
				}
			},
			check: func(t *testing.T, r run) {
				e := r.encounter(t, enc)
				if e.Status != StatusClosed || !e.Complete() || !slices.Equal(versions(*e.Visit), []int64{1, 3}) {
					t.Errorf("status %s, missing %v, versions %v; want CLOSED, none, [1 3]", e.Status, e.Missing, versions(*e.Visit))
				}
			},
		},
		{
			name: "encounter_closed_without_triage_still_misses_triage",
			deliveries: func(b *builder) []Delivery {
				v := visit(pat, enc, at(0))
				return []Delivery{
					b.deliver(contracts.EncounterOpened{EncounterState: v}, 1, at(0), nurse),
					b.deliver(contracts.EncounterClosed{EncounterState: closed(v, at(40))}, 2, at(40), physician),
				}
			},
			check: func(t *testing.T, r run) {
				e := r.encounter(t, enc)
				if e.Status != StatusClosed || !slices.Equal(e.Missing, []string{MissingTriage}) {
					t.Errorf("status %s, missing %v; want CLOSED, [TRIAGE]", e.Status, e.Missing)
				}
			},
		},
		{
			name: "prescription_only_patient_has_unknown_demographics",
			deliveries: func(b *builder) []Delivery {
				return []Delivery{b.deliver(contracts.PrescriptionIssued{PrescriptionState: prescription(pat, enc, "RX-3001", at(40))}, 1, at(40), physician)}
			},
			check: func(t *testing.T, r run) {
				p := r.patient(t, pat)
				if p.Demographics != nil || !slices.Equal(p.Missing(), []string{MissingDemographics}) {
					t.Errorf("demographics %+v, missing %v; want none, [DEMOGRAPHICS]", p.Demographics, p.Missing())
				}
				if e := r.encounter(t, enc); e.Status != StatusUnknown || len(e.Prescriptions) != 1 {
					t.Errorf("status %s with %d prescriptions, want UNKNOWN with 1", e.Status, len(e.Prescriptions))
				}
			},
		},
	})
}
