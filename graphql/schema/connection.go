package schema

import (
	"fmt"

	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/aggregator/history"

	"github.com/prontuario/prontuario/graphql/gqlerr"
)

// connectionValue is what a connection type resolves from.
type connectionValue struct {
	edges   []edgeValue
	hasNext bool
	hasPrev bool
	total   int
}

type edgeValue struct {
	cursor string
	node   any
}

func newPageInfo() *graphql.Object {
	return graphql.NewObject(graphql.ObjectConfig{
		Name:        "PageInfo",
		Description: "Relay page information. Pages go forward only: pass endCursor as `after` for the next page.",
		Fields: graphql.Fields{
			"hasNextPage": {Type: nonNull(graphql.Boolean), Resolve: from(func(c connectionValue) any { return c.hasNext })},
			"hasPreviousPage": {
				Type:        nonNull(graphql.Boolean),
				Description: "True when the page was asked for with `after`.",
				Resolve:     from(func(c connectionValue) any { return c.hasPrev }),
			},
			"startCursor": {Type: graphql.String, Resolve: from(func(c connectionValue) any {
				if len(c.edges) == 0 {
					return nil
				}
				return c.edges[0].cursor
			})},
			"endCursor": {Type: graphql.String, Resolve: from(func(c connectionValue) any {
				if len(c.edges) == 0 {
					return nil
				}
				return c.edges[len(c.edges)-1].cursor
			})},
		},
	})
}

// connection makes the <name>Connection and <name>Edge types of node.
func connection(name string, node *graphql.Object, pageInfo *graphql.Object) *graphql.Object {
	edge := graphql.NewObject(graphql.ObjectConfig{
		Name: name + "Edge",
		Fields: graphql.Fields{
			"cursor": {
				Type:        nonNull(graphql.String),
				Description: "Opaque and signed: pass it as `after` to the same query; any other use is BAD_USER_INPUT.",
				Resolve:     from(func(e edgeValue) any { return e.cursor }),
			},
			"node": {Type: nonNull(node), Resolve: from(func(e edgeValue) any { return e.node })},
		},
	})
	return graphql.NewObject(graphql.ObjectConfig{
		Name: name + "Connection",
		Fields: graphql.Fields{
			"edges":    {Type: listOf(edge), Resolve: from(func(c connectionValue) any { return c.edges })},
			"pageInfo": {Type: nonNull(pageInfo), Resolve: from(func(c connectionValue) any { return c })},
			"totalCount": {
				Type:        nonNull(graphql.Int),
				Description: "How many items match the query, over all pages.",
				Resolve:     from(func(c connectionValue) any { return c.total }),
			},
		},
	})
}

// pageArgs are the `first` and `after` arguments every connection field takes.
func pageArgs(defaultFirst, maxFirst int) graphql.FieldConfigArgument {
	return graphql.FieldConfigArgument{
		"first": {
			Type:        graphql.Int,
			Description: fmt.Sprintf("Page size, 1..%d; %d when omitted. Larger values are BAD_USER_INPUT.", maxFirst, defaultFirst),
		},
		"after": {
			Type:        graphql.String,
			Description: "The endCursor of the previous page of the same query.",
		},
	}
}

// page is a connection field's validated `first` and decoded `after`.
type page struct {
	limit int
	after bool
}

// readPage validates `first` and decodes `after` (a cursor of kind and
// scope) into key. page.after reports whether a cursor was given.
func (b *builder) readPage(p graphql.ResolveParams, kind, scope string, key any) (page, error) {
	return b.readPageArgs(p.Args, kind, scope, key)
}

// readPageArgs is readPage over the arguments args.
func (b *builder) readPageArgs(args map[string]any, kind, scope string, key any) (page, error) {
	pg := page{limit: b.deps.DefaultFirst}
	if v, ok := args["first"]; ok && v != nil {
		n, _ := v.(int)
		if n < 1 || n > b.deps.MaxFirst {
			return pg, gqlerr.New(gqlerr.BadUserInput, fmt.Sprintf("first must be between 1 and %d, got %d", b.deps.MaxFirst, n))
		}
		pg.limit = n
	}
	if s, ok := args["after"].(string); ok && s != "" {
		if err := b.deps.Cursors.Decode(s, kind, scope, key); err != nil {
			return pg, &gqlerr.Error{
				Code:    gqlerr.BadUserInput,
				Message: "after is not a cursor of this query: pass the endCursor of the previous page of the same query",
				Cause:   err,
			}
		}
		pg.after = true
	}
	return pg, nil
}

// cursorOf signs the keyset key of one item.
func (b *builder) cursorOf(kind, scope string, key any) (string, error) {
	c, err := b.deps.Cursors.Encode(kind, scope, key)
	if err != nil {
		return "", gqlerr.NewInternal(err)
	}
	return c, nil
}

// buildConnection turns a store page into a connection, signing each
// item's keyset key (from keyOf) under kind and scope.
func buildConnection[T any](b *builder, res history.Page[T], pg page, kind, scope string, keyOf func(T) any) (any, error) {
	c := connectionValue{hasNext: res.HasNext, hasPrev: pg.after, total: res.Total, edges: make([]edgeValue, len(res.Items))}
	for i, item := range res.Items {
		cur, err := b.cursorOf(kind, scope, keyOf(item))
		if err != nil {
			return nil, err
		}
		c.edges[i] = edgeValue{cursor: cur, node: item}
	}
	return c, nil
}

// badInput returns a BAD_USER_INPUT error.
func badInput(message string) error { return gqlerr.New(gqlerr.BadUserInput, message) }
