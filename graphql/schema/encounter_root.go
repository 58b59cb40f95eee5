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
// read per page of patients (see encounterLoader), whatever is selected
// inside them.
func (b *builder) resolvePatientEncounters(p graphql.ResolveParams) (any, error) {
	pat, ok := p.Source.(patientNode)
	if !ok {
		return nil, storeError("Patient.encounters", fmt.Errorf("unexpected parent %T", p.Source))
	}
	got := pat.encounters.load(encounterArgsKey(p.Args), pat.ID, func(ids []string) map[string]encounterPage {
		return b.readEncounters(p.Context, p.Args, ids)
	})
	if got.err != nil {
		return nil, got.err
	}
	return buildConnection(b, got.res, got.pg, "encounters", got.scope, func(e history.Encounter) any {
		return encounterCursor{T: e.SortTime, ID: e.ID}
	})
}

// period reads the from and to arguments; required says both must be set.
// When both are set, from must be before to.
func period(p graphql.ResolveParams, required bool) (from, to time.Time, err error) {
	return periodArgs(p.Args, required)
}

// periodArgs is period over the arguments args.
func periodArgs(args map[string]any, required bool) (from, to time.Time, err error) {
	from, hasFrom := args["from"].(time.Time)
	to, hasTo := args["to"].(time.Time)
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
