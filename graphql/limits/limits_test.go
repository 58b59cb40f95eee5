package limits

import (
	"errors"
	"strings"
	"testing"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/parser"
)

// testSchema: Query { item: Item, items(first: Int): ItemConnection, tags: [Tag] };
// ItemConnection { edges: [ItemEdge], total: Int }; ItemEdge { node: Item };
// Item { name: String, tags: [Tag], child: Item }; Tag { label: String }.
func testSchema(t *testing.T) *graphql.Schema {
	t.Helper()
	tag := graphql.NewObject(graphql.ObjectConfig{Name: "Tag", Fields: graphql.Fields{"label": {Type: graphql.String}}})
	item := graphql.NewObject(graphql.ObjectConfig{Name: "Item", Fields: graphql.Fields{
		"name": {Type: graphql.String}, "tags": {Type: graphql.NewList(tag)},
	}})
	item.AddFieldConfig("child", &graphql.Field{Type: item})
	edge := graphql.NewObject(graphql.ObjectConfig{Name: "ItemEdge", Fields: graphql.Fields{"node": {Type: item}}})
	conn := graphql.NewObject(graphql.ObjectConfig{Name: "ItemConnection", Fields: graphql.Fields{
		"edges": {Type: graphql.NewNonNull(graphql.NewList(edge))}, "total": {Type: graphql.Int},
	}})
	query := graphql.NewObject(graphql.ObjectConfig{Name: "Query", Fields: graphql.Fields{
		"item":  {Type: item},
		"items": {Type: conn, Args: graphql.FieldConfigArgument{"first": {Type: graphql.Int}}},
		"tags":  {Type: graphql.NewList(tag)},
	}})
	s, err := graphql.NewSchema(graphql.SchemaConfig{Query: query})
	if err != nil {
		t.Fatal(err)
	}
	return &s
}

// measure returns the depth and worst-case nodes Check computes for query.
func measure(t *testing.T, s *graphql.Schema, query string, vars map[string]any) (depth, nodes int) {
	t.Helper()
	doc, err := parser.Parse(parser.ParseParams{Source: query})
	if err != nil {
		t.Fatal(err)
	}
	var tc *TooComplexError
	if err := Check(Config{MaxDepth: 1, MaxNodes: 1_000_000}, s, doc, "", vars); errors.As(err, &tc) {
		depth = tc.Actual
	} else {
		depth = 1
	}
	if err := Check(Config{MaxDepth: 1000, MaxNodes: 1}, s, doc, "", vars); errors.As(err, &tc) {
		nodes = tc.Actual
	} else if err == nil {
		nodes = 1
	} else {
		t.Fatal(err)
	}
	return depth, nodes
}

func TestDepthAndWorstCaseSize(t *testing.T) {
	t.Parallel()
	s := testSchema(t)
	cases := []struct {
		name         string
		query        string
		vars         map[string]any
		depth, nodes int
	}{
		{"scalars_are_not_counted", `{ item { name } }`, nil, 2, 1},
		{"nested_objects", `{ item { child { child { name } } } }`, nil, 4, 3},
		{"lists_count_list_size", `{ tags { label } }`, nil, 2, 10},
		{"lists_multiply", `{ item { tags { label } } }`, nil, 3, 11},
		{"first_multiplies_the_edges", `{ items(first: 5) { edges { node { tags { label } } } } }`, nil, 5, 1 + 5 + 5 + 50},
		{"first_omitted_is_the_default_page", `{ items { edges { node { name } } } }`, nil, 4, 1 + 20 + 20},
		{"first_above_the_cap_counts_as_the_cap", `{ items(first: 100000) { edges { node { name } } } }`, nil, 4, 1 + 100 + 100},
		{"first_from_a_variable", `query($n: Int) { items(first: $n) { edges { node { name } } } }`, map[string]any{"n": 3.0}, 4, 1 + 3 + 3},
		{"first_from_a_variable_default", `query($n: Int = 2) { items(first: $n) { edges { node { name } } } }`, nil, 4, 1 + 2 + 2},
		{"aliases_count_separately", `{ a: item { name } b: item { name } c: tags { label } }`, nil, 2, 12},
		{"fragments_are_flattened", `{ item { ...F } } fragment F on Item { child { ... on Item { child { name } } } }`, nil, 4, 3},
		{"typename_is_free", `{ __typename item { __typename } }`, nil, 2, 1},
		{"introspection_counts_neither_depth_nor_size", `{ __schema { types { fields { name } } } }`, nil, 1, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			depth, nodes := measure(t, s, c.query, c.vars)
			if depth != c.depth || nodes != c.nodes {
				t.Errorf("depth %d nodes %d, want %d and %d", depth, nodes, c.depth, c.nodes)
			}
		})
	}
}

func TestCheckRejectsOnlyAboveTheLimits(t *testing.T) {
	t.Parallel()
	s := testSchema(t)
	doc, err := parser.Parse(parser.ParseParams{Source: `{ items(first: 5) { edges { node { tags { label } } } } }`}) // depth 5, 61 nodes
	if err != nil {
		t.Fatal(err)
	}
	if err := Check(Config{MaxDepth: 5, MaxNodes: 61}, s, doc, "", nil); err != nil {
		t.Errorf("at the limits: %v", err)
	}
	var tc *TooComplexError
	if err := Check(Config{MaxDepth: 4, MaxNodes: 61}, s, doc, "", nil); !errors.As(err, &tc) || tc.Measure != MeasureDepth {
		t.Errorf("depth 5 over 4: %v", err)
	}
	if err := Check(Config{MaxDepth: 5, MaxNodes: 60}, s, doc, "", nil); !errors.As(err, &tc) || tc.Measure != MeasureNodes {
		t.Errorf("61 nodes over 60: %v", err)
	}
}

func TestCheckPicksTheNamedOperation(t *testing.T) {
	t.Parallel()
	s := testSchema(t)
	doc, err := parser.Parse(parser.ParseParams{Source: `query Small { item { name } } query Big { tags { label } }`})
	if err != nil {
		t.Fatal(err)
	}
	if err := Check(Config{MaxNodes: 5}, s, doc, "Small", nil); err != nil {
		t.Errorf("Small: %v", err)
	}
	if err := Check(Config{MaxNodes: 5}, s, doc, "Big", nil); err == nil {
		t.Error("Big (10 nodes) passed a limit of 5")
	}
	if err := Check(Config{}, s, doc, "", nil); err == nil || !strings.Contains(err.Error(), "several operations") {
		t.Errorf("unnamed with two operations: %v", err)
	}
}

func TestConfigValidateReportsEveryProblem(t *testing.T) {
	t.Parallel()
	err := Config{MaxDepth: -1, MaxNodes: -1, DefaultFirst: 50, MaxFirst: 10, ListSize: 1}.Validate()
	for _, want := range []string{"MaxDepth", "MaxNodes", "DefaultFirst (50)"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %v, want it to name %s", err, want)
		}
	}
	if err := (Config{}).WithDefaults().Validate(); err != nil {
		t.Errorf("defaults invalid: %v", err)
	}
}
