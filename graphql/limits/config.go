// Package limits rejects abusive GraphQL queries before they execute:
// graphql-go has no depth or complexity limit of its own.
//
// Check walks the parsed and validated document of the operation to run,
// with the schema's types, and computes:
//
//   - the depth: the deepest nesting of fields, fragments flattened;
//   - the worst-case size: the number of objects the answer could hold.
//     Every field of object type counts once per object it may appear in.
//     A field taking a `first` argument (a connection) multiplies what is
//     under it by `first` (or the default page size when `first` is omitted,
//     at most the page-size cap); any other list multiplies by ListSize, the
//     assumed worst length of lists that are not paged. Scalar fields are
//     not counted: the request body limit bounds them. Introspection
//     (__schema, __type) counts for neither: it reads no store, and
//     MaxNesting and the walk's budget bound it (GraphiQL's introspection
//     query nests 15 levels).
//
// ListSize is an assumption, not a cap: nothing in the data model bounds
// an encounter's prescriptions or an order's results. What makes MaxNodes
// a real bound is the server (graphql/server with schema.NodeBudget): it
// counts the objects lists actually return while executing, and refuses
// the whole answer with QUERY_TOO_COMPLEX (measure "nodes") once they
// exceed MaxNodes.
//
// Check is pure and safe for concurrent use.
package limits

import (
	"errors"
	"fmt"
)

// Config sets the limits. The zero value of a field means its default.
type Config struct {
	// MaxDepth is the deepest nesting of fields accepted. Default 12.
	MaxDepth int
	// MaxNodes is the largest worst-case number of objects accepted. Default 5,000.
	MaxNodes int
	// DefaultFirst is the page size of a connection queried without
	// `first`. Default 20.
	DefaultFirst int
	// MaxFirst is the largest `first` a connection serves. Default 100.
	MaxFirst int
	// ListSize is the assumed length of lists without a `first` argument
	// (prescriptions of an encounter, items of a prescription...) in the
	// estimate. Default 10. Longer lists are not cut: an answer that turns
	// out larger than MaxNodes is refused at execution (see above).
	ListSize int
}

// Defaults of Config.
const (
	DefaultMaxDepth     = 12
	DefaultMaxNodes     = 5000
	DefaultDefaultFirst = 20
	DefaultMaxFirst     = 100
	DefaultListSize     = 10
)

// WithDefaults returns c with every zero field set to its default.
func (c Config) WithDefaults() Config {
	set := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	set(&c.MaxDepth, DefaultMaxDepth)
	set(&c.MaxNodes, DefaultMaxNodes)
	set(&c.DefaultFirst, DefaultDefaultFirst)
	set(&c.MaxFirst, DefaultMaxFirst)
	set(&c.ListSize, DefaultListSize)
	return c
}

// Validate reports every invalid field at once.
func (c Config) Validate() error {
	var errs []error
	positive := func(name string, v int) {
		if v < 1 {
			errs = append(errs, fmt.Errorf("limits: %s must be at least 1, got %d", name, v))
		}
	}
	positive("MaxDepth", c.MaxDepth)
	positive("MaxNodes", c.MaxNodes)
	positive("DefaultFirst", c.DefaultFirst)
	positive("MaxFirst", c.MaxFirst)
	positive("ListSize", c.ListSize)
	if c.DefaultFirst > c.MaxFirst {
		errs = append(errs, fmt.Errorf("limits: DefaultFirst (%d) must not exceed MaxFirst (%d)", c.DefaultFirst, c.MaxFirst))
	}
	return errors.Join(errs...)
}
