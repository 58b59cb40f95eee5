package server_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/server"
)

func TestErrorCodesAndStatuses(t *testing.T) {
	t.Parallel()
	const gqlResponse = "application/graphql-response+json"
	cases := []struct {
		name        string
		token       string
		contentType string
		body        string
		opts        []reqOpt
		status      int
		code        string
	}{
		{name: "no_token", body: `{"query":"{ pipelineStatus { checkedAt } }"}`, status: 401, code: "UNAUTHENTICATED"},
		{name: "unknown_token", token: "not-a-known-token-at-all", body: `{"query":"{ pipelineStatus { checkedAt } }"}`, status: 401, code: "UNAUTHENTICATED"},
		{name: "malformed_json", token: clinicianToken, body: `{"query": `, status: 400, code: "BAD_USER_INPUT"},
		{name: "json_array_body", token: clinicianToken, body: `[1,2]`, status: 400, code: "BAD_USER_INPUT"},
		{name: "empty_query", token: clinicianToken, body: `{"query": ""}`, status: 400, code: "BAD_USER_INPUT"},
		{name: "unsupported_content_type", token: clinicianToken, contentType: "text/plain", body: `{ pipelineStatus { checkedAt } }`, status: 415, code: "BAD_USER_INPUT"},
		{name: "syntax_error_as_json", token: clinicianToken, body: `{"query":"{ patient(id: "}`, status: 200, code: "BAD_USER_INPUT"},
		{name: "syntax_error_as_graphql_response", token: clinicianToken, body: `{"query":"{ patient(id: "}`,
			opts: []reqOpt{withHeader("Accept", gqlResponse)}, status: 400, code: "BAD_USER_INPUT"},
		{name: "unknown_field", token: clinicianToken, body: `{"query":"{ patient(id: \"P-1001\") { ssn } }"}`, status: 200, code: "BAD_USER_INPUT"},
		{name: "invalid_date_time", token: clinicianToken, body: `{"query":"{ billableItems(from: \"yesterday\", to: \"2026-01-01T00:00:00Z\") { totalCount } }"}`, status: 200, code: "BAD_USER_INPUT"},
		{name: "variable_of_wrong_type", token: clinicianToken, body: `{"query":"query($n: Int) { patients(first: $n) { totalCount } }","variables":{"n":"many"}}`, status: 200, code: "BAD_USER_INPUT"},
		{name: "missing_required_variable", token: clinicianToken, body: `{"query":"query($id: ID!) { patient(id: $id) { id } }"}`, status: 200, code: "BAD_USER_INPUT"},
		{name: "first_above_the_cap", token: clinicianToken, body: `{"query":"{ patients(first: 101) { totalCount } }"}`, status: 200, code: "BAD_USER_INPUT"},
		{name: "first_below_one", token: clinicianToken, body: `{"query":"{ patients(first: 0) { totalCount } }"}`, status: 200, code: "BAD_USER_INPUT"},
		{name: "garbage_cursor", token: clinicianToken, body: `{"query":"{ patients(after: \"garbage\") { totalCount } }"}`, status: 200, code: "BAD_USER_INPUT"},
		{name: "empty_period", token: billingToken, body: `{"query":"{ billableItems(from: \"2026-03-02T00:00:00Z\", to: \"2026-03-02T00:00:00Z\") { totalCount } }"}`, status: 200, code: "BAD_USER_INPUT"},
		{name: "blank_id", token: clinicianToken, body: `{"query":"{ patient(id: \"  \") { id } }"}`, status: 200, code: "BAD_USER_INPUT"},
		{name: "name_without_letters", token: clinicianToken, body: `{"query":"{ patients(name: \"!!!\") { totalCount } }"}`, status: 200, code: "BAD_USER_INPUT"},
		{name: "unknown_patient_audit_trail", token: auditorToken, body: `{"query":"{ auditTrail(patientId: \"P-404\") { totalCount } }"}`, status: 200, code: "NOT_FOUND"},
		{name: "audit_trail_as_clinician", token: clinicianToken, body: `{"query":"{ auditTrail(patientId: \"P-1001\") { totalCount } }"}`, status: 200, code: "FORBIDDEN"},
		{name: "awaiting_an_empty_event_id", token: clinicianToken, body: `{"query":"{ pipelineStatus { checkedAt } }"}`,
			opts: []reqOpt{withHeader("X-Prontuario-Await-Event", "a,,b")}, status: 400, code: "BAD_USER_INPUT"},
		// graphql-go v0.8.1 overflows its stack validating a fragment cycle, and
		// panics on a variable without a type: both are caught before.
		{name: "fragment_cycle", token: clinicianToken, body: `{"query":"fragment F on Query { ...F } { ...F }"}`, status: 200, code: "BAD_USER_INPUT"},
		{name: "variable_without_type", token: clinicianToken, body: `{"query":"query($A:) { pipelineStatus { checkedAt } }"}`, status: 200, code: "BAD_USER_INPUT"},
		{name: "brackets_nested_too_deep", token: clinicianToken, body: `{"query":"` + strings.Repeat("{", 100000) + `"}`, status: 200, code: "QUERY_TOO_COMPLEX"},
		{name: "body_too_large", token: clinicianToken, body: `{"query":"` + strings.Repeat(" ", 2<<20) + `{ pipelineStatus { checkedAt } }"}`, status: 413, code: "BAD_USER_INPUT"},
	}
	h := newHarness(t, server.Config{})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			ct := c.contentType
			if ct == "" {
				ct = "application/json"
			}
			r := h.post(c.token, ct, c.body, c.opts...)
			if r.status != c.status {
				t.Errorf("status %d, want %d: %s", r.status, c.status, r.raw)
			}
			if len(r.Errors) == 0 || r.Errors[0].code() != c.code {
				t.Errorf("codes %v, want %s: %s", r.codes(), c.code, r.raw)
			}
			if c.status == 401 && !strings.HasPrefix(r.header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("401 without WWW-Authenticate: Bearer")
			}
		})
	}
}

func TestMethodsOtherThanGetAndPostAreRejected(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{})
	req, err := http.NewRequest(http.MethodPut, h.url, strings.NewReader(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+clinicianToken)
	r := h.do(req)
	if r.status != http.StatusMethodNotAllowed || r.header.Get("Allow") != "GET, POST" {
		t.Errorf("PUT: status %d Allow %q, want 405 with Allow: GET, POST", r.status, r.header.Get("Allow"))
	}
}

func TestGetRunsQueriesFromTheQueryString(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{})
	req, err := http.NewRequest(http.MethodGet, h.url+`?query=query($id:ID!){patient(id:$id){name}}&variables={"id":"P-1001"}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+clinicianToken)
	req.Header.Set("Accept", "application/graphql-response+json")
	r := h.do(req).ok(t)
	if got := at(r.Data, "patient", "name"); got != "Maria Oliveira" {
		t.Errorf("GET patient name = %v", got)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/graphql-response+json") {
		t.Errorf("Content-Type %q, want application/graphql-response+json", ct)
	}
}

func TestStoreFailuresAreInternalWithoutDetail(t *testing.T) {
	t.Parallel()
	const secret = "sqlite: disk I/O error at /var/lib/prontuario/readmodel.db"
	cases := []struct {
		name, method, query string
		status              int
	}{
		// A nullable root field fails alone: data is {"patient": null}, status 200.
		{"nullable_root", "Patient", `{ patient(id: "P-1001") { id } }`, 200},
		// A non-null root field takes data down with it: status 500.
		{"non_null_root", "Patients", `{ patients { totalCount } }`, 500},
		{"nested_page", "EncountersOfPatients", `{ patient(id: "P-1001") { encounters { totalCount } } }`, 200},
		{"freshness", "Freshness", `{ pipelineStatus { checkedAt } }`, 500},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, server.Config{})
			h.store.Fail(c.method, errors.New(secret))
			r := h.query(auth.Clinician, c.query, nil)
			if r.status != c.status {
				t.Errorf("status %d, want %d", r.status, c.status)
			}
			if len(r.Errors) != 1 || r.Errors[0].code() != "INTERNAL" {
				t.Fatalf("errors %v, want one INTERNAL", r.Errors)
			}
			if strings.Contains(r.raw, "sqlite") || strings.Contains(r.raw, "/var/lib") {
				t.Errorf("response leaks the internal error: %s", r.raw)
			}
			if !strings.Contains(h.logs.String(), secret) {
				t.Errorf("the server log lacks the detail of the failure: %s", h.logs.String())
			}
		})
	}
}
