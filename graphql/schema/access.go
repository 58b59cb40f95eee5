package schema

import (
	"context"
	"fmt"

	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/graphql/auth"
)

// accessTarget is the patient and encounter one read touched; either may be
// empty (a search that found nothing, an unknown encounter).
type accessTarget struct{ patientID, encounterID string }

// logAccess records one access log entry per target. Within a request
// carrying an AccessBatch (WithAccessBatch, as the HTTP handler does), the
// entries join the batch, which the handler appends in one write before it
// answers; otherwise they are appended now, in one write, before the root
// field answers. A failure is INTERNAL: nothing is served unaudited.
func (b *builder) logAccess(ctx context.Context, who auth.Principal, rootField string, targets ...accessTarget) error {
	entries := make([]history.AccessEntry, 0, len(targets))
	for _, t := range targets {
		id, err := b.deps.NewID()
		if err != nil {
			return storeError("new access log id", err)
		}
		entry := history.AccessEntry{
			ID:          id,
			At:          b.deps.Now().UTC(),
			Subject:     who.Subject,
			Role:        string(who.Role),
			RootField:   rootField,
			PatientID:   t.patientID,
			EncounterID: t.encounterID,
		}
		entries = append(entries, entry)
	}
	if batch, ok := ctx.Value(accessBatchKey{}).(*AccessBatch); ok {
		batch.add(entries)
		return nil
	}
	if err := b.deps.AccessLog.AppendAccessBatch(ctx, entries); err != nil {
		return storeError(fmt.Sprintf("append access log entries for %s", rootField), err)
	}
	return nil
}

func (b *builder) accessEntryType() *graphql.Object {
	a := func(f func(history.AccessEntry) any) graphql.FieldResolveFn { return from(f) }
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "AccessEntry",
		Description: "One read of patient data through this API.",
		Fields: graphql.Fields{
			"id":          {Type: nonNull(graphql.ID), Resolve: a(func(e history.AccessEntry) any { return e.ID })},
			"at":          {Type: nonNull(b.dateTime), Resolve: a(func(e history.AccessEntry) any { return e.At })},
			"subject":     {Type: nonNull(graphql.String), Description: "Who read: the token's subject.", Resolve: a(func(e history.AccessEntry) any { return e.Subject })},
			"role":        {Type: nonNull(b.role), Resolve: a(func(e history.AccessEntry) any { return e.Role })},
			"rootField":   {Type: nonNull(graphql.String), Description: "The query field that read, e.g. patient or billableItems.", Resolve: a(func(e history.AccessEntry) any { return e.RootField })},
			"patientId":   {Type: graphql.ID, Resolve: a(func(e history.AccessEntry) any { return stringOrNil(e.PatientID) })},
			"encounterId": {Type: graphql.ID, Resolve: a(func(e history.AccessEntry) any { return stringOrNil(e.EncounterID) })},
		},
	})
}

type accessCursor struct {
	ID string `json:"id"`
}

func (b *builder) accessLogField() *graphql.Field {
	args := pageArgs(b.deps.DefaultFirst, b.deps.MaxFirst)
	args["patientId"] = &graphql.ArgumentConfig{Type: graphql.ID, Description: "Only reads of this patient's data."}
	return &graphql.Field{
		Type:        nonNull(connection("AccessEntry", b.accessEntryType(), b.pageInfo)),
		Description: "Who read which patient's data, oldest first. Auditors only (FORBIDDEN otherwise); this read is logged too.",
		Args:        args,
		Resolve: func(p graphql.ResolveParams) (any, error) {
			who, err := auditorOnly(p.Context, "accessLog")
			if err != nil {
				return nil, err
			}
			patientID, _ := p.Args["patientId"].(string)
			if len(patientID) > maxIDLength {
				return nil, badInput(fmt.Sprintf("patientId is longer than %d characters", maxIDLength))
			}
			var key accessCursor
			pg, err := b.readPage(p, "access", patientID, &key)
			if err != nil {
				return nil, err
			}
			q := history.AccessQuery{PatientID: patientID, AfterID: key.ID, Limit: pg.limit}
			res, err := b.deps.AccessLog.AccessLog(p.Context, q)
			if err != nil {
				return nil, storeError("read access log", err)
			}
			if err := b.logAccess(p.Context, who, "accessLog", accessTarget{patientID: patientID}); err != nil {
				return nil, err
			}
			return buildConnection(b, res, pg, "access", patientID, func(e history.AccessEntry) any {
				return accessCursor{ID: e.ID}
			})
		},
	}
}
