package schema

import (
	"errors"
	"time"

	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/graphql/gqlerr"
)

func (b *builder) auditEntryType() *graphql.Object {
	a := func(f func(history.AuditEntry) any) graphql.FieldResolveFn { return from(f) }
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "AuditEntry",
		Description: "One event applied to the patient's history.",
		Fields: graphql.Fields{
			"patientId":   {Type: nonNull(graphql.ID), Resolve: a(func(e history.AuditEntry) any { return e.PatientID })},
			"encounterId": {Type: nonNull(graphql.ID), Resolve: a(func(e history.AuditEntry) any { return e.EncounterID })},
			"aggregateId": {
				Type:        nonNull(graphql.ID),
				Description: "The source record the event changed (encounter, prescription, lab order, imaging study).",
				Resolve:     a(func(e history.AuditEntry) any { return e.AggregateID }),
			},
			"summary": {
				Type:        nonNull(graphql.String),
				Description: "A short description of the change, free of clinical values.",
				Resolve:     a(func(e history.AuditEntry) any { return e.Summary }),
			},
			"provenance": {Type: nonNull(b.provenance), Resolve: a(func(e history.AuditEntry) any { return e.Provenance })},
		},
	})
}

type auditCursor struct {
	T       time.Time `json:"t"`
	EventID string    `json:"e"`
}

func (b *builder) auditTrailField() *graphql.Field {
	args := pageArgs(b.deps.DefaultFirst, b.deps.MaxFirst)
	args["patientId"] = &graphql.ArgumentConfig{Type: nonNull(graphql.ID)}
	return &graphql.Field{
		Type: nonNull(connection("AuditEntry", b.auditEntryType(), b.pageInfo)),
		Description: "Every event applied to the patient's history, in order of occurrence. " +
			"Auditors only (FORBIDDEN otherwise); NOT_FOUND for an unknown patient. Logged in the access log.",
		Args: args,
		Resolve: func(p graphql.ResolveParams) (any, error) {
			who, err := auditorOnly(p.Context, "auditTrail")
			if err != nil {
				return nil, err
			}
			id, err := idArg(p, "patientId")
			if err != nil {
				return nil, err
			}
			var key auditCursor
			pg, err := b.readPage(p, "audit", id, &key)
			if err != nil {
				return nil, err
			}
			if err := b.logAccess(p.Context, who, "auditTrail", accessTarget{patientID: id}); err != nil {
				return nil, err
			}
			if _, err := b.deps.Reader.Patient(p.Context, id); errors.Is(err, history.ErrNotFound) {
				return nil, gqlerr.New(gqlerr.NotFound, "no patient has id "+id)
			} else if err != nil {
				return nil, storeError("read patient "+id, err)
			}
			q := history.AuditQuery{PatientID: id, Limit: pg.limit}
			if pg.after {
				q.After = &history.AuditKey{OccurredAt: key.T, EventID: key.EventID}
			}
			res, err := b.deps.Reader.AuditTrail(p.Context, q)
			if err != nil {
				return nil, storeError("read audit trail of patient "+id, err)
			}
			return buildConnection(b, res, pg, "audit", id, func(e history.AuditEntry) any {
				return auditCursor{T: e.Provenance.OccurredAt, EventID: e.Provenance.EventID}
			})
		},
	}
}
