package prescription_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

func TestIssueBuildsTheFullStateAtVersionOne(t *testing.T) {
	pr := mustPrescriber(t, "PR-1", "Cardiology", true)
	p, err := prescription.Issue("RX-1", validIssue(), formulary(t, &pr))
	if err != nil {
		t.Fatal(err)
	}
	if p.Version() != 1 || p.Cancelled() {
		t.Errorf("version %d cancelled %v, want 1 and false", p.Version(), p.Cancelled())
	}
	want := contracts.PrescriptionState{
		PatientID: "P-1001", EncounterID: "E-2001", PrescriptionID: "RX-1",
		Status: contracts.PrescriptionStatusActive, IssuedAt: issuedAt,
		Prescriber: contracts.Prescriber{ID: "PR-1", Name: "Dr. PR-1", Specialty: "Cardiology", License: "CRM-PR-1"},
		Items: []contracts.PrescriptionItem{
			{MedicationCode: "ASA100", MedicationName: "Aspirin 100 mg", MedicationClass: "antiplatelet", Dose: "100mg", Route: "oral", Frequency: "daily", Times: []string{"08:00"}},
			{MedicationCode: "PCM500", MedicationName: "Paracetamol 500 mg", MedicationClass: "analgesic", Dose: "500mg", Route: "oral", Frequency: "q8h"},
		},
	}
	if got := p.State(); !reflect.DeepEqual(got, want) {
		t.Errorf("state\n got %+v\nwant %+v", got, want)
	}
}

func TestStateIsACopy(t *testing.T) {
	pr := mustPrescriber(t, "PR-1", "Cardiology", true)
	p, err := prescription.Issue("RX-1", validIssue(), formulary(t, &pr))
	if err != nil {
		t.Fatal(err)
	}
	s := p.State()
	s.Items[0].Times[0] = "23:59"
	s.Items[1].Dose = "9g"
	if got := p.State(); got.Items[0].Times[0] != "08:00" || got.Items[1].Dose != "500mg" {
		t.Errorf("mutating a State() result changed the prescription: %+v", got.Items)
	}
}

func TestIssueRejects(t *testing.T) {
	active := mustPrescriber(t, "PR-1", "Cardiology", true)
	inactive := mustPrescriber(t, "PR-1", "Cardiology", false)
	tests := []struct {
		name       string
		id         string
		prescriber *prescription.Prescriber // nil: the active cardiologist PR-1
		unknown    bool                     // the prescriber is not in the catalog
		edit       func(*prescription.IssueRequest)
		field      string
		cause      error
	}{
		{name: "a_missing_id", id: " ", field: "id"},
		{name: "a_missing_patient", edit: func(r *prescription.IssueRequest) { r.PatientID = "" }, field: "patientId"},
		{name: "a_patient_id_longer_than_128", edit: func(r *prescription.IssueRequest) { r.PatientID = strings.Repeat("p", 129) }, field: "patientId"},
		{name: "a_patient_id_with_spaces_around", edit: func(r *prescription.IssueRequest) { r.PatientID = " P-1 " }, field: "patientId"},
		{name: "a_missing_encounter", edit: func(r *prescription.IssueRequest) { r.EncounterID = "" }, field: "encounterId"},
		{name: "a_missing_prescriber", edit: func(r *prescription.IssueRequest) { r.PrescriberID = "" }, field: "prescriberId"},
		{name: "an_unknown_prescriber", unknown: true, field: "prescriberId", cause: prescription.ErrUnknownPrescriber},
		{name: "an_inactive_prescriber", prescriber: &inactive, field: "prescriberId", cause: prescription.ErrInactivePrescriber},
		{name: "no_items", edit: func(r *prescription.IssueRequest) { r.Items = nil }, field: "items"},
		{name: "too_many_items", edit: func(r *prescription.IssueRequest) {
			r.Items = make([]prescription.ItemRequest, prescription.MaxItems+1)
		}, field: "items"},
		{name: "a_medication_not_in_the_formulary", edit: func(r *prescription.IssueRequest) { r.Items[1].MedicationCode = "XYZ" }, field: "items[1].medicationCode", cause: prescription.ErrNotInFormulary},
		{name: "a_class_the_specialty_may_not_prescribe", edit: func(r *prescription.IssueRequest) { r.Items[1].MedicationCode = "MOR10" }, field: "items[1].medicationCode", cause: prescription.ErrNotAuthorized},
		{name: "a_repeated_medication", edit: func(r *prescription.IssueRequest) { r.Items[1].MedicationCode = "ASA100" }, field: "items[1].medicationCode"},
		{name: "a_missing_medication_code", edit: func(r *prescription.IssueRequest) { r.Items[0].MedicationCode = "" }, field: "items[0].medicationCode"},
		{name: "a_missing_dose", edit: func(r *prescription.IssueRequest) { r.Items[0].Dose = "  " }, field: "items[0].dose"},
		{name: "a_missing_route", edit: func(r *prescription.IssueRequest) { r.Items[0].Route = "" }, field: "items[0].route"},
		{name: "an_unknown_route", edit: func(r *prescription.IssueRequest) { r.Items[0].Route = "by mouth" }, field: "items[0].route"},
		{name: "a_missing_frequency", edit: func(r *prescription.IssueRequest) { r.Items[1].Frequency = "" }, field: "items[1].frequency"},
		{name: "a_time_that_is_not_hh_mm", edit: func(r *prescription.IssueRequest) { r.Items[0].Times = []string{"8:00"} }, field: "items[0].times[0]"},
		{name: "a_time_past_midnight", edit: func(r *prescription.IssueRequest) { r.Items[0].Times = []string{"08:00", "24:00"} }, field: "items[0].times[1]"},
		{name: "a_repeated_time", edit: func(r *prescription.IssueRequest) { r.Items[0].Times = []string{"08:00", "08:00"} }, field: "items[0].times[1]"},
		{name: "a_missing_issue_time", edit: func(r *prescription.IssueRequest) { r.IssuedAt = time.Time{} }, field: "issuedAt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := validIssue()
			if tt.edit != nil {
				tt.edit(&req)
			}
			id := "RX-1"
			if tt.id != "" {
				id = tt.id
			}
			pr := tt.prescriber
			switch {
			case tt.unknown:
				pr = nil
			case pr == nil:
				pr = &active
			}
			p, err := prescription.Issue(id, req, formulary(t, pr))
			if p != nil {
				t.Errorf("got a prescription %+v, want none", p.State())
			}
			wantFieldError(t, err, tt.field, tt.cause)
		})
	}
}

func TestIssueReportsEveryInvalidFieldAtOnce(t *testing.T) {
	_, err := prescription.Issue("RX-1", prescription.IssueRequest{Items: []prescription.ItemRequest{{}}}, formulary(t, nil))
	for _, field := range []string{"patientId", "encounterId", "prescriberId", "items[0].medicationCode", "items[0].dose", "items[0].route", "items[0].frequency", "issuedAt"} {
		wantFieldError(t, err, field, nil)
	}
	if errors.Is(err, prescription.ErrUnknownPrescriber) {
		t.Errorf("a missing prescriber id is reported as unknown: %v", err)
	}
}
