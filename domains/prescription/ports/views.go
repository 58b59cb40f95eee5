package ports

import (
	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

// prescriptionView is a prescription as the API shows it: its full state,
// in the same shape as its events' payload, and its version.
type prescriptionView struct {
	contracts.PrescriptionState
	Version int64 `json:"version"`
}

func prescriptionOf(p *prescription.Prescription) prescriptionView {
	return prescriptionView{PrescriptionState: p.State(), Version: p.Version()}
}

type patientPrescriptionsView struct {
	PatientID     string             `json:"patientId"`
	Prescriptions []prescriptionView `json:"prescriptions"`
}

type prescriberView struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Specialty string `json:"specialty"`
	License   string `json:"license"`
	Active    bool   `json:"active"`
}

func prescriberOf(p prescription.Prescriber) prescriberView {
	return prescriberView{ID: p.ID(), Name: p.Name(), Specialty: p.Specialty(), License: p.License(), Active: p.Active()}
}

type medicationView struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Class string `json:"class"`
}

func medicationOf(m prescription.Medication) medicationView {
	return medicationView{Code: m.Code(), Name: m.Name(), Class: m.Class()}
}

type authorizationView struct {
	Specialty       string `json:"specialty"`
	MedicationClass string `json:"medicationClass"`
}

func authorizationOf(a prescription.Authorization) authorizationView {
	return authorizationView{Specialty: a.Specialty(), MedicationClass: a.MedicationClass()}
}
