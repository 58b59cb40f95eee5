package history

import (
	"slices"
	"testing"

	"github.com/prontuario/prontuario/contracts"
)

func TestBillableItems(t *testing.T) {
	rx := prescription(pat, enc, "RX-3001", at(40))
	lo := labOrder(pat, enc, "LO-4001", at(30))
	img := imagingOrder(pat, enc, "IS-5001", at(35))
	medication := func(code, description string) BillableItem {
		return BillableItem{ID: "MEDICATION:RX-3001:" + code, Kind: BillableMedication, PatientID: pat, EncounterID: enc,
			RecordID: "RX-3001", Code: code, Description: description, Quantity: 1, ServiceDate: at(40),
			OrderingProvider: physician.ID, Status: contracts.PrescriptionStatusActive}
	}
	labTest := func(code, name, status string) BillableItem {
		return BillableItem{ID: "LAB_TEST:LO-4001:" + code, Kind: BillableLabTest, PatientID: pat, EncounterID: enc,
			RecordID: "LO-4001", Code: code, Description: name, Quantity: 1, ServiceDate: at(90),
			OrderingProvider: physician.ID, PerformingProvider: "LAB-7", Status: status}
	}
	study := func(id, status string) BillableItem {
		return BillableItem{ID: "IMAGING_STUDY:" + id + ":CTCHEST", Kind: BillableImaging, PatientID: pat, EncounterID: enc,
			RecordID: id, Code: "CTCHEST", Description: "CT Chest", Quantity: 1, ServiceDate: at(60),
			OrderingProvider: physician.ID, PerformingProvider: "T-3", Status: status}
	}
	tests := []struct {
		name       string
		deliveries func(b *builder) []Delivery
		want       []BillableItem
	}{
		{"encounter_without_records_bills_nothing",
			func(b *builder) []Delivery {
				return []Delivery{b.deliver(contracts.EncounterOpened{EncounterState: visit(pat, enc, at(0))}, 1, at(0), nurse)}
			},
			[]BillableItem{}},
		{"active_prescription_bills_one_medication_per_item",
			func(b *builder) []Delivery {
				return []Delivery{b.deliver(contracts.PrescriptionIssued{PrescriptionState: rx}, 1, at(40), physician)}
			},
			[]BillableItem{medication("ASA100", "Aspirin 100mg"), medication("PCM500", "Paracetamol 500mg")}},
		{"cancelled_prescription_is_not_billable",
			func(b *builder) []Delivery {
				return []Delivery{
					b.deliver(contracts.PrescriptionCancelled{PrescriptionState: cancelled(rx, at(60))}, 2, at(60), physician),
					b.deliver(contracts.PrescriptionIssued{PrescriptionState: rx}, 1, at(40), physician),
				}
			},
			[]BillableItem{}},
		{"repeated_medication_in_one_prescription_gets_distinct_ids",
			func(b *builder) []Delivery {
				twice := rx
				twice.Items = []contracts.PrescriptionItem{rx.Items[0], rx.Items[0]}
				twice.Items[1].Dose = "300mg"
				return []Delivery{b.deliver(contracts.PrescriptionIssued{PrescriptionState: twice}, 1, at(40), physician)}
			},
			func() []BillableItem {
				second := medication("ASA100", "Aspirin 300mg")
				second.ID += "#2"
				return []BillableItem{medication("ASA100", "Aspirin 100mg"), second}
			}()},
		{"preliminary_lab_result_is_not_billable_yet",
			func(b *builder) []Delivery {
				lo := withResult(lo, hemoglobin, contracts.ResultStatusPreliminary, 13.1, at(90))
				return []Delivery{b.deliver(contracts.LabResultRecorded{LabOrderState: lo, ResultCode: hemoglobin}, 2, at(90), labtech)}
			},
			[]BillableItem{}},
		{"entered_in_error_lab_result_is_not_billable_but_a_final_one_is",
			func(b *builder) []Delivery {
				lo := withResult(lo, hemoglobin, contracts.ResultStatusFinal, 13.5, at(90))
				lo = withResult(lo, potassium, contracts.ResultStatusEnteredInError, 9.9, at(90))
				return []Delivery{b.deliver(contracts.LabResultRecorded{LabOrderState: lo, ResultCode: potassium}, 3, at(90), labtech)}
			},
			[]BillableItem{labTest(hemoglobin, "Hemoglobin", contracts.ResultStatusFinal)}},
		{"corrected_lab_result_is_billed_once",
			func(b *builder) []Delivery {
				recorded := withResult(lo, potassium, contracts.ResultStatusFinal, 5.9, at(90))
				return []Delivery{
					b.deliver(contracts.LabResultRecorded{LabOrderState: recorded, ResultCode: potassium}, 2, at(90), labtech),
					b.deliver(contracts.LabResultCorrected{LabOrderState: corrected(recorded, potassium, 4.2, at(130)), ResultCode: potassium}, 3, at(130), labtech),
				}
			},
			[]BillableItem{labTest(potassium, "Potassium", contracts.ResultStatusCorrected)}},
		{"only_performed_or_reported_imaging_studies_are_billable",
			func(b *builder) []Delivery {
				other := img
				other.StudyID = "IS-5002"
				ordered := img
				ordered.StudyID = "IS-5003"
				return []Delivery{
					b.deliver(contracts.ImagingStudyPerformed{ImagingStudyState: performed(img, at(60))}, 2, at(60), physician),
					b.deliver(contracts.ImagingReportFinalized{ImagingStudyState: reported(performed(other, at(60)), at(100))}, 3, at(100), radiologist),
					b.deliver(contracts.ImagingStudyOrdered{ImagingStudyState: ordered}, 1, at(35), physician),
				}
			},
			[]BillableItem{study("IS-5001", contracts.StudyStatusPerformed), study("IS-5002", contracts.StudyStatusReported)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := newMemStore()
			for _, d := range tc.deliveries(newBuilder(t)) {
				if err := m.apply(d); err != nil {
					t.Fatal(err)
				}
			}
			got := BillableItems(m.encounters[enc])
			if g, w := render(t, got, false), render(t, tc.want, false); g != w {
				t.Errorf("billable items\n got %s\nwant %s", g, w)
			}
		})
	}
}

func TestBillableItemsOfEveryKindAreSortedByID(t *testing.T) {
	b := newBuilder(t)
	m := newMemStore()
	img := performed(imagingOrder(pat, enc, "IS-5001", at(35)), at(60))
	lo := withResult(labOrder(pat, enc, "LO-4001", at(30)), hemoglobin, contracts.ResultStatusFinal, 13.5, at(90))
	for _, d := range []Delivery{
		b.deliver(contracts.ImagingStudyPerformed{ImagingStudyState: img}, 2, at(60), physician),
		b.deliver(contracts.PrescriptionIssued{PrescriptionState: prescription(pat, enc, "RX-3001", at(40))}, 1, at(40), physician),
		b.deliver(contracts.LabResultRecorded{LabOrderState: lo, ResultCode: hemoglobin}, 2, at(90), labtech),
	} {
		if err := m.apply(d); err != nil {
			t.Fatal(err)
		}
	}
	var ids []string
	for _, it := range BillableItems(m.encounters[enc]) {
		ids = append(ids, it.ID)
	}
	want := []string{"IMAGING_STUDY:IS-5001:CTCHEST", "LAB_TEST:LO-4001:718-7", "MEDICATION:RX-3001:ASA100", "MEDICATION:RX-3001:PCM500"}
	if !slices.Equal(ids, want) {
		t.Errorf("ids %v, want %v", ids, want)
	}
}
