package app

import (
	"errors"
	"fmt"

	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
)

// Catalog is a set of catalog entries, as seeded.
type Catalog struct {
	Prescribers    []prescription.Prescriber
	Medications    []prescription.Medication
	Authorizations []prescription.Authorization
}

// demoPrescribers: id, name, specialty, license, active.
var demoPrescribers = []struct {
	id, name, specialty, license string
	active                       bool
}{
	{"PR-1", "Dr. João Silva", "Cardiology", "CRM12345", true},
	{"PR-2", "Dra. Ana Souza", "Emergency Medicine", "CRM23456", true},
	{"PR-3", "Dr. Carlos Pereira", "Internal Medicine", "CRM34567", true},
	{"PR-4", "Dra. Beatriz Lima", "Pediatrics", "CRM45678", true},
	{"PR-5", "Dr. Rafael Costa", "Psychiatry", "CRM56789", true},
	{"PR-6", "Dra. Helena Rocha", "Oncology", "CRM67890", true},
	{"PR-7", "Dr. Marcos Almeida", "Infectious Diseases", "CRM78901", true},
	{"PR-8", "Dr. Paulo Mendes", "General Surgery", "CRM89012", false}, // retired
}

// demoMedications: code, name, class.
var demoMedications = [][3]string{
	{"ASA100", "Aspirin 100 mg tablet", "antiplatelet"},
	{"CLO75", "Clopidogrel 75 mg tablet", "antiplatelet"},
	{"PCM500", "Paracetamol 500 mg tablet", "analgesic"},
	{"DIP1G", "Dipyrone 1 g/2 mL injection", "analgesic"},
	{"IBU400", "Ibuprofen 400 mg tablet", "NSAID"},
	{"MOR10", "Morphine 10 mg/mL injection", "opioid analgesic"},
	{"TRA50", "Tramadol 50 mg capsule", "opioid analgesic"},
	{"FEN50", "Fentanyl 50 mcg/mL injection", "opioid analgesic"},
	{"AMX500", "Amoxicillin 500 mg capsule", "antibiotic"},
	{"CRO1G", "Ceftriaxone 1 g injection", "antibiotic"},
	{"AZI500", "Azithromycin 500 mg tablet", "antibiotic"},
	{"VAN1G", "Vancomycin 1 g injection", "antibiotic"},
	{"ENX40", "Enoxaparin 40 mg/0.4 mL injection", "anticoagulant"},
	{"WAR5", "Warfarin 5 mg tablet", "anticoagulant"},
	{"HEP5K", "Heparin 5,000 IU/mL injection", "anticoagulant"},
	{"LOS50", "Losartan 50 mg tablet", "antihypertensive"},
	{"AML5", "Amlodipine 5 mg tablet", "antihypertensive"},
	{"MET25", "Metoprolol succinate 25 mg tablet", "beta blocker"},
	{"ATO40", "Atorvastatin 40 mg tablet", "statin"},
	{"MTF850", "Metformin 850 mg tablet", "antidiabetic"},
	{"INSR", "Regular insulin 100 IU/mL injection", "antidiabetic"},
	{"HAL5", "Haloperidol 5 mg/mL injection", "antipsychotic"},
	{"QUE25", "Quetiapine 25 mg tablet", "antipsychotic"},
	{"SER50", "Sertraline 50 mg tablet", "antidepressant"},
	{"CIS50", "Cisplatin 50 mg/50 mL injection", "chemotherapy"},
	{"CYC1G", "Cyclophosphamide 1 g injection", "chemotherapy"},
	{"OND8", "Ondansetron 8 mg tablet", "antiemetic"},
	{"OME40", "Omeprazole 40 mg capsule", "proton pump inhibitor"},
}

// demoAuthorizations: which classes each specialty may prescribe. Only
// Oncology prescribes chemotherapy, only Psychiatry antipsychotics and
// antidepressants; opioids are for Emergency Medicine, Oncology and Surgery.
var demoAuthorizations = map[string][]string{
	"Cardiology":          {"antiplatelet", "anticoagulant", "antihypertensive", "beta blocker", "statin", "analgesic"},
	"Emergency Medicine":  {"analgesic", "NSAID", "opioid analgesic", "antibiotic", "anticoagulant", "antiplatelet", "antihypertensive", "beta blocker", "antidiabetic", "antiemetic", "proton pump inhibitor"},
	"Internal Medicine":   {"analgesic", "NSAID", "antibiotic", "anticoagulant", "antiplatelet", "antihypertensive", "beta blocker", "statin", "antidiabetic", "antiemetic", "proton pump inhibitor"},
	"Pediatrics":          {"analgesic", "NSAID", "antibiotic", "antiemetic"},
	"Psychiatry":          {"antipsychotic", "antidepressant"},
	"Oncology":            {"chemotherapy", "antiemetic", "analgesic", "opioid analgesic", "anticoagulant"},
	"Infectious Diseases": {"antibiotic", "analgesic"},
	"General Surgery":     {"analgesic", "opioid analgesic", "antibiotic", "anticoagulant"},
}

// DemoCatalog is the realistic demo catalog seeded on first start: eight
// prescribers across specialties (one inactive), a formulary of 28
// medications in 16 classes, and which specialty may prescribe which class.
func DemoCatalog() (Catalog, error) {
	var c Catalog
	var errs []error
	for _, p := range demoPrescribers {
		pr, err := prescription.NewPrescriber(p.id, p.name, p.specialty, p.license, p.active)
		errs = append(errs, err)
		c.Prescribers = append(c.Prescribers, pr)
	}
	for _, m := range demoMedications {
		med, err := prescription.NewMedication(m[0], m[1], m[2])
		errs = append(errs, err)
		c.Medications = append(c.Medications, med)
	}
	for _, p := range demoPrescribers {
		for _, class := range demoAuthorizations[p.specialty] {
			a, err := prescription.NewAuthorization(p.specialty, class)
			errs = append(errs, err)
			c.Authorizations = append(c.Authorizations, a)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return Catalog{}, fmt.Errorf("demo catalog: %w", err)
	}
	return c, nil
}
