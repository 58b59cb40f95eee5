package contracts_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/contracts"
)

// requiredFields reads, from the schema files, the top-level required fields
// of each event type: those of its state definition plus its own.
func requiredFields(t *testing.T, eventFile string) []string {
	t.Helper()
	var event struct {
		AllOf []struct {
			Ref      string   `json:"$ref"`
			Required []string `json:"required"`
		} `json:"allOf"`
	}
	readSchema(t, eventFile, &event)
	var defs struct {
		Defs map[string]struct {
			Required []string `json:"required"`
		} `json:"$defs"`
	}
	readSchema(t, "defs.v1.json", &defs)
	var out []string
	for _, part := range event.AllOf {
		if part.Ref != "" {
			name := part.Ref[strings.LastIndex(part.Ref, "/")+1:]
			out = append(out, defs.Defs[name].Required...)
		}
		out = append(out, part.Required...)
	}
	if len(out) < 4 {
		t.Fatalf("%s: only %d required fields found", eventFile, len(out))
	}
	return out
}

func readSchema(t *testing.T, file string, v any) {
	t.Helper()
	raw, err := contracts.Schemas.ReadFile("schemas/" + file)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatal(err)
	}
}

func TestRemovingAnyRequiredFieldIsRejectedWithItsPath(t *testing.T) {
	for _, g := range loadGoldens(t) {
		for _, field := range requiredFields(t, g.Name+".json") {
			t.Run(g.Name+"/without_"+field, func(t *testing.T) {
				body := g.bodyMap(t)
				delete(body, field)
				_, err := contracts.Decode(g.Headers, mustJSON(t, body))
				if field == "patientId" {
					if !errors.Is(err, contracts.ErrMissingPatientID) {
						t.Fatalf("want ErrMissingPatientID, got %v", err)
					}
					return
				}
				var se *contracts.SchemaError
				if !errors.As(err, &se) {
					t.Fatalf("want *SchemaError, got %T %v", err, err)
				}
				if !strings.Contains(se.Error(), field) {
					t.Errorf("error does not name %s: %v", field, se)
				}
				if contracts.ErrorKind(err) != contracts.KindSchemaViolation {
					t.Errorf("kind %q", contracts.ErrorKind(err))
				}
			})
		}
	}
}

func TestWrongTypesAreRejectedWithTheirPath(t *testing.T) {
	for _, g := range loadGoldens(t) {
		for _, field := range requiredFields(t, g.Name+".json") {
			if field == "patientId" {
				continue
			}
			t.Run(g.Name+"/"+field, func(t *testing.T) {
				body := g.bodyMap(t)
				var wrong any = 42
				if _, isNumber := body[field].(float64); isNumber {
					wrong = "forty-two"
				}
				body[field] = wrong
				_, err := contracts.Decode(g.Headers, mustJSON(t, body))
				var se *contracts.SchemaError
				if !errors.As(err, &se) {
					t.Fatalf("want *SchemaError, got %T %v", err, err)
				}
				found := false
				for _, v := range se.Violations {
					found = found || v.Path == "/"+field
				}
				if !found {
					t.Errorf("no violation at /%s: %v", field, se)
				}
			})
		}
	}
}

func TestNestedViolationsCarryTheirJSONPath(t *testing.T) {
	g := goldenNamed(t, "TriageRecorded.v1")
	body := g.bodyMap(t)
	body["triage"].(map[string]any)["vitals"].(map[string]any)["spo2"] = 140
	_, err := contracts.Decode(g.Headers, mustJSON(t, body))
	var se *contracts.SchemaError
	if !errors.As(err, &se) || se.Path() != "/triage/vitals/spo2" {
		t.Fatalf("want a violation at /triage/vitals/spo2, got %v", err)
	}
}

func goldenNamed(t *testing.T, name string) golden {
	t.Helper()
	for _, g := range loadGoldens(t) {
		if g.Name == name {
			return g
		}
	}
	t.Fatalf("no golden %s", name)
	return golden{}
}

func TestDecodeClassifiesEveryPoison(t *testing.T) {
	g := goldenNamed(t, "LabResultRecorded.v1")
	withHeader := func(k, v string) map[string]string {
		h := g.headersCopy()
		if v == "" {
			delete(h, k)
		} else {
			h[k] = v
		}
		return h
	}
	bodyWith := func(k string, v any) []byte {
		b := g.bodyMap(t)
		if v == nil {
			delete(b, k)
		} else {
			b[k] = v
		}
		return mustJSON(t, b)
	}
	cases := []struct {
		name    string
		headers map[string]string
		body    []byte
		kind    string
	}{
		{"bad_json", g.Headers, []byte(`{"patientId": "P-1001",`), contracts.KindMalformed},
		{"unknown_type", withHeader(contracts.HeaderType, "org.prontuario.lab.LabResultDeleted.v1"), g.Body, contracts.KindUnknownType},
		{"garbage_type", withHeader(contracts.HeaderType, "nonsense"), g.Body, contracts.KindUnknownType},
		{"unknown_version", withHeader(contracts.HeaderType, "org.prontuario.lab.LabResultRecorded.v9"), g.Body, contracts.KindUnknownVersion},
		{"schema_violation", g.Headers, bodyWith("orderedAt", "yesterday"), contracts.KindSchemaViolation},
		{"missing_subject", withHeader(contracts.HeaderSubject, ""), g.Body, contracts.KindMissingPatientID},
		{"missing_body_patient", g.Headers, bodyWith("patientId", nil), contracts.KindMissingPatientID},
		{"empty_body_patient", g.Headers, bodyWith("patientId", ""), contracts.KindMissingPatientID},
		{"subject_differs_from_body", withHeader(contracts.HeaderSubject, "P-9"), g.Body, contracts.KindMalformed},
		{"wrong_source", withHeader(contracts.HeaderSource, "prontuario/triage"), g.Body, contracts.KindMalformed},
		{"no_spec_version", withHeader(contracts.HeaderSpecVersion, ""), g.Body, contracts.KindMalformed},
		{"bad_time", withHeader(contracts.HeaderTime, "noon"), g.Body, contracts.KindMalformed},
		{"bad_aggregate_version", withHeader(contracts.HeaderAggregateVersion, "0"), g.Body, contracts.KindMalformed},
		{"oversized", g.Headers, []byte(`{"patientId":"P-1001","pad":"` + strings.Repeat("x", contracts.MaxBodyBytes) + `"}`), contracts.KindMalformed},
		{"not_an_object", g.Headers, []byte(`[1,2,3]`), contracts.KindSchemaViolation},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := contracts.Decode(c.headers, c.body)
			if err == nil {
				t.Fatal("accepted")
			}
			if got := contracts.ErrorKind(err); got != c.kind {
				t.Errorf("kind %q, want %q (%v)", got, c.kind, err)
			}
		})
	}
	if contracts.ErrorKind(errors.New("store down")) != "" {
		t.Error("a non-decoding error must have no kind")
	}
}
