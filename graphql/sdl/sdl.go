// Package sdl prints a graphql-go schema in the GraphQL schema definition
// language, with its descriptions. graphql-go v0.8.1 can parse SDL but not
// print a schema built in Go, so this walks the schema's types.
//
// The output is deterministic: types, fields, arguments and enum values are
// sorted by name, with Query first. Built-in scalars, introspection types and
// the specified directives are left out.
package sdl

import (
	"fmt"
	"sort"
	"strings"

	"github.com/graphql-go/graphql"
)

var builtin = map[string]bool{"String": true, "Int": true, "Float": true, "Boolean": true, "ID": true}

// Print returns the SDL of s.
func Print(s *graphql.Schema) string {
	var names []string
	for name := range s.TypeMap() {
		if !strings.HasPrefix(name, "__") && !builtin[name] {
			names = append(names, name)
		}
	}
	query := ""
	if q := s.QueryType(); q != nil {
		query = q.Name()
	}
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == query) != (names[j] == query) {
			return names[i] == query
		}
		return names[i] < names[j]
	})
	var w strings.Builder
	for i, name := range names {
		if i > 0 {
			w.WriteString("\n")
		}
		printType(&w, s.Type(name))
	}
	return w.String()
}

func printType(w *strings.Builder, t graphql.Type) {
	description(w, "", t.Description())
	switch t := t.(type) {
	case *graphql.Scalar:
		fmt.Fprintf(w, "scalar %s\n", t.Name())
	case *graphql.Enum:
		fmt.Fprintf(w, "enum %s {\n", t.Name())
		values := append([]*graphql.EnumValueDefinition(nil), t.Values()...)
		sort.Slice(values, func(i, j int) bool { return values[i].Name < values[j].Name })
		for _, v := range values {
			description(w, "  ", v.Description)
			fmt.Fprintf(w, "  %s%s\n", v.Name, deprecated(v.DeprecationReason))
		}
		w.WriteString("}\n")
	case *graphql.Object:
		fmt.Fprintf(w, "type %s%s {\n", t.Name(), implements(t.Interfaces()))
		fields(w, t.Fields())
		w.WriteString("}\n")
	case *graphql.Interface:
		fmt.Fprintf(w, "interface %s {\n", t.Name())
		fields(w, t.Fields())
		w.WriteString("}\n")
	case *graphql.Union:
		var members []string
		for _, m := range t.Types() {
			members = append(members, m.Name())
		}
		sort.Strings(members)
		fmt.Fprintf(w, "union %s = %s\n", t.Name(), strings.Join(members, " | "))
	case *graphql.InputObject:
		fmt.Fprintf(w, "input %s {\n", t.Name())
		in := t.Fields()
		var names []string
		for name := range in {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			f := in[name]
			description(w, "  ", f.Description())
			fmt.Fprintf(w, "  %s: %s%s\n", name, f.Type.String(), defaultValue(f.DefaultValue))
		}
		w.WriteString("}\n")
	}
}

func implements(ifaces []*graphql.Interface) string {
	if len(ifaces) == 0 {
		return ""
	}
	var names []string
	for _, i := range ifaces {
		names = append(names, i.Name())
	}
	sort.Strings(names)
	return " implements " + strings.Join(names, " & ")
}
