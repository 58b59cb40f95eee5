package schema

import (
	"os"
	"strings"
	"testing"

	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"
)

// TestSchemaFileMatchesTheCode fails when graphql/schema.graphql drifts
// from the schema built in Go. Regenerate it with
// go run ./graphql/cmd/printschema > graphql/schema.graphql.
func TestSchemaFileMatchesTheCode(t *testing.T) {
	t.Parallel()
	want, err := Print()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(want, "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("graphql/schema.graphql drifted from the code at line %d:\n file: %q\n code: %q\n"+
					"run: go run ./graphql/cmd/printschema > graphql/schema.graphql", i+1, g, w)
			}
		}
	}
}

// The printed SDL is valid SDL declaring the public API.
func TestPrintedSchemaParsesAndDeclaresThePublicAPI(t *testing.T) {
	t.Parallel()
	sdl, err := Print()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parser.Parse(parser.ParseParams{Source: sdl})
	if err != nil {
		t.Fatalf("printed SDL does not parse: %v", err)
	}
	types := map[string]*ast.ObjectDefinition{}
	for _, def := range doc.Definitions {
		if o, ok := def.(*ast.ObjectDefinition); ok {
			types[o.Name.Value] = o
		}
	}
	want := map[string][]string{
		"Query":               {"patient", "encounter", "patients", "billableItems", "auditTrail", "pipelineStatus", "accessLog"},
		"Patient":             {"id", "name", "birthDate", "sex", "encounters", "updatedAt"},
		"Encounter":           {"id", "patientId", "status", "openedAt", "closedAt", "disposition", "reason", "triage", "prescriptions", "labOrders", "imagingStudies", "completeness", "updatedAt"},
		"Completeness":        {"complete", "missing"},
		"Provenance":          {"eventId", "eventType", "source", "topic", "partition", "offset", "occurredAt", "recordedAt", "ingestedAt", "actor"},
		"PageInfo":            {"hasNextPage", "endCursor"},
		"EncounterConnection": {"edges", "pageInfo", "totalCount"},
		"EncounterEdge":       {"cursor", "node"},
	}
	for typ, fields := range want {
		o, ok := types[typ]
		if !ok {
			t.Errorf("type %s missing", typ)
			continue
		}
		have := map[string]bool{}
		for _, f := range o.Fields {
			have[f.Name.Value] = true
		}
		for _, f := range fields {
			if !have[f] {
				t.Errorf("%s.%s missing", typ, f)
			}
		}
	}
	for _, nullable := range []string{"reason: String", "triage: Triage", "openedAt: DateTime", "chiefComplaint: String",
		"vitalSigns: VitalSigns", "findings: String", "impression: String", "interpretation: String", "value: Float"} {
		if !strings.Contains(sdl, "  "+nullable+"\n") {
			t.Errorf("SDL lacks nullable field %q", nullable)
		}
	}
}

func TestNewValidatesItsDependencies(t *testing.T) {
	t.Parallel()
	_, err := New(Deps{MaxFirst: 500})
	for _, want := range []string{"Reader", "AccessLog", "Cursors", "MaxFirst"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("New(Deps{}) = %v, want it to name %s", err, want)
		}
	}
}
