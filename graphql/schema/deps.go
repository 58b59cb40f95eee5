package schema

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/graphql/cursor"
	"github.com/prontuario/prontuario/graphql/sdl"
)

// Reader is what the resolvers read the history through. Implementations
// return an error wrapping history.ErrNotFound for an unknown patient or
// encounter, and must be safe for concurrent use.
type Reader interface {
	Patient(ctx context.Context, id string) (history.Patient, error)
	Encounter(ctx context.Context, id string) (history.Encounter, error)
	// EncountersOfPatients answers several encounter queries in one read
	// (one per patient of a page): the i-th page answers qs[i].
	EncountersOfPatients(ctx context.Context, qs []history.EncounterQuery) ([]history.Page[history.Encounter], error)
	// Load returns the stored patients and encounters with the given ids,
	// keyed by id (unknown ids are absent), in one read.
	Load(ctx context.Context, patientIDs, encounterIDs []string) (map[string]history.Patient, map[string]history.Encounter, error)
	Patients(ctx context.Context, q history.PatientQuery) (history.Page[history.Patient], error)
	BillableItems(ctx context.Context, q history.BillableQuery) (history.Page[history.BillableItem], error)
	AuditTrail(ctx context.Context, q history.AuditQuery) (history.Page[history.AuditEntry], error)
	Freshness(ctx context.Context) ([]history.SourceFreshness, error)
	EventApplied(ctx context.Context, eventID string) (bool, error)
}

// AccessLog durably records and lists reads of patient data.
// AppendAccessBatch returns nil only once every entry is stored; on an
// error, none may be taken as stored.
type AccessLog interface {
	AppendAccessBatch(ctx context.Context, es []history.AccessEntry) error
	AccessLog(ctx context.Context, q history.AccessQuery) (history.Page[history.AccessEntry], error)
}

// Deps are what the resolvers need.
type Deps struct {
	Reader    Reader
	AccessLog AccessLog
	// Cursors signs and checks connection cursors.
	Cursors *cursor.Codec
	// DefaultFirst is the page size when `first` is omitted (default 20);
	// MaxFirst the largest `first` accepted (default and at most
	// history.MaxPageSize).
	DefaultFirst, MaxFirst int
	// Now is the clock of access log entries and lags; nil means time.Now.
	Now func() time.Time
	// NewID makes access log entry ids; nil means UUIDv7.
	NewID func() (string, error)
}

func (d Deps) withDefaults() Deps {
	if d.DefaultFirst == 0 {
		d.DefaultFirst = 20
	}
	if d.MaxFirst == 0 {
		d.MaxFirst = history.MaxPageSize
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.NewID == nil {
		d.NewID = func() (string, error) {
			id, err := uuid.NewV7()
			return id.String(), err
		}
	}
	return d
}

// Validate reports every missing or invalid dependency at once.
func (d Deps) Validate() error {
	var errs []error
	if d.Reader == nil {
		errs = append(errs, errors.New("schema: Reader is required"))
	}
	if d.AccessLog == nil {
		errs = append(errs, errors.New("schema: AccessLog is required"))
	}
	if d.Cursors == nil {
		errs = append(errs, errors.New("schema: Cursors is required"))
	}
	if d.MaxFirst < 1 || d.MaxFirst > history.MaxPageSize {
		errs = append(errs, fmt.Errorf("schema: MaxFirst must be 1..%d, got %d", history.MaxPageSize, d.MaxFirst))
	}
	if d.DefaultFirst < 1 || d.DefaultFirst > d.MaxFirst {
		errs = append(errs, fmt.Errorf("schema: DefaultFirst must be 1..MaxFirst (%d), got %d", d.MaxFirst, d.DefaultFirst))
	}
	return errors.Join(errs...)
}

// New builds the schema over deps (zero fields set to their defaults).
func New(deps Deps) (graphql.Schema, error) {
	deps = deps.withDefaults()
	if err := deps.Validate(); err != nil {
		return graphql.Schema{}, err
	}
	return build(deps)
}

// Print returns the schema's SDL, as committed in graphql/schema.graphql.
func Print() (string, error) {
	s, err := build(Deps{}.withDefaults())
	if err != nil {
		return "", err
	}
	return sdl.Print(&s), nil
}

func build(deps Deps) (graphql.Schema, error) {
	b := newBuilder(deps)
	s, err := graphql.NewSchema(graphql.SchemaConfig{Query: b.query()})
	if err != nil {
		return graphql.Schema{}, fmt.Errorf("build graphql schema: %w", err)
	}
	budgetLists(&s)
	return s, nil
}
