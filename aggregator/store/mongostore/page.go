package mongostore

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"github.com/prontuario/prontuario/aggregator/history"
)

// pageQuery is one keyset page: the documents matching filter and cursor,
// in sort order; Total counts those matching filter alone.
type pageQuery struct {
	filter []bson.D // conjunction of what the query selects
	cursor bson.D   // where the page starts, or nil
	sort   bson.D
	limit  int
}

// readPage runs q on coll; D is the stored document type, as converts it.
func readPage[D, T any](ctx context.Context, coll *mongo.Collection, q pageQuery, as func(D) T) (history.Page[T], error) {
	filter := and(q.filter...)
	total, err := coll.CountDocuments(ctx, filter)
	if err != nil {
		return history.Page[T]{}, err
	}
	if q.cursor != nil {
		filter = and(append(q.filter, q.cursor)...)
	}
	cur, err := coll.Find(ctx, filter, options.Find().SetSort(q.sort).SetLimit(int64(q.limit+1)))
	if err != nil {
		return history.Page[T]{}, err
	}
	page := history.Page[T]{Items: make([]T, 0, q.limit), Total: int(total)}
	if err := each(ctx, cur, func(d D) { page.Items = append(page.Items, as(d)) }); err != nil {
		return history.Page[T]{}, err
	}
	if len(page.Items) > q.limit {
		page.Items, page.HasNext = page.Items[:q.limit], true
	}
	return page, nil
}

// and is the conjunction of filters.
func and(filters ...bson.D) bson.D {
	switch len(filters) {
	case 0:
		return bson.D{}
	case 1:
		return filters[0]
	}
	all := make(bson.A, len(filters))
	for i, f := range filters {
		all[i] = f
	}
	return bson.D{{Key: "$and", Value: all}}
}

// eq is {field: value}.
func eq(field string, value any) bson.D { return bson.D{{Key: field, Value: value}} }

// period bounds field to [from, to), a zero bound being open.
func period(field string, from, to time.Time) []bson.D {
	var out []bson.D
	if !from.IsZero() {
		out = append(out, bson.D{{Key: field, Value: bson.D{{Key: "$gte", Value: from}}}})
	}
	if !to.IsZero() {
		out = append(out, bson.D{{Key: field, Value: bson.D{{Key: "$lt", Value: to}}}})
	}
	return out
}

// after is the keyset cursor "(field, _id) beyond (value, id)" in the
// direction op ("$gt" ascending, "$lt" descending).
func after(field string, value any, id string, op string) bson.D {
	return bson.D{{Key: "$or", Value: bson.A{
		bson.D{{Key: field, Value: bson.D{{Key: op, Value: value}}}},
		bson.D{{Key: field, Value: value}, {Key: "_id", Value: bson.D{{Key: op, Value: id}}}},
	}}}
}
