package server

import (
	"slices"

	"github.com/graphql-go/graphql/language/ast"
)

// rootFields returns the names (not aliases) of the root fields the
// operation selects, fragments included, sorted and without repeats. doc
// has passed validation, so the operation exists and its fragments do not
// cycle.
func rootFields(doc *ast.Document, operationName string) []string {
	var op *ast.OperationDefinition
	fragments := map[string]*ast.FragmentDefinition{}
	for _, d := range doc.Definitions {
		switch d := d.(type) {
		case *ast.OperationDefinition:
			if op == nil && (operationName == "" || (d.Name != nil && d.Name.Value == operationName)) {
				op = d
			}
		case *ast.FragmentDefinition:
			if d.Name != nil {
				fragments[d.Name.Value] = d
			}
		}
	}
	if op == nil {
		return nil
	}
	var names []string
	var collect func(*ast.SelectionSet, map[string]bool)
	collect = func(set *ast.SelectionSet, seen map[string]bool) {
		if set == nil {
			return
		}
		for _, s := range set.Selections {
			switch s := s.(type) {
			case *ast.Field:
				if s.Name != nil {
					names = append(names, s.Name.Value)
				}
			case *ast.InlineFragment:
				collect(s.SelectionSet, seen)
			case *ast.FragmentSpread:
				if s.Name == nil || seen[s.Name.Value] {
					continue
				}
				seen[s.Name.Value] = true
				if f, ok := fragments[s.Name.Value]; ok {
					collect(f.SelectionSet, seen)
				}
			}
		}
	}
	collect(op.SelectionSet, map[string]bool{})
	slices.Sort(names)
	return slices.Compact(names)
}
