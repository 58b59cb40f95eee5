package contracts_test

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/contracts"
)

// schemaDoc is the part of a JSON Schema the mutation walker follows.
type schemaDoc = map[string]any

// requiredAt is a field the schema requires in the object at a JSON pointer.
type requiredAt struct{ parent, field string }

// walker follows the golden body through its schema, collecting every
// required field at every depth.
type walker struct {
	defs     map[string]any
	required []requiredAt
}

func (w *walker) resolve(node schemaDoc) schemaDoc {
	for {
		ref, ok := node["$ref"].(string)
		if !ok {
			return node
		}
		name := ref[strings.LastIndex(ref, "/")+1:]
		next, ok := w.defs[name].(map[string]any)
		if !ok {
			return node
		}
		node = next
	}
}

func (w *walker) visit(node schemaDoc, value any, path string) {
	node = w.resolve(node)
	for _, part := range asList(node["allOf"]) {
		if p, ok := part.(map[string]any); ok {
			w.visit(p, value, path)
		}
	}
	switch v := value.(type) {
	case map[string]any:
		for _, r := range asList(node["required"]) {
			w.required = append(w.required, requiredAt{path, r.(string)})
		}
		props, _ := node["properties"].(map[string]any)
		for key, child := range v {
			if p, ok := props[key].(map[string]any); ok {
				w.visit(p, child, path+"/"+key)
			}
		}
	case []any:
		if items, ok := node["items"].(map[string]any); ok && len(v) > 0 {
			w.visit(items, v[0], path+"/0")
		}
	}
}

func asList(v any) []any { l, _ := v.([]any); return l }

// requiredEverywhere lists the fields g's schema requires, nested ones
// included, as they apply to g's body.
func requiredEverywhere(t *testing.T, g golden) []requiredAt {
	t.Helper()
	var defs struct {
		Defs map[string]any `json:"$defs"`
	}
	readSchema(t, "defs.v1.json", &defs)
	var event schemaDoc
	readSchema(t, g.Name+".json", &event)
	w := &walker{defs: defs.Defs}
	w.visit(event, g.bodyMap(t), "")
	return w.required
}

// at returns the value at a JSON pointer of body ("" is body itself).
func at(body any, pointer string) any {
	cur := body
	for _, seg := range strings.Split(pointer, "/")[1:] {
		switch c := cur.(type) {
		case map[string]any:
			cur = c[seg]
		case []any:
			i, _ := strconv.Atoi(seg)
			cur = c[i]
		}
	}
	return cur
}

// leaves lists the JSON pointer of every scalar in v.
func leaves(v any, path string) []string {
	switch c := v.(type) {
	case map[string]any:
		var out []string
		for k, child := range c {
			out = append(out, leaves(child, path+"/"+k)...)
		}
		return out
	case []any:
		var out []string
		for i, child := range c {
			out = append(out, leaves(child, path+"/"+strconv.Itoa(i))...)
		}
		return out
	default:
		return []string{path}
	}
}

func TestRemovingAnyNestedRequiredFieldIsRejectedWithItsPath(t *testing.T) {
	nested := 0
	for _, g := range loadGoldens(t) {
		for _, r := range requiredEverywhere(t, g) {
			if r.parent == "" {
				continue // top-level fields: TestRemovingAnyRequiredFieldIsRejectedWithItsPath
			}
			nested++
			t.Run(fmt.Sprintf("%s%s/without_%s", g.Name, r.parent, r.field), func(t *testing.T) {
				body := g.bodyMap(t)
				delete(at(body, r.parent).(map[string]any), r.field)
				_, err := contracts.Decode(g.Headers, mustJSON(t, body))
				var se *contracts.SchemaError
				if !errors.As(err, &se) {
					t.Fatalf("want *SchemaError, got %T %v", err, err)
				}
				found := false
				for _, v := range se.Violations {
					found = found || (v.Path == r.parent && strings.Contains(v.Message, r.field))
				}
				if !found {
					t.Errorf("no violation at %s naming %s: %v", r.parent, r.field, se)
				}
			})
		}
	}
	if nested < 30 {
		t.Fatalf("only %d nested required fields found in the goldens: the walker lost its way", nested)
	}
}

func TestAWrongTypeAnywhereIsRejectedAtItsPath(t *testing.T) {
	for _, g := range loadGoldens(t) {
		for _, leaf := range leaves(g.bodyMap(t), "") {
			if leaf == "/patientId" {
				continue // a wrong patient id is classified as missing: TestDecodeClassifiesEveryPoison
			}
			t.Run(g.Name+leaf, func(t *testing.T) {
				body := g.bodyMap(t)
				i := strings.LastIndex(leaf, "/")
				parent, key := at(body, leaf[:i]), leaf[i+1:]
				var wrong any = map[string]any{"not": "this"}
				switch p := parent.(type) {
				case map[string]any:
					p[key] = wrong
				case []any:
					n, _ := strconv.Atoi(key)
					p[n] = wrong
				}
				_, err := contracts.Decode(g.Headers, mustJSON(t, body))
				var se *contracts.SchemaError
				if !errors.As(err, &se) {
					t.Fatalf("want *SchemaError, got %T %v", err, err)
				}
				found := false
				for _, v := range se.Violations {
					found = found || v.Path == leaf
				}
				if !found {
					t.Errorf("no violation at %s: %v", leaf, se)
				}
			})
		}
	}
}
