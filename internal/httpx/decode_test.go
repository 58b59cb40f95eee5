package httpx_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/internal/httpx"
)

type vitals struct {
	HeartRate int `json:"heartRate"`
}

type triage struct {
	Acuity int      `json:"acuity"`
	Notes  string   `json:"notes"`
	Vitals vitals   `json:"vitals"`
	Tags   []string `json:"tags"`
}

func TestDecodeTurnsEveryBadBodyIntoAProblem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		body      string
		status    int
		field     string
		detailHas string
	}{
		{"empty_body_is_malformed", "  ", 400, "", "empty"},
		{"array_is_not_an_object", `[1,2]`, 400, "", "JSON object"},
		{"syntax_error_reports_line_and_column", "{\n  \"acuity\": 3,\n  \"notes\" \"x\"\n}", 400, "", "line 3, column 11"},
		{"truncated_body_is_malformed", `{"acuity": 3`, 400, "", "ends in the middle"},
		{"trailing_data_is_malformed", `{"acuity": 3} {"acuity": 4}`, 400, "", "after the JSON object"},
		{"wrong_type_names_the_field", `{"acuity": "three"}`, 422, "acuity", ""},
		{"wrong_nested_type_names_the_path", `{"vitals": {"heartRate": 80.5}}`, 422, "vitals.heartRate", ""},
		{"unknown_field_is_refused", `{"acuity": 3, "acuityy": 4}`, 422, "acuityy", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var v triage
			err := httpx.Decode([]byte(tc.body), &v)
			var p *httpx.Problem
			if !errors.As(err, &p) {
				t.Fatalf("Decode = %v, want a *Problem", err)
			}
			if p.Status != tc.status {
				t.Errorf("status = %d, want %d (%v)", p.Status, tc.status, p)
			}
			if tc.field != "" && (len(p.Errors) != 1 || p.Errors[0].Field != tc.field) {
				t.Errorf("errors = %+v, want one for field %q", p.Errors, tc.field)
			}
			if !strings.Contains(p.Detail, tc.detailHas) {
				t.Errorf("detail = %q, want it to mention %q", p.Detail, tc.detailHas)
			}
		})
	}
}

func TestDecodeAcceptsAWellFormedObject(t *testing.T) {
	t.Parallel()
	var v triage
	if err := httpx.Decode([]byte(`{"acuity": 2, "vitals": {"heartRate": 120}, "tags": ["a"]}`+"\n"), &v); err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if v.Acuity != 2 || v.Vitals.HeartRate != 120 || len(v.Tags) != 1 {
		t.Errorf("decoded %+v", v)
	}
}

func TestReadBodyRefusesBodiesOverTheLimit(t *testing.T) {
	t.Parallel()
	r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(strings.Repeat("x", httpx.MaxBodyBytes+1)))
	_, err := httpx.ReadBody(httptest.NewRecorder(), r)
	var p *httpx.Problem
	if !errors.As(err, &p) || p.Status != http.StatusRequestEntityTooLarge {
		t.Errorf("ReadBody = %v, want a 413 problem", err)
	}
}

func FuzzDecodeNeverPanicsAndAlwaysAnswersAProblem(f *testing.F) {
	for _, seed := range []string{`{}`, `{"acuity":3}`, `{"vitals":{"heartRate":"x"}}`, `[`, "", `{"tags":[1]}`, `{"a":1}garbage`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var v triage
		err := httpx.Decode(body, &v)
		var p *httpx.Problem
		if err != nil && (!errors.As(err, &p) || (p.Status != 400 && p.Status != 422)) {
			t.Errorf("Decode(%q) = %v, want nil or a 400/422 problem", body, err)
		}
	})
}
