package contracts

import "time"

// Source names the service that emitted an event (the CloudEvents source).
type Source string

// Event sources, one per domain service.
const (
	SourceTriage       Source = "prontuario/triage"
	SourcePrescription Source = "prontuario/prescription"
	SourceLab          Source = "prontuario/lab"
	SourceImaging      Source = "prontuario/imaging"
)

// Topic returns the Kafka topic a source publishes to, or "" for an unknown source.
func (s Source) Topic() string {
	switch s {
	case SourceTriage:
		return TopicTriage
	case SourcePrescription:
		return TopicPrescription
	case SourceLab:
		return TopicLab
	case SourceImaging:
		return TopicImaging
	}
	return ""
}

// Actor is who did what an event records, with the role they acted in.
type Actor struct {
	ID   string `json:"id"`
	Role string `json:"role"`
}

// String renders the actor as "role:id", its header form.
func (a Actor) String() string {
	if a.ID == "" && a.Role == "" {
		return ""
	}
	return a.Role + ":" + a.ID
}

// Patient is the demographic snapshot the triage service records at arrival.
type Patient struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	BirthDate string `json:"birthDate"` // YYYY-MM-DD
	Sex       string `json:"sex"`       // female | male | other | unknown
}

// Vitals are the vital signs measured at triage.
type Vitals struct {
	HeartRate       int     `json:"heartRate"`       // beats/min
	Systolic        int     `json:"systolic"`        // mmHg
	Diastolic       int     `json:"diastolic"`       // mmHg
	RespiratoryRate int     `json:"respiratoryRate"` // breaths/min
	TemperatureC    float64 `json:"temperatureC"`
	SpO2            int     `json:"spo2"`      // percent
	PainScore       int     `json:"painScore"` // 0-10
}

// TriageAssessment is one triage of an encounter.
type TriageAssessment struct {
	Acuity         int       `json:"acuity"` // ESI 1 (resuscitation) .. 5 (non-urgent)
	ChiefComplaint string    `json:"chiefComplaint"`
	Vitals         Vitals    `json:"vitals"`
	NurseID        string    `json:"nurseId"`
	AssessedAt     time.Time `json:"assessedAt"`
}

// Encounter statuses as the triage service records them.
const (
	EncounterStatusOpen   = "open"
	EncounterStatusClosed = "closed"
)

// Dispositions an encounter may be closed with.
var Dispositions = []string{"discharged", "admitted", "transferred", "left-without-being-seen", "deceased"}

// EncounterState is the full state of an encounter ("atendimento") after a change.
type EncounterState struct {
	PatientID   string    `json:"patientId"`
	EncounterID string    `json:"encounterId"`
	Patient     Patient   `json:"patient"`
	ArrivedAt   time.Time `json:"arrivedAt"`
	Reason      string    `json:"reason,omitempty"`
	Status      string    `json:"status"`
	// Triage is the current assessment; nil until the patient is triaged.
	Triage *TriageAssessment `json:"triage,omitempty"`
	// SupersededTriage lists earlier assessments replaced by a re-triage, oldest first.
	SupersededTriage []TriageAssessment `json:"supersededTriage,omitempty"`
	Disposition      string             `json:"disposition,omitempty"`
	ClosedAt         *time.Time         `json:"closedAt,omitempty"`
}

// Prescriber is the snapshot of a prescriber at the time of prescribing.
type Prescriber struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Specialty string `json:"specialty"`
	License   string `json:"license"`
}

// PrescriptionItem is one medication of a prescription (FHIR MedicationRequest).
type PrescriptionItem struct {
	MedicationCode  string   `json:"medicationCode"`
	MedicationName  string   `json:"medicationName"`
	MedicationClass string   `json:"medicationClass"`
	Dose            string   `json:"dose"`
	Route           string   `json:"route"`
	Frequency       string   `json:"frequency"`
	Times           []string `json:"times,omitempty"` // HH:MM
}

// Cancellation says who cancelled a record, when and why.
type Cancellation struct {
	Reason      string    `json:"reason"`
	CancelledBy string    `json:"cancelledBy"`
	CancelledAt time.Time `json:"cancelledAt"`
}

// Prescription statuses.
const (
	PrescriptionStatusActive    = "active"
	PrescriptionStatusCancelled = "cancelled"
)

// PrescriptionState is the full state of a prescription after a change.
type PrescriptionState struct {
	PatientID      string             `json:"patientId"`
	EncounterID    string             `json:"encounterId"`
	PrescriptionID string             `json:"prescriptionId"`
	Status         string             `json:"status"`
	IssuedAt       time.Time          `json:"issuedAt"`
	Prescriber     Prescriber         `json:"prescriber"`
	Items          []PrescriptionItem `json:"items"`
	Cancellation   *Cancellation      `json:"cancellation,omitempty"`
}

// LabTest is one test of a lab order, coded with LOINC.
type LabTest struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// ReferenceRange is the normal range of a numeric result; either bound may be absent.
type ReferenceRange struct {
	Low  *float64 `json:"low,omitempty"`
	High *float64 `json:"high,omitempty"`
}

// Lab result statuses (FHIR Observation status).
const (
	ResultStatusPreliminary    = "preliminary"
	ResultStatusFinal          = "final"
	ResultStatusCorrected      = "corrected"
	ResultStatusEnteredInError = "entered-in-error"
)

// LabCorrection records a superseded value of a lab result.
type LabCorrection struct {
	PreviousValue float64   `json:"previousValue"`
	PreviousUnit  string    `json:"previousUnit"`
	Value         float64   `json:"value"`
	Unit          string    `json:"unit"`
	Reason        string    `json:"reason"`
	CorrectedBy   string    `json:"correctedBy"`
	CorrectedAt   time.Time `json:"correctedAt"`
}

// LabResult is the current result of one ordered test, with its correction history.
type LabResult struct {
	Code           string          `json:"code"`
	Name           string          `json:"name"`
	Value          float64         `json:"value"`
	Unit           string          `json:"unit"`
	ReferenceRange ReferenceRange  `json:"referenceRange"`
	Interpretation string          `json:"interpretation,omitempty"` // e.g. N, H, L, HH, LL, A
	Status         string          `json:"status"`
	Performer      string          `json:"performer"`
	ResultedAt     time.Time       `json:"resultedAt"`
	Corrections    []LabCorrection `json:"corrections,omitempty"`
}

// LabOrderState is the full state of a lab order (FHIR ServiceRequest with its
// Observations) after a change.
type LabOrderState struct {
	PatientID   string      `json:"patientId"`
	EncounterID string      `json:"encounterId"`
	OrderID     string      `json:"orderId"`
	Tests       []LabTest   `json:"tests"`
	OrderedBy   string      `json:"orderedBy"`
	OrderedAt   time.Time   `json:"orderedAt"`
	Results     []LabResult `json:"results,omitempty"`
}

// Imaging modalities (DICOM codes).
var Modalities = []string{"CT", "MR", "XR", "US", "NM", "PT"}

// Imaging study statuses.
const (
	StudyStatusOrdered   = "ordered"
	StudyStatusPerformed = "performed"
	StudyStatusReported  = "reported"
)

// ImagingAmendment records a superseded version of an imaging report.
type ImagingAmendment struct {
	PreviousFindings   string    `json:"previousFindings"`
	PreviousImpression string    `json:"previousImpression"`
	Reason             string    `json:"reason"`
	Radiologist        string    `json:"radiologist"`
	AmendedAt          time.Time `json:"amendedAt"`
}

// Report statuses.
const (
	ReportStatusFinal   = "final"
	ReportStatusAmended = "amended"
)

// ImagingReport is the radiologist's report (FHIR DiagnosticReport).
type ImagingReport struct {
	Findings    string             `json:"findings"`
	Impression  string             `json:"impression"`
	Radiologist string             `json:"radiologist"`
	Status      string             `json:"status"`
	FinalizedAt time.Time          `json:"finalizedAt"`
	Amendments  []ImagingAmendment `json:"amendments,omitempty"`
}

// ImagingStudyState is the full state of an imaging study after a change.
type ImagingStudyState struct {
	PatientID        string         `json:"patientId"`
	EncounterID      string         `json:"encounterId"`
	StudyID          string         `json:"studyId"`
	Status           string         `json:"status"`
	Modality         string         `json:"modality"`
	ProcedureCode    string         `json:"procedureCode"`
	BodySite         string         `json:"bodySite"`
	OrderedBy        string         `json:"orderedBy"`
	OrderedAt        time.Time      `json:"orderedAt"`
	StudyInstanceUID string         `json:"studyInstanceUid,omitempty"`
	Technologist     string         `json:"technologist,omitempty"`
	PerformedAt      *time.Time     `json:"performedAt,omitempty"`
	Report           *ImagingReport `json:"report,omitempty"`
}
