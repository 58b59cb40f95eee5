package limits

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
)

// saturation bounds every count, so no product overflows.
const saturation = math.MaxInt32

// Check measures the operation named operationName (or the only one) of doc
// against cfg (defaults applied to zero fields). It returns a
// *TooComplexError when a limit is exceeded, another error when the
// document has no such operation. vars are the request's variables, used to
// read `first: $n`.
func Check(cfg Config, schema *graphql.Schema, doc *ast.Document, operationName string, vars map[string]any) error {
	cfg = cfg.WithDefaults()
	op, fragments, err := operation(doc, operationName)
	if err != nil {
		return err
	}
	var root *graphql.Object
	switch op.Operation {
	case ast.OperationTypeQuery:
		root = schema.QueryType()
	case ast.OperationTypeMutation:
		root = schema.MutationType()
	case ast.OperationTypeSubscription:
		root = schema.SubscriptionType()
	}
	if root == nil {
		return fmt.Errorf("the schema has no %s type", op.Operation)
	}
	w := &walker{cfg: cfg, schema: schema, fragments: fragments, vars: varValues(op, vars)}
	w.selectionSet(op.SelectionSet, root, 1, 1, 0, true, nil)
	if w.visits > maxVisits {
		return &TooComplexError{Measure: MeasureNodes, Max: cfg.MaxNodes, Actual: saturation}
	}
	if w.depth > cfg.MaxDepth {
		return &TooComplexError{Measure: MeasureDepth, Max: cfg.MaxDepth, Actual: w.depth}
	}
	if w.nodes > cfg.MaxNodes {
		return &TooComplexError{Measure: MeasureNodes, Max: cfg.MaxNodes, Actual: w.nodes}
	}
	return nil
}

func operation(doc *ast.Document, name string) (*ast.OperationDefinition, map[string]*ast.FragmentDefinition, error) {
	var op *ast.OperationDefinition
	fragments := map[string]*ast.FragmentDefinition{}
	for _, def := range doc.Definitions {
		switch d := def.(type) {
		case *ast.OperationDefinition:
			if name == "" && op != nil {
				return nil, nil, errors.New("the document has several operations: name the one to run")
			}
			if name == "" || (d.Name != nil && d.Name.Value == name) {
				op = d
			}
		case *ast.FragmentDefinition:
			if d.Name != nil {
				fragments[d.Name.Value] = d
			}
		}
	}
	if op == nil {
		return nil, nil, fmt.Errorf("the document has no operation named %q", name)
	}
	return op, fragments, nil
}

// varValues returns the request's variables, completed with the defaults
// the operation declares.
func varValues(op *ast.OperationDefinition, vars map[string]any) map[string]any {
	out := make(map[string]any, len(vars))
	for k, v := range vars {
		out[k] = v
	}
	for _, def := range op.VariableDefinitions {
		if def.Variable == nil || def.Variable.Name == nil {
			continue
		}
		name := def.Variable.Name.Value
		if _, ok := out[name]; !ok && def.DefaultValue != nil {
			out[name] = def.DefaultValue.GetValue()
		}
	}
	return out
}

// intValue reads an Int argument: a literal, or a variable given as a JSON
// number, a Go integer or (for a default) a literal's text.
func intValue(v ast.Value, vars map[string]any) (int, bool) {
	switch v := v.(type) {
	case *ast.IntValue:
		return atoi(v.Value)
	case *ast.Variable:
		if v.Name == nil {
			return 0, false
		}
		switch x := vars[v.Name.Value].(type) {
		case float64:
			if x != math.Trunc(x) || math.Abs(x) > saturation {
				return saturation, true
			}
			return int(x), true
		case int:
			return x, true
		case int64:
			return clamp(x), true
		case string:
			return atoi(x)
		}
	}
	return 0, false
}

func atoi(s string) (int, bool) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return saturation, true // out of range: count it as huge
	}
	return clamp(n), true
}

func clamp(n int64) int {
	if n > saturation {
		return saturation
	}
	if n < -saturation {
		return -saturation
	}
	return int(n)
}

func mul(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a > saturation/b {
		return saturation
	}
	return a * b
}

func add(a, b int) int {
	if a > saturation-b {
		return saturation
	}
	return a + b
}
