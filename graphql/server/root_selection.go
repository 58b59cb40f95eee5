package server

import "github.com/graphql-go/graphql/language/ast"

// singleRootField reports whether the operation selects exactly one root
// field, without fragments: then its access log entries all come from one
// resolver, and can be written while the rest executes
// (schema.WithEagerAccessBatch). doc has passed validation.
func singleRootField(doc *ast.Document, operationName string) bool {
	for _, d := range doc.Definitions {
		op, ok := d.(*ast.OperationDefinition)
		if !ok || (operationName != "" && (op.Name == nil || op.Name.Value != operationName)) {
			continue
		}
		if op.SelectionSet == nil || len(op.SelectionSet.Selections) != 1 {
			return false
		}
		_, isField := op.SelectionSet.Selections[0].(*ast.Field)
		return isField
	}
	return false
}
