package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/prontuario/prontuario/aggregator/history"
)

// DefaultGeneration is the generation a new store starts with and activates.
const DefaultGeneration = "1"

// Batch is everything one Commit writes: the documents a batch of events
// touched, after the events were applied to them, and what the batch adds.
type Batch struct {
	// Patients and Encounters are written whole. Each carries the Revision it
	// was loaded at (0 = new); the store keeps Revision+1.
	Patients   []history.Patient
	Encounters []history.Encounter
	// Billable replaces, per encounter id, that encounter's set of billable
	// items; an empty set removes them all.
	Billable map[string][]history.BillableItem
	// Audit entries are inserted; an entry whose event id is already stored
	// is ignored, so re-committing after a crash or a conflict is harmless.
	Audit []history.AuditEntry
	// DeadLetters are inserted; an id already stored is ignored.
	DeadLetters []history.DeadLetter
	// Freshness is merged into what is stored: the later NewestEventTime and
	// NewestAppliedAt, the higher offset per partition. It never goes back.
	// AppliedCount and DeadLettered are ignored: they are counted at read time.
	Freshness []history.SourceFreshness
}

// Empty reports whether the batch writes nothing.
func (b Batch) Empty() bool {
	return len(b.Patients) == 0 && len(b.Encounters) == 0 && len(b.Billable) == 0 &&
		len(b.Audit) == 0 && len(b.DeadLetters) == 0 && len(b.Freshness) == 0
}

// Validate reports every reason the batch cannot be written, joined; each
// wraps ErrInvalidWrite. Commit calls it before writing anything.
func (b Batch) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrInvalidWrite}, args...)...))
	}
	patients := make(map[string]bool, len(b.Patients))
	for i, p := range b.Patients {
		switch {
		case p.ID == "":
			bad("patient %d has no id", i)
		case patients[p.ID]:
			bad("patient %s appears twice", p.ID)
		case p.Revision < 0:
			bad("patient %s has negative revision %d", p.ID, p.Revision)
		}
		patients[p.ID] = true
	}
	encounters := make(map[string]bool, len(b.Encounters))
	for i, e := range b.Encounters {
		switch {
		case e.ID == "":
			bad("encounter %d has no id", i)
		case encounters[e.ID]:
			bad("encounter %s appears twice", e.ID)
		case e.PatientID == "":
			bad("encounter %s has no patient id", e.ID)
		case e.Revision < 0:
			bad("encounter %s has negative revision %d", e.ID, e.Revision)
		}
		encounters[e.ID] = true
	}
	errs = append(errs, b.validateBillable()...)
	for i, a := range b.Audit {
		if a.Provenance.EventID == "" || a.PatientID == "" || a.Provenance.Source == "" {
			bad("audit entry %d (event %q) needs an event id, a patient id and a source", i, a.Provenance.EventID)
		}
	}
	for i, d := range b.DeadLetters {
		if err := validateDeadLetter(d); err != nil {
			bad("dead letter %d: %w", i, err)
		}
	}
	for i, f := range b.Freshness {
		if f.Source == "" {
			bad("freshness %d has no source", i)
		}
	}
	return errors.Join(errs...)
}

// validateBillable checks that every item belongs to the encounter it is
// filed under and that item ids are unique across the batch.
func (b Batch) validateBillable() []error {
	var errs []error
	seen := make(map[string]bool)
	for encounterID, items := range b.Billable {
		if encounterID == "" {
			errs = append(errs, fmt.Errorf("%w: billable items filed under an empty encounter id", ErrInvalidWrite))
		}
		for _, it := range items {
			switch {
			case it.ID == "":
				errs = append(errs, fmt.Errorf("%w: a billable item of encounter %s has no id", ErrInvalidWrite, encounterID))
			case it.EncounterID != encounterID:
				errs = append(errs, fmt.Errorf("%w: billable item %s of encounter %q is filed under encounter %s",
					ErrInvalidWrite, it.ID, it.EncounterID, encounterID))
			case seen[it.ID]:
				errs = append(errs, fmt.Errorf("%w: billable item %s appears twice", ErrInvalidWrite, it.ID))
			}
			seen[it.ID] = true
		}
	}
	return errs
}

// validateDeadLetter checks what a dead letter must have to be stored and
// counted: its id (the message's coordinates) and where it came from.
func validateDeadLetter(d history.DeadLetter) error {
	var missing []string
	if d.ID == "" {
		missing = append(missing, "id")
	}
	if d.Topic == "" {
		missing = append(missing, "topic")
	}
	if len(missing) > 0 {
		return fmt.Errorf("dead letter %q has no %s", d.ID, strings.Join(missing, " and "))
	}
	return nil
}
