package history

import (
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// Encounter statuses as the read model shows them.
const (
	StatusOpen    = "OPEN"
	StatusClosed  = "CLOSED"
	StatusUnknown = "UNKNOWN" // no event from triage has arrived yet
)

// Names of what an encounter or patient may be missing.
const (
	MissingEncounter    = "ENCOUNTER"    // the triage service's EncounterOpened (or later) has not arrived
	MissingTriage       = "TRIAGE"       // no triage assessment known
	MissingDemographics = "DEMOGRAPHICS" // patient known only through non-triage events
)

// Provenance says where a record's current version came from.
type Provenance struct {
	EventID       string              `json:"eventId" bson:"eventId"`
	EventType     contracts.EventType `json:"eventType" bson:"eventType"`
	SchemaVersion int                 `json:"schemaVersion" bson:"schemaVersion"`
	// RecordVersion is the aggregate version of the source record.
	RecordVersion int64            `json:"recordVersion" bson:"recordVersion"`
	Source        contracts.Source `json:"source" bson:"source"`
	Topic         string           `json:"topic" bson:"topic"`
	Partition     int32            `json:"partition" bson:"partition"`
	Offset        int64            `json:"offset" bson:"offset"`
	OccurredAt    time.Time        `json:"occurredAt" bson:"occurredAt"`
	RecordedAt    time.Time        `json:"recordedAt" bson:"recordedAt"`
	// IngestedAt is when the aggregator first applied this event. It is the
	// only field that differs between two builds from the same messages.
	// Topic, Partition and Offset are those of the earliest message, by
	// (topic, partition, offset), the event was read from: when the same
	// event was published twice, every build keeps the same copy's, whichever
	// arrived first.
	IngestedAt    time.Time       `json:"ingestedAt" bson:"ingestedAt"`
	Actor         contracts.Actor `json:"actor" bson:"actor"`
	CorrelationID string          `json:"correlationId,omitempty" bson:"correlationId,omitempty"`
}

// Demographics are a patient's identity as triage recorded it.
type Demographics struct {
	Name      string `json:"name" bson:"name"`
	BirthDate string `json:"birthDate" bson:"birthDate"`
	Sex       string `json:"sex" bson:"sex"`
	// From is the provenance of the event these demographics were taken from:
	// the newest by (occurred at, event id) among the patient's encounters.
	From Provenance `json:"from" bson:"from"`
}

// Patient is the small, bounded per-patient document.
type Patient struct {
	ID string `json:"id" bson:"_id"`
	// Demographics is nil while only non-triage events are known.
	Demographics *Demographics `json:"demographics,omitempty" bson:"demographics,omitempty"`
	// EncounterIDs lists the patient's encounters, sorted; bounded by the
	// number of visits, not of records.
	EncounterIDs []string  `json:"encounterIds" bson:"encounterIds"`
	UpdatedAt    time.Time `json:"updatedAt" bson:"updatedAt"` // newest occurredAt of any applied event
	// Revision is managed by the store for optimistic concurrency.
	Revision int64 `json:"revision" bson:"revision"`
}

// Missing lists what the patient document lacks.
func (p Patient) Missing() []string {
	if p.Demographics == nil {
		return []string{MissingDemographics}
	}
	return nil
}

// Version is one version of a record, kept for audit when superseded.
type Version[T any] struct {
	State      T          `json:"state" bson:"state"`
	Provenance Provenance `json:"provenance" bson:"provenance"`
}

// Record is a last-version-wins register of one source record: Current is
// the highest version seen, Superseded every lower one, by ascending version.
type Record[T any] struct {
	ID         string       `json:"id" bson:"id"`
	Current    Version[T]   `json:"current" bson:"current"`
	Superseded []Version[T] `json:"superseded,omitempty" bson:"superseded,omitempty"`
}

// Encounter is the per-encounter document: every record of one visit.
type Encounter struct {
	ID        string `json:"id" bson:"_id"`
	PatientID string `json:"patientId" bson:"patientId"`
	// Status is OPEN, CLOSED or UNKNOWN (no triage event yet).
	Status string `json:"status" bson:"status"`
	// SortTime orders a patient's encounters: arrival time when known, else
	// the earliest occurredAt of any record of the encounter.
	SortTime time.Time `json:"sortTime" bson:"sortTime"`
	// Visit is the encounter record from triage; nil while UNKNOWN.
	Visit          *Record[contracts.EncounterState]     `json:"visit,omitempty" bson:"visit,omitempty"`
	Prescriptions  []Record[contracts.PrescriptionState] `json:"prescriptions" bson:"prescriptions"`   // sorted by id
	LabOrders      []Record[contracts.LabOrderState]     `json:"labOrders" bson:"labOrders"`           // sorted by id
	ImagingStudies []Record[contracts.ImagingStudyState] `json:"imagingStudies" bson:"imagingStudies"` // sorted by id
	// Missing names what has not arrived (MissingEncounter, MissingTriage), sorted.
	Missing   []string  `json:"missing" bson:"missing"`
	UpdatedAt time.Time `json:"updatedAt" bson:"updatedAt"` // newest occurredAt of any applied event
	// Revision is managed by the store for optimistic concurrency.
	Revision int64 `json:"revision" bson:"revision"`
}

// Complete reports whether nothing is missing.
func (e Encounter) Complete() bool { return len(e.Missing) == 0 }

// AuditEntry is one applied event, kept for the audit trail.
type AuditEntry struct {
	PatientID   string     `json:"patientId" bson:"patientId"`
	EncounterID string     `json:"encounterId" bson:"encounterId"`
	AggregateID string     `json:"aggregateId" bson:"aggregateId"`
	Provenance  Provenance `json:"provenance" bson:"provenance"`
	// Summary is a short human-readable line, free of clinical values.
	Summary string `json:"summary" bson:"summary"`
}

// Billable item kinds.
const (
	BillableMedication = "MEDICATION"    // one per prescription item
	BillableLabTest    = "LAB_TEST"      // one per resulted lab test
	BillableImaging    = "IMAGING_STUDY" // one per performed study
)

// BillableItem is one billable act, derived from an encounter document.
// Cancelled and entered-in-error acts yield none; a corrected result yields one.
type BillableItem struct {
	// ID is stable: kind, record id and code, so rebuilding yields the same ids.
	ID                 string    `json:"id" bson:"_id"`
	Kind               string    `json:"kind" bson:"kind"`
	PatientID          string    `json:"patientId" bson:"patientId"`
	EncounterID        string    `json:"encounterId" bson:"encounterId"`
	RecordID           string    `json:"recordId" bson:"recordId"`
	Code               string    `json:"code" bson:"code"`
	Description        string    `json:"description" bson:"description"`
	Quantity           int       `json:"quantity" bson:"quantity"`
	ServiceDate        time.Time `json:"serviceDate" bson:"serviceDate"`
	OrderingProvider   string    `json:"orderingProvider" bson:"orderingProvider"`
	PerformingProvider string    `json:"performingProvider,omitempty" bson:"performingProvider,omitempty"`
	Status             string    `json:"status" bson:"status"`
}

// SourceFreshness is, per source service, the newest applied event: what
// GraphQL's pipelineStatus and read-your-writes rely on.
type SourceFreshness struct {
	Source          contracts.Source `json:"source" bson:"_id"`
	NewestEventTime time.Time        `json:"newestEventTime" bson:"newestEventTime"` // max occurredAt applied
	NewestAppliedAt time.Time        `json:"newestAppliedAt" bson:"newestAppliedAt"` // wall clock of the last apply
	// Offsets is the highest applied offset per partition of the source's
	// topic, keyed by the partition number in decimal (no dots: FerretDB and
	// MongoDB restrict map keys).
	Offsets map[string]int64 `json:"offsets" bson:"offsets"`
	// AppliedCount and DeadLettered are computed by readers at read time
	// (counts of audit entries and dead letters of the source), never stored
	// as counters, so replays cannot inflate them.
	AppliedCount int64 `json:"appliedCount" bson:"-"`
	DeadLettered int64 `json:"deadLettered" bson:"-"`
}

// DeadLetter records one message the aggregator dead-lettered. Its ID is
// "topic/partition/offset", so a replay records it once.
type DeadLetter struct {
	ID        string           `json:"id" bson:"_id"`
	Source    contracts.Source `json:"source" bson:"source"` // "" when the topic is not a domain topic
	Topic     string           `json:"topic" bson:"topic"`
	Partition int32            `json:"partition" bson:"partition"`
	Offset    int64            `json:"offset" bson:"offset"`
	Kind      string           `json:"kind" bson:"kind"` // a contracts.Kind* or history.PoisonKind value
	Reason    string           `json:"reason" bson:"reason"`
	At        time.Time        `json:"at" bson:"at"`
}
