package fakestore

import (
	"fmt"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// unknown: only the lab has spoken about P-1002's encounter so far.
func (w *world) unknown() {
	order := contracts.LabOrderState{
		PatientID: PatientUnknown, EncounterID: EncounterUnknown, OrderID: "LO-4002", OrderedBy: "PR-2", OrderedAt: day(2026, 3, 3, 8, 0),
		Tests: []contracts.LabTest{{Code: "2823-3", Name: "Potassium"}},
	}
	w.emit(contracts.LabOrderPlaced{LabOrderState: order}, 1, order.OrderedAt, "physician", "PR-2")
	order.Results = []contracts.LabResult{{Code: "2823-3", Name: "Potassium", Value: 3.9, Unit: "mmol/L",
		ReferenceRange: contracts.ReferenceRange{Low: ptr(3.5), High: ptr(5.1)}, Status: contracts.ResultStatusPreliminary,
		Performer: "LAB-7", ResultedAt: day(2026, 3, 3, 8, 40)}}
	w.emit(contracts.LabResultRecorded{LabOrderState: order, ResultCode: "2823-3"}, 2, day(2026, 3, 3, 8, 40), "labtech", "LAB-7")
}

// many: P-1003 came weekly for years; each visit got one prescription item.
func (w *world) many() {
	patient := contracts.Patient{ID: PatientMany, Name: "João Pedro Silva", BirthDate: "1950-01-31", Sex: "male"}
	for i := range ManyEncounters {
		id := fmt.Sprintf("E-3%03d", i)
		arrived := day(2020, 1, 6, 8, 0).Add(time.Duration(i) * 7 * 24 * time.Hour)
		visit := contracts.EncounterState{PatientID: PatientMany, EncounterID: id, Patient: patient,
			ArrivedAt: arrived, Reason: "Routine dialysis", Status: contracts.EncounterStatusOpen}
		w.emit(contracts.EncounterOpened{EncounterState: visit}, 1, arrived, "nurse", "N-9")
		rx := contracts.PrescriptionState{
			PatientID: PatientMany, EncounterID: id, PrescriptionID: fmt.Sprintf("RX-6%03d", i), Status: contracts.PrescriptionStatusActive,
			IssuedAt: arrived.Add(30 * time.Minute), Prescriber: drSilva,
			Items: []contracts.PrescriptionItem{{MedicationCode: "MED-EPO", MedicationName: "Epoetin alfa", MedicationClass: "erythropoietin",
				Dose: "4000IU", Route: "iv", Frequency: "weekly"}},
		}
		w.emit(contracts.PrescriptionIssued{PrescriptionState: rx}, 1, rx.IssuedAt, "physician", "PR-1")
	}
}
