package server_test

import (
	"fmt"
	"testing"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/internal/fakestore"
	"github.com/prontuario/prontuario/graphql/server"
)

// crowdHarness serves n patients of two encounters each.
func crowdHarness(t *testing.T, n int) *harness {
	t.Helper()
	store, err := fakestore.Crowd(n)
	if err != nil {
		t.Fatal(err)
	}
	return newHarnessOn(t, server.Config{}, store, nil)
}

func TestAPageOfPatientsReadsTheirEncountersInOneStoreCall(t *testing.T) {
	t.Parallel()
	h := crowdHarness(t, 100)
	d := h.query(auth.Clinician, `{ patients(first: 100) { edges { node { id
		encounters(first: 5) { totalCount edges { node { id patientId } } } } } } }`, nil).ok(t).Data
	edges := list(t, d, "patients", "edges")
	if len(edges) != 100 {
		t.Fatalf("%d patients, want 100", len(edges))
	}
	for i, e := range edges {
		pid := fmt.Sprintf("P-5%03d", i)
		encs := list(t, e.(map[string]any)["node"], "encounters", "edges")
		if at(e, "node", "id") != pid || len(encs) != 2 || at(e, "node", "encounters", "totalCount") != 2.0 {
			t.Fatalf("patient %d = %s, want %s with its 2 encounters", i, jsonString(e), pid)
		}
		for j, enc := range encs {
			if want := fmt.Sprintf("E-5%03d-%d", i, 1-j); at(enc, "node", "id") != want || at(enc, "node", "patientId") != pid {
				t.Errorf("patient %s encounter %d = %s, want %s (newest first)", pid, j, jsonString(enc), want)
			}
		}
	}
	reads := map[string]int{"Patients": 1, "EncountersOfPatients": 1, "Encounters": 0, "Patient": 0}
	for method, want := range reads {
		if got := h.store.Calls(method); got != want {
			t.Errorf("%s called %d times, want %d", method, got, want)
		}
	}
	if got, want := h.store.TotalCalls(), 3; got != want { // + one access log append
		t.Errorf("%d store calls for one page of patients with their encounters, want %d", got, want)
	}
}

func TestEachDistinctEncountersSelectionIsOneStoreCall(t *testing.T) {
	t.Parallel()
	h := crowdHarness(t, 30)
	d := h.query(auth.Clinician, `{ patients(first: 30) { edges { node {
		newest: encounters(first: 1) { edges { node { id } } }
		all: encounters { totalCount }
		again: encounters(first: 1) { edges { node { id } } } } } } }`, nil).ok(t).Data
	edges := list(t, d, "patients", "edges")
	if len(edges) != 30 {
		t.Fatalf("%d patients, want 30", len(edges))
	}
	if got := at(edges[7], "node", "all", "totalCount"); got != 2.0 {
		t.Errorf("all.totalCount %v, want 2", got)
	}
	if a, b := jsonString(at(edges[7], "node", "newest")), jsonString(at(edges[7], "node", "again")); a != b {
		t.Errorf("newest %s and again %s differ", a, b)
	}
	// Two distinct sets of arguments: two batch reads, for 30 patients.
	if got := h.store.Calls("EncountersOfPatients"); got != 2 {
		t.Errorf("EncountersOfPatients called %d times, want 2", got)
	}
}

func TestTheReadsOfARequestAreLoggedInOneAppend(t *testing.T) {
	t.Parallel()
	h := crowdHarness(t, 40)
	h.query(auth.Clinician, `{ patients(first: 40) { edges { node { id } } }
		one: patient(id: "P-5001") { id } two: patient(id: "P-5002") { id } nobody: patient(id: "P-9999") { id } }`, nil).ok(t)
	if n := h.store.Calls("AppendAccessBatch"); n != 1 {
		t.Errorf("%d access log appends for one request, want 1", n)
	}
	entries := h.store.Accesses()
	if len(entries) != 40+3 {
		t.Fatalf("%d access log entries, want one per patient of the page and one per patient read: %+v", len(entries), entries)
	}
	perField := map[string]int{}
	for _, e := range entries {
		perField[e.RootField]++
	}
	if perField["patients"] != 40 || perField["patient"] != 3 {
		t.Errorf("entries per root field %v, want 40 patients and 3 patient", perField)
	}
	// A request that reads no patient data writes nothing.
	h.query(auth.Clinician, `{ pipelineStatus { checkedAt } }`, nil).ok(t)
	if n := h.store.Calls("AppendAccessBatch"); n != 1 {
		t.Errorf("%d access log appends after a pipelineStatus read, want still 1", n)
	}
}
