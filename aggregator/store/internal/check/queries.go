package check

import (
	"time"
	"unicode/utf8"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store/internal/namesearch"
)

// maxNameQuery caps the length of a name query, in characters.
const maxNameQuery = 200

// EncounterQuery validates a page of a patient's encounters.
func EncounterQuery(q history.EncounterQuery) error {
	p := query()
	if q.PatientID == "" {
		p.add("empty patient id")
	}
	p.period(q.From, q.To)
	if q.After != nil {
		if q.After.ID == "" {
			p.add("cursor without an encounter id")
		}
		p.time("cursor", q.After.SortTime)
	}
	p.limit(q.Limit)
	return p.err()
}

// PatientQuery validates a patient search.
func PatientQuery(q history.PatientQuery) error {
	p := query()
	if q.Name != "" {
		n := len(namesearch.Words(q.Name))
		switch {
		case utf8.RuneCountInString(q.Name) > maxNameQuery:
			p.add("name query longer than %d characters", maxNameQuery)
		case n == 0:
			p.add("name query %q has no letters or digits", q.Name)
		case n > namesearch.MaxQueryWords:
			p.add("name query has %d words, at most %d allowed", n, namesearch.MaxQueryWords)
		}
	}
	if q.BirthDate != "" {
		if _, err := time.Parse(time.DateOnly, q.BirthDate); err != nil {
			p.add("birth date %q is not YYYY-MM-DD", q.BirthDate)
		}
	}
	p.limit(q.Limit)
	return p.err()
}

// BillableQuery validates a page of billable items of a period.
func BillableQuery(q history.BillableQuery) error {
	p := query()
	p.period(q.From, q.To)
	if q.After != nil {
		if q.After.ID == "" {
			p.add("cursor without an item id")
		}
		p.time("cursor", q.After.ServiceDate)
	}
	p.limit(q.Limit)
	return p.err()
}

// AuditQuery validates a page of a patient's audit trail.
func AuditQuery(q history.AuditQuery) error {
	p := query()
	if q.PatientID == "" {
		p.add("empty patient id")
	}
	if q.After != nil {
		if q.After.EventID == "" {
			p.add("cursor without an event id")
		}
		p.time("cursor", q.After.OccurredAt)
	}
	p.limit(q.Limit)
	return p.err()
}

// AccessQuery validates a page of the access log.
func AccessQuery(q history.AccessQuery) error {
	p := query()
	p.limit(q.Limit)
	return p.err()
}
