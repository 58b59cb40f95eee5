package limits

import (
	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
)

type walker struct {
	cfg       Config
	schema    *graphql.Schema
	fragments map[string]*ast.FragmentDefinition
	vars      map[string]any
	depth     int
	nodes     int
	// visits counts fields walked: fragments spread twice per level make
	// a small document expand exponentially, so the walk has a budget.
	visits int
}

// maxVisits is the walk's budget of fields; a document needing more is
// too complex whatever it asks for.
const maxVisits = 100_000

// selectionSet walks the selections made on objects of type parent, at
// nesting level depth, each present mult times in the worst case. pageSize,
// when not 0, is the length of the lists directly under parent (the edges
// of a connection whose field took `first`). count is false under
// introspection. inFragments guards against fragment cycles.
func (w *walker) selectionSet(set *ast.SelectionSet, parent graphql.Type, depth, mult, pageSize int, count bool, inFragments []string) {
	if set == nil || w.visits > maxVisits {
		return
	}
	for _, sel := range set.Selections {
		switch s := sel.(type) {
		case *ast.Field:
			w.field(s, parent, depth, mult, pageSize, count, inFragments)
		case *ast.InlineFragment:
			t := parent
			if s.TypeCondition != nil && s.TypeCondition.Name != nil {
				if named := w.schema.Type(s.TypeCondition.Name.Value); named != nil {
					t = named
				}
			}
			w.selectionSet(s.SelectionSet, t, depth, mult, pageSize, count, inFragments)
		case *ast.FragmentSpread:
			if s.Name == nil {
				continue
			}
			name := s.Name.Value
			def, ok := w.fragments[name]
			if !ok || contains(inFragments, name) {
				continue
			}
			t := parent
			if def.TypeCondition != nil && def.TypeCondition.Name != nil {
				if named := w.schema.Type(def.TypeCondition.Name.Value); named != nil {
					t = named
				}
			}
			w.selectionSet(def.SelectionSet, t, depth, mult, pageSize, count, append(inFragments, name))
		}
	}
}

func (w *walker) field(f *ast.Field, parent graphql.Type, depth, mult, pageSize int, count bool, inFragments []string) {
	if f.Name == nil {
		return
	}
	w.visits++
	name := f.Name.Value
	if name == "__schema" || name == "__type" {
		count = false
	}
	// Introspection counts for neither depth nor size: it reads no store,
	// and MaxNesting and the walk's budget bound it (GraphiQL's
	// introspection query nests 15 levels, through ofType).
	if count && depth > w.depth {
		w.depth = depth
	}
	def := w.fieldDef(parent, name)
	if def == nil {
		return // __typename, or a field validation would have rejected
	}
	childPage := 0
	for _, arg := range def.Args {
		if arg.Name() == "first" {
			childPage = w.first(f)
		}
	}
	if isList(def.Type) {
		size := w.cfg.ListSize
		if pageSize > 0 {
			size = pageSize
		}
		mult = mul(mult, size)
	}
	named, _ := graphql.GetNamed(def.Type).(graphql.Type)
	if named == nil || !graphql.IsCompositeType(named) {
		return
	}
	if count {
		w.nodes = add(w.nodes, mult)
	}
	w.selectionSet(f.SelectionSet, named, depth+1, mult, childPage, count, inFragments)
}

// first is the page size a field taking `first` serves: its argument capped
// at MaxFirst, or DefaultFirst.
func (w *walker) first(f *ast.Field) int {
	for _, arg := range f.Arguments {
		if arg.Name == nil || arg.Name.Value != "first" {
			continue
		}
		n, ok := intValue(arg.Value, w.vars)
		switch {
		case !ok:
			return w.cfg.DefaultFirst
		case n < 1:
			return 1
		case n > w.cfg.MaxFirst:
			return w.cfg.MaxFirst
		}
		return n
	}
	return w.cfg.DefaultFirst
}

func (w *walker) fieldDef(parent graphql.Type, name string) *graphql.FieldDefinition {
	switch name {
	case "__schema":
		return graphql.SchemaMetaFieldDef
	case "__type":
		return graphql.TypeMetaFieldDef
	}
	switch p := parent.(type) {
	case *graphql.Object:
		return p.Fields()[name]
	case *graphql.Interface:
		return p.Fields()[name]
	}
	return nil
}

func isList(t graphql.Type) bool {
	if nn, ok := t.(*graphql.NonNull); ok {
		t = nn.OfType
	}
	_, ok := t.(*graphql.List)
	return ok
}

func contains(names []string, name string) bool {
	for _, n := range names {
		if n == name {
			return true
		}
	}
	return false
}
