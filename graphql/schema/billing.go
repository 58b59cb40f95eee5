package schema

import (
	"fmt"
	"time"

	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/aggregator/history"
)

func (b *builder) billableItemType() *graphql.Object {
	i := func(f func(history.BillableItem) any) graphql.FieldResolveFn {
		return from(func(n billableNode) any { return f(n.BillableItem) })
	}
	return graphql.NewObject(graphql.ObjectConfig{
		Name: "BillableItem",
		Description: "One billable act: a medication of a prescription, a resulted lab test or a performed " +
			"imaging study. Cancelled and entered-in-error acts are not billable; a corrected result is billed once.",
		Fields: graphql.Fields{
			"id":          {Type: nonNull(graphql.ID), Description: "Stable across rebuilds of the read model.", Resolve: i(func(x history.BillableItem) any { return x.ID })},
			"kind":        {Type: nonNull(b.billableKind), Resolve: i(func(x history.BillableItem) any { return x.Kind })},
			"patientId":   {Type: nonNull(graphql.ID), Resolve: i(func(x history.BillableItem) any { return x.PatientID })},
			"encounterId": {Type: nonNull(graphql.ID), Resolve: i(func(x history.BillableItem) any { return x.EncounterID })},
			"recordId": {
				Type:        nonNull(graphql.ID),
				Description: "The prescription, lab order or imaging study billed.",
				Resolve:     i(func(x history.BillableItem) any { return x.RecordID }),
			},
			"code":               {Type: nonNull(graphql.String), Description: "Medication code, LOINC code or imaging procedure code.", Resolve: i(func(x history.BillableItem) any { return x.Code })},
			"description":        {Type: nonNull(graphql.String), Resolve: i(func(x history.BillableItem) any { return x.Description })},
			"quantity":           {Type: nonNull(graphql.Int), Resolve: i(func(x history.BillableItem) any { return x.Quantity })},
			"serviceDate":        {Type: nonNull(b.dateTime), Resolve: i(func(x history.BillableItem) any { return x.ServiceDate })},
			"orderingProvider":   {Type: nonNull(graphql.String), Resolve: i(func(x history.BillableItem) any { return x.OrderingProvider })},
			"performingProvider": {Type: graphql.String, Resolve: i(func(x history.BillableItem) any { return stringOrNil(x.PerformingProvider) })},
			"status":             {Type: nonNull(graphql.String), Description: "Status of the billed act in its source service.", Resolve: i(func(x history.BillableItem) any { return x.Status })},
			"provenance": {
				Type: b.provenance,
				Description: "The version of the billed record this item derives from: the event that made the act " +
					"billable as it is now (the prescription, the final or corrected result, the performed study). " +
					"The encounters of a page are read in one store call, and only when this field is selected. " +
					"Null when the record changed after the item was read.",
				Resolve: func(p graphql.ResolveParams) (any, error) {
					n, ok := p.Source.(billableNode)
					if !ok {
						return nil, storeError("BillableItem.provenance", fmt.Errorf("unexpected parent %T", p.Source))
					}
					e, found, err := n.encounters.get(p.Context, b.deps.Reader, n.EncounterID)
					if err != nil || !found {
						return nil, err
					}
					if prov, ok := billableProvenance(e, n.BillableItem); ok {
						return prov, nil
					}
					return nil, nil
				},
			},
		},
	})
}

type billableCursor struct {
	T  time.Time `json:"t"`
	ID string    `json:"id"`
}

func (b *builder) billableItemsField() *graphql.Field {
	args := pageArgs(b.deps.DefaultFirst, b.deps.MaxFirst)
	args["from"] = &graphql.ArgumentConfig{Type: nonNull(b.dateTime), Description: "Service dates at or after this instant."}
	args["to"] = &graphql.ArgumentConfig{Type: nonNull(b.dateTime), Description: "Service dates before this instant."}
	return &graphql.Field{
		Type:        nonNull(connection("BillableItem", b.billableItemType(), b.pageInfo)),
		Description: "Billable acts with from <= serviceDate < to, by service date. Each encounter billed is logged in the access log.",
		Args:        args,
		Resolve: func(p graphql.ResolveParams) (any, error) {
			who, err := principal(p.Context)
			if err != nil {
				return nil, err
			}
			from, to, err := period(p, true)
			if err != nil {
				return nil, err
			}
			scope := scopeTime(from) + "\x00" + scopeTime(to)
			var key billableCursor
			pg, err := b.readPage(p, "billable", scope, &key)
			if err != nil {
				return nil, err
			}
			q := history.BillableQuery{From: from, To: to, Limit: pg.limit}
			if pg.after {
				q.After = &history.BillableKey{ServiceDate: key.T, ID: key.ID}
			}
			res, err := b.deps.Reader.BillableItems(p.Context, q)
			if err != nil {
				return nil, storeError("read billable items", err)
			}
			if err := b.logAccess(p.Context, who, "billableItems", billedEncounters(res.Items)...); err != nil {
				return nil, err
			}
			nodes := history.Page[billableNode]{Items: billableNodes(res.Items), Total: res.Total, HasNext: res.HasNext}
			return buildConnection(b, nodes, pg, "billable", scope, func(x billableNode) any {
				return billableCursor{T: x.ServiceDate, ID: x.ID}
			})
		},
	}
}

// billedEncounters returns each encounter of items once, in order of first
// appearance; none when items is empty (no patient data was read).
func billedEncounters(items []history.BillableItem) []accessTarget {
	seen := map[accessTarget]bool{}
	var out []accessTarget
	for _, it := range items {
		t := accessTarget{patientID: it.PatientID, encounterID: it.EncounterID}
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}
