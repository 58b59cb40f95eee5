package schema

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync/atomic"

	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/graphql/gqlerr"
)

// NodeBudget caps the objects one answer holds, counted as the lists of
// objects resolve. The pre-execution estimate (package limits) assumes
// that lists without `first` (an encounter's prescriptions, an order's
// results...) hold limits.Config.ListSize items, but nothing in the data
// model caps them: the budget is what makes MaxNodes a real bound on the
// answer whatever the data. It is safe for concurrent use.
type NodeBudget struct {
	max  int64
	used atomic.Int64
}

type nodeBudgetKey struct{}

// WithNodeBudget returns a context whose execution may return at most max
// objects in lists. Once it is spent, every further list resolves to null
// with QUERY_TOO_COMPLEX; the caller should then check Exceeded and refuse
// the whole answer.
func WithNodeBudget(ctx context.Context, max int) (context.Context, *NodeBudget) {
	b := &NodeBudget{max: int64(max)}
	return context.WithValue(ctx, nodeBudgetKey{}, b), b
}

// Exceeded reports whether the answer needed more objects than the budget.
func (b *NodeBudget) Exceeded() bool { return b.used.Load() > b.max }

// Used returns the objects counted so far (past the budget, at least max+1).
func (b *NodeBudget) Used() int { return int(b.used.Load()) }

// Max returns the budget.
func (b *NodeBudget) Max() int { return int(b.max) }

// spend counts n objects and reports whether they fit in the budget.
func (b *NodeBudget) spend(n int) bool { return b.used.Add(int64(n)) <= b.max }

// budgetLists makes every field of s returning a list of objects count
// the objects against the request's NodeBudget, if it has one.
func budgetLists(s *graphql.Schema) {
	for name, t := range s.TypeMap() {
		obj, ok := t.(*graphql.Object)
		if !ok || strings.HasPrefix(name, "__") {
			continue
		}
		for _, def := range obj.Fields() {
			if def.Resolve == nil || !listOfObjects(def.Type) {
				continue
			}
			def.Resolve = counted(def.Resolve)
		}
	}
}

func counted(resolve graphql.FieldResolveFn) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		v, err := resolve(p)
		if err != nil || v == nil {
			return v, err
		}
		budget, ok := p.Context.Value(nodeBudgetKey{}).(*NodeBudget)
		if !ok {
			return v, nil
		}
		rv := reflect.ValueOf(v)
		if rv.Kind() != reflect.Slice {
			return v, nil
		}
		if !budget.spend(rv.Len()) {
			return nil, &gqlerr.Error{Code: gqlerr.QueryTooComplex,
				Message: fmt.Sprintf("the answer holds more than %d objects; ask for smaller pages or fewer fields", budget.max)}
		}
		return v, nil
	}
}

// listOfObjects reports whether t is a (non-null) list of (non-null) objects.
func listOfObjects(t graphql.Type) bool {
	if nn, ok := t.(*graphql.NonNull); ok {
		t = nn.OfType
	}
	l, ok := t.(*graphql.List)
	if !ok {
		return false
	}
	t = l.OfType
	if nn, ok := t.(*graphql.NonNull); ok {
		t = nn.OfType
	}
	_, ok = t.(*graphql.Object)
	return ok
}
