package schema

import (
	"errors"
	"fmt"
	"time"

	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/aggregator/history"
)

func (b *builder) encounterField() *graphql.Field {
	return &graphql.Field{
		Type:        b.encounter,
		Description: "An encounter by id; null when unknown. Logged in the access log.",
		Args:        graphql.FieldConfigArgument{"id": {Type: nonNull(graphql.ID)}},
		Resolve: func(p graphql.ResolveParams) (any, error) {
			who, err := principal(p.Context)
			if err != nil {
				return nil, err
			}
			id, err := idArg(p, "id")
			if err != nil {
				return nil, err
			}
			enc, err := b.deps.Reader.Encounter(p.Context, id)
			if errors.Is(err, history.ErrNotFound) {
				return nil, b.logAccess(p.Context, who, "encounter", accessTarget{encounterID: id})
			}
			if err != nil {
				return nil, storeError("read encounter "+id, err)
			}
			if err := b.logAccess(p.Context, who, "encounter", accessTarget{patientID: enc.PatientID, encounterID: enc.ID}); err != nil {
				return nil, err
			}
			return enc, nil
		},
	}
}

type encounterCursor struct {
	T  time.Time `json:"t"`
	ID string    `json:"id"`
}

// resolvePatientEncounters pages over a patient's encounters: one store
// read per page, whatever is selected inside them.
func (b *builder) resolvePatientEncounters(p graphql.ResolveParams) (any, error) {
	pat, ok := p.Source.(history.Patient)
	if !ok {
		return nil, storeError("Patient.encounters", fmt.Errorf("unexpected parent %T", p.Source))
	}
	from, to, err := period(p, false)
	if err != nil {
		return nil, err
	}
	scope := pat.ID + "\x00" + scopeTime(from) + "\x00" + scopeTime(to)
	var key encounterCursor
	pg, err := b.readPage(p, "encounters", scope, &key)
	if err != nil {
		return nil, err
	}
	q := history.EncounterQuery{PatientID: pat.ID, From: from, To: to, Limit: pg.limit}
	if pg.after {
		q.After = &history.EncounterKey{SortTime: key.T, ID: key.ID}
	}
	res, err := b.deps.Reader.Encounters(p.Context, q)
	if err != nil {
		return nil, storeError("read encounters of patient "+pat.ID, err)
	}
	return buildConnection(b, res, pg, "encounters", scope, func(e history.Encounter) any {
		return encounterCursor{T: e.SortTime, ID: e.ID}
	})
}

// period reads the from and to arguments; required says both must be set.
// When both are set, from must be before to.
func period(p graphql.ResolveParams, required bool) (from, to time.Time, err error) {
	from, hasFrom := p.Args["from"].(time.Time)
	to, hasTo := p.Args["to"].(time.Time)
	if required && (!hasFrom || !hasTo) {
		return from, to, badInput("from and to are required")
	}
	if hasFrom && hasTo && !from.Before(to) {
		return from, to, badInput("from must be before to")
	}
	return from, to, nil
}

func scopeTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}
