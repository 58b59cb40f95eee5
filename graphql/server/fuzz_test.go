package server_test

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prontuario/prontuario/graphql/internal/fakestore"
	"github.com/prontuario/prontuario/graphql/server"
)

// failingMethods are the store methods the fuzzer may make fail, picked by
// its input; "" fails none.
var failingMethods = []string{"", "Patient", "Patients", "Encounter", "EncountersOfPatients", "BillableItems",
	"AuditTrail", "Freshness", "EventApplied", "Load", "AppendAccessBatch", "AccessLog"}

// FuzzHandler sends random bodies, content types and tokens to the real
// handler, with one store method (picked by the input) failing: it must
// never panic, always answer JSON whose errors carry a code, and answer 5xx
// only with an INTERNAL error, which only a failing store may cause.
func FuzzHandler(f *testing.F) {
	seeds := []string{
		`{"query":"{ patient(id: \"P-1001\") { name encounters { edges { node { id status } } } } }"}`,
		`{"query":"query($n: Int, $a: String) { patients(first: $n, after: $a) { totalCount } }","variables":{"n":5,"a":"x"}}`,
		`{"query":"{ billableItems(from: \"2026-01-01T00:00:00Z\", to: \"2027-01-01T00:00:00Z\") { edges { cursor } } }"}`,
		`{"query":"{ auditTrail(patientId: \"P-1001\") { totalCount } accessLog { totalCount } pipelineStatus { checkedAt } }"}`,
		`{"query":"{ encounter(id: \"E-2002\") { completeness { missing } labOrders { results { value } } } }"}`,
		`{"query":"fragment F on Query { ...F } { ...F }"}`,
		`{"query":"{ __schema { types { name fields { name } } } }"}`,
		`{"query":"{ patients(first: 99999999999) { totalCount } }"}`,
		`{"query": 5}`, `null`, `[]`, `{"query":"{","variables":[]}`, "\x00\xff", ``,
	}
	for i, s := range seeds {
		f.Add(s, uint8(i), uint8(0))
		f.Add(s, uint8(i), uint8(1+i%(len(failingMethods)-1)))
	}
	store, _, err := fakestore.Seeded()
	if err != nil {
		f.Fatal(err)
	}
	h := newHandler(f, server.Config{RequestTimeout: 5 * time.Second, AwaitTimeout: time.Millisecond}, store, store, io.Discard)
	contentTypes := []string{"application/json", "application/graphql", "text/plain", "", "application/json; charset=utf-8"}
	tokens := []string{clinicianToken, billingToken, auditorToken, "", "wrong-token-0123456789"}
	// Fail is global to the store: one input at a time.
	var mu sync.Mutex
	f.Fuzz(func(t *testing.T, body string, pick, fail uint8) {
		mu.Lock()
		defer mu.Unlock()
		failing := failingMethods[int(fail)%len(failingMethods)]
		storeFails := failing != ""
		if storeFails {
			store.Fail(failing, errors.New("fuzz: store down"))
			defer store.Fail(failing, nil)
		}
		method := http.MethodPost
		target := "/graphql"
		if pick&0x80 != 0 {
			method, target = http.MethodGet, "/graphql?query="+url.QueryEscape(body)
		}
		req := httptest.NewRequest(method, target, strings.NewReader(body))
		req.Header.Set("Content-Type", contentTypes[int(pick)%len(contentTypes)])
		if tok := tokens[int(pick/8)%len(tokens)]; tok != "" {
			req.Header.Set("Authorization", "Bearer "+tok)
		}
		if pick&0x40 != 0 {
			req.Header.Set("X-Prontuario-Await-Event", body)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var resp struct {
			Errors []gqlError `json:"errors"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
			t.Fatalf("status %d, body not JSON: %v: %q", rec.Code, err, rec.Body.String())
		}
		internal := false
		for _, e := range resp.Errors {
			switch e.code() {
			case "UNAUTHENTICATED", "FORBIDDEN", "BAD_USER_INPUT", "NOT_FOUND", "QUERY_TOO_COMPLEX":
			case "INTERNAL":
				internal = true
			default:
				t.Fatalf("error without a known code: %+v", e)
			}
		}
		if rec.Code >= 500 && !internal {
			t.Fatalf("status %d without an INTERNAL error: %s", rec.Code, rec.Body.String())
		}
		if internal && !storeFails {
			t.Fatalf("INTERNAL error while the store works: %s", rec.Body.String())
		}
		if rec.Code >= 500 && strings.Contains(rec.Body.String(), "fuzz: store down") {
			t.Fatalf("the store's error leaked: %s", rec.Body.String())
		}
	})
}
