package history

import (
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// derive recomputes what an encounter document states about itself from its
// records: Status, Missing and SortTime. Being a function of the records
// alone, never of the order they arrived in, keeps the projection
// order-independent. It also replaces nil collections with empty ones, so a
// document renders the same whether it was built here or loaded.
func derive(e Encounter) Encounter {
	e.Status = StatusUnknown
	e.Missing = []string{MissingEncounter, MissingTriage}
	if e.Visit != nil {
		switch e.Visit.Current.State.Status {
		case contracts.EncounterStatusOpen:
			e.Status = StatusOpen
		case contracts.EncounterStatusClosed:
			e.Status = StatusClosed
		}
		e.Missing = []string{MissingTriage}
		if triageKnown(*e.Visit) {
			e.Missing = []string{}
		}
	}
	e.SortTime = sortTime(e)
	if e.Prescriptions == nil {
		e.Prescriptions = []Record[contracts.PrescriptionState]{}
	}
	if e.LabOrders == nil {
		e.LabOrders = []Record[contracts.LabOrderState]{}
	}
	if e.ImagingStudies == nil {
		e.ImagingStudies = []Record[contracts.ImagingStudyState]{}
	}
	return e
}

// triageKnown reports whether any known version of the encounter record
// carries a triage assessment.
func triageKnown(visit Record[contracts.EncounterState]) bool {
	if visit.Current.State.Triage != nil {
		return true
	}
	for _, v := range visit.Superseded {
		if v.State.Triage != nil {
			return true
		}
	}
	return false
}

// sortTime is the arrival time when the encounter record is known, else the
// earliest occurredAt of any version of any of the encounter's records (zero
// for an encounter without records).
func sortTime(e Encounter) time.Time {
	if e.Visit != nil {
		return e.Visit.Current.State.ArrivedAt.UTC()
	}
	var earliest time.Time
	consider := func(p Provenance) {
		if earliest.IsZero() || p.OccurredAt.Before(earliest) {
			earliest = p.OccurredAt.UTC()
		}
	}
	eachProvenance(e.Prescriptions, consider)
	eachProvenance(e.LabOrders, consider)
	eachProvenance(e.ImagingStudies, consider)
	return earliest
}

// eachProvenance calls fn with the provenance of every version of every record.
func eachProvenance[T any](records []Record[T], fn func(Provenance)) {
	for _, r := range records {
		fn(r.Current.Provenance)
		for _, v := range r.Superseded {
			fn(v.Provenance)
		}
	}
}
