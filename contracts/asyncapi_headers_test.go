package contracts_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// headerConstants reads every Header* constant of the package's sources:
// a new header cannot be added without the AsyncAPI document noticing.
func headerConstants(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	out := map[string]string{}
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, e.Name(), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if !strings.HasPrefix(name.Name, "Header") || i >= len(vs.Values) {
						continue
					}
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						out[name.Name], _ = strconv.Unquote(lit.Value)
					}
				}
			}
		}
	}
	if len(out) < 20 {
		t.Fatalf("found only %d header constants", len(out))
	}
	return out
}

func TestAsyncAPIDocumentsEveryHeader(t *testing.T) {
	raw, err := os.ReadFile("asyncapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc asyncAPIDoc
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	for name, header := range headerConstants(t) {
		set := "CloudEventHeaders"
		if strings.HasPrefix(name, "HeaderDLQ") {
			set = "DeadLetterHeaders"
		}
		if _, ok := doc.Components.Schemas[set].Properties[header]; !ok {
			t.Errorf("%s (%q) is not documented in components.schemas.%s", name, header, set)
		}
	}
}

// TestAsyncAPIReferencesResolve checks the document's structure as AsyncAPI
// 3.0 defines it: every operation names an action and a channel that
// exists, and every message a channel carries is defined.
func TestAsyncAPIReferencesResolve(t *testing.T) {
	raw, err := os.ReadFile("asyncapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Channels map[string]struct {
			Messages map[string]map[string]string `yaml:"messages"`
		} `yaml:"channels"`
		Operations map[string]struct {
			Action  string            `yaml:"action"`
			Channel map[string]string `yaml:"channel"`
		} `yaml:"operations"`
		Components struct {
			Messages map[string]any `yaml:"messages"`
		} `yaml:"components"`
	}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Operations) < 2*4 {
		t.Errorf("%d operations: want a send and a receive per source topic", len(doc.Operations))
	}
	for name, op := range doc.Operations {
		if op.Action != "send" && op.Action != "receive" {
			t.Errorf("operation %s: action %q", name, op.Action)
		}
		ch := strings.TrimPrefix(op.Channel["$ref"], "#/channels/")
		if _, ok := doc.Channels[ch]; !ok || ch == op.Channel["$ref"] {
			t.Errorf("operation %s references channel %q, which does not exist", name, op.Channel["$ref"])
		}
	}
	for name, ch := range doc.Channels {
		for msg, ref := range ch.Messages {
			target := strings.TrimPrefix(ref["$ref"], "#/components/messages/")
			if _, ok := doc.Components.Messages[target]; !ok {
				t.Errorf("channel %s message %s references %q, which is not defined", name, msg, ref["$ref"])
			}
		}
	}
}
