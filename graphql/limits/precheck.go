package limits

import (
	"fmt"

	"github.com/graphql-go/graphql/language/ast"
)

// MaxNesting bounds the nesting of brackets ({, ( and [) in a document.
// graphql-go's parser and validator recurse once per level, so a deep
// document costs stack before any limit of Check could apply.
const MaxNesting = 64

// Nesting returns a *TooComplexError when the brackets of the document text
// nest deeper than MaxNesting. It skips strings, block strings and
// comments, and runs before parsing.
func Nesting(doc string) error {
	depth, deepest := 0, 0
	for i := 0; i < len(doc); i++ {
		switch c := doc[i]; c {
		case '#':
			for i < len(doc) && doc[i] != '\n' && doc[i] != '\r' {
				i++
			}
		case '"':
			i = skipString(doc, i)
		case '{', '(', '[':
			depth++
			deepest = max(deepest, depth)
		case '}', ')', ']':
			depth--
		}
	}
	if deepest > MaxNesting {
		return &TooComplexError{Measure: MeasureDepth, Max: MaxNesting, Actual: deepest}
	}
	return nil
}

// skipString returns the index of the last quote of the string starting at i.
func skipString(doc string, i int) int {
	if len(doc) >= i+3 && doc[i:i+3] == `"""` {
		for j := i + 3; j+2 < len(doc); j++ {
			if doc[j] == '\\' && len(doc) >= j+4 && doc[j+1:j+4] == `"""` {
				j += 3
				continue
			}
			if doc[j:j+3] == `"""` {
				return j + 2
			}
		}
		return len(doc)
	}
	for j := i + 1; j < len(doc); j++ {
		switch doc[j] {
		case '\\':
			j++
		case '"', '\n', '\r':
			return j
		}
	}
	return len(doc)
}

// FragmentCycleError is returned by FragmentCycles.
type FragmentCycleError struct {
	Fragment string
}

func (e *FragmentCycleError) Error() string {
	return fmt.Sprintf("fragment %s spreads itself, directly or through other fragments", e.Fragment)
}

// FragmentCycles returns a *FragmentCycleError when a fragment of doc
// spreads itself. graphql-go v0.8.1's validator recurses without end on
// such a document (rule OverlappingFieldsCanBeMerged runs before
// NoFragmentCycles reports it) until the process dies of a stack overflow,
// so this must run before graphql.ValidateDocument.
func FragmentCycles(doc *ast.Document) error {
	fragments := map[string]*ast.FragmentDefinition{}
	for _, def := range doc.Definitions {
		if f, ok := def.(*ast.FragmentDefinition); ok && f.Name != nil {
			fragments[f.Name.Value] = f
		}
	}
	const (
		unvisited = iota
		inProgress
		done
	)
	state := map[string]int{}
	var visit func(name string) error
	visit = func(name string) error {
		switch state[name] {
		case inProgress:
			return &FragmentCycleError{Fragment: name}
		case done:
			return nil
		}
		f, ok := fragments[name]
		if !ok {
			return nil // an unknown fragment: validation reports it
		}
		state[name] = inProgress
		for _, spread := range spreads(f.SelectionSet, nil) {
			if err := visit(spread); err != nil {
				return err
			}
		}
		state[name] = done
		return nil
	}
	for name := range fragments {
		if err := visit(name); err != nil {
			return err
		}
	}
	return nil
}

// spreads appends the names of the fragments spread anywhere in set.
func spreads(set *ast.SelectionSet, names []string) []string {
	if set == nil {
		return names
	}
	for _, sel := range set.Selections {
		switch s := sel.(type) {
		case *ast.FragmentSpread:
			if s.Name != nil {
				names = append(names, s.Name.Value)
			}
		case *ast.InlineFragment:
			names = spreads(s.SelectionSet, names)
		case *ast.Field:
			names = spreads(s.SelectionSet, names)
		}
	}
	return names
}
