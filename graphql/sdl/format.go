package sdl

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/graphql-go/graphql"
)

func fields(w *strings.Builder, m graphql.FieldDefinitionMap) {
	var names []string
	for name := range m {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		f := m[name]
		description(w, "  ", f.Description)
		fmt.Fprintf(w, "  %s%s: %s%s\n", name, args(f.Args), f.Type.String(), deprecated(f.DeprecationReason))
	}
}

func args(list []*graphql.Argument) string {
	if len(list) == 0 {
		return ""
	}
	sorted := append([]*graphql.Argument(nil), list...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name() < sorted[j].Name() })
	described := false
	for _, a := range sorted {
		described = described || a.Description() != ""
	}
	if !described {
		var parts []string
		for _, a := range sorted {
			parts = append(parts, a.Name()+": "+a.Type.String()+defaultValue(a.DefaultValue))
		}
		return "(" + strings.Join(parts, ", ") + ")"
	}
	var w strings.Builder
	w.WriteString("(\n")
	for _, a := range sorted {
		description(&w, "    ", a.Description())
		fmt.Fprintf(&w, "    %s: %s%s\n", a.Name(), a.Type.String(), defaultValue(a.DefaultValue))
	}
	w.WriteString("  )")
	return w.String()
}

func defaultValue(v any) string {
	if v == nil {
		return ""
	}
	switch v := v.(type) {
	case string:
		return " = " + strconv.Quote(v)
	default:
		return fmt.Sprintf(" = %v", v)
	}
}

func deprecated(reason string) string {
	if reason == "" {
		return ""
	}
	return " @deprecated(reason: " + strconv.Quote(reason) + ")"
}

// description writes a block string; """ inside it is escaped.
func description(w *strings.Builder, indent, text string) {
	if text == "" {
		return
	}
	text = strings.ReplaceAll(text, `"""`, `\"""`)
	if !strings.Contains(text, "\n") && !strings.HasSuffix(text, `"`) {
		fmt.Fprintf(w, "%s\"\"\"%s\"\"\"\n", indent, text)
		return
	}
	fmt.Fprintf(w, "%s\"\"\"\n", indent)
	for _, line := range strings.Split(text, "\n") {
		if line == "" {
			w.WriteString("\n")
			continue
		}
		fmt.Fprintf(w, "%s%s\n", indent, line)
	}
	fmt.Fprintf(w, "%s\"\"\"\n", indent)
}
