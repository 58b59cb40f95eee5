package simulate

// Realistic content the journeys draw from.

var (
	givenNames   = []string{"Maria", "Ana", "Francisca", "Antônia", "Adriana", "Juliana", "José", "João", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas", "Luiz", "Marcos"}
	familyNames  = []string{"Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho"}
	complaints   = []string{"Chest pain", "Shortness of breath", "Abdominal pain", "Fever", "Headache", "Fall with hip pain", "Laceration of the hand", "Dizziness", "Back pain", "Cough for two weeks"}
	nurses       = []string{"N-101", "N-102", "N-103", "N-104"}
	labStaff     = []string{"LAB-7", "LAB-9", "LAB-12"}
	technicians  = []string{"T-3", "T-5"}
	radiologist  = []string{"RAD-2", "RAD-4"}
	dispositions = []string{"discharged", "discharged", "discharged", "admitted", "transferred", "left-without-being-seen"}
)

// prescriber is one the simulator registers through the admin endpoint.
type prescriber struct{ ID, Name, Specialty, License string }

var prescribers = []prescriber{
	{"SIM-PR-EM", "Dra. Helena Prado", "Emergency Medicine", "CRM-SP 104233"},
	{"SIM-PR-CARD", "Dr. Rafael Nunes", "Cardiology", "CRM-SP 99812"},
}

// medication is one the simulator registers, with the class that decides who may prescribe it.
type medication struct{ Code, Name, Class, Dose, Route, Frequency string }

var medications = []medication{
	{"SIM-ASA100", "Aspirin 100 mg", "antiplatelet", "100mg", "oral", "once daily"},
	{"SIM-PCM500", "Paracetamol 500 mg", "analgesic", "500mg", "oral", "every 6 hours"},
	{"SIM-DIP1G", "Dipyrone 1 g", "analgesic", "1g", "intravenous", "every 6 hours"},
	{"SIM-CEF1G", "Ceftriaxone 1 g", "antibiotic", "1g", "intravenous", "every 12 hours"},
	{"SIM-ENX40", "Enoxaparin 40 mg", "anticoagulant", "40mg", "subcutaneous", "once daily"},
}

// authorizations: which specialty may prescribe which class.
var authorizations = []struct{ Specialty, Class string }{
	{"Emergency Medicine", "analgesic"}, {"Emergency Medicine", "antibiotic"}, {"Emergency Medicine", "antiplatelet"},
	{"Cardiology", "antiplatelet"}, {"Cardiology", "anticoagulant"}, {"Cardiology", "analgesic"},
}

// labTest is a LOINC-coded test with a plausible normal range.
type labTest struct {
	Code, Name, Unit string
	Low, High        float64
}

var labTests = []labTest{
	{"718-7", "Hemoglobin", "g/dL", 12, 16},
	{"2823-3", "Potassium", "mmol/L", 3.5, 5.1},
	{"2160-0", "Creatinine", "mg/dL", 0.6, 1.2},
	{"2345-7", "Glucose", "mg/dL", 70, 99},
	{"6690-2", "Leukocytes", "10*3/uL", 4.5, 11},
}

// study is a plausible imaging procedure.
type study struct{ Modality, Procedure, BodySite, Findings, Impression string }

var studies = []study{
	{"XR", "XRCHEST2V", "Chest", "Lungs are clear. No pleural effusion.", "No acute cardiopulmonary disease."},
	{"CT", "CTHEADWO", "Head", "No intracranial hemorrhage or mass effect.", "Normal non-contrast head CT."},
	{"US", "USABDCOMP", "Abdomen", "Gallbladder with small stones, no wall thickening.", "Cholelithiasis without cholecystitis."},
	{"MR", "MRLSPINE", "Lumbar spine", "Mild L4-L5 disc bulge without stenosis.", "Mild degenerative change."},
}
