package ports_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/internal/obs/obstest"
)

// A command that fails unexpectedly is logged with its error, for the
// operators; the log must name the encounter, not the patient or the
// vital signs the request carried.
func TestAFailedCommandIsLoggedWithoutThePatientsData(t *testing.T) {
	t.Parallel()
	var logs obstest.Logs
	a := newLoggedAPI(t, logs.Logger())
	a.created(a.do("POST", "/v1/encounters", openBody))
	_ = a.db.Close() // the database goes away mid-shift
	vitals := strings.NewReplacer(`"heartRate":96`, `"heartRate":143`, `"systolic":142`, `"systolic":191`).Replace(triageBody)
	if rec := a.do("POST", "/v1/encounters/E-2001/triage", vitals); rec.Code != http.StatusInternalServerError {
		t.Fatalf("triage on a closed database: %d %s, want 500", rec.Code, rec.Body)
	}
	if !strings.Contains(logs.String(), "request failed") || !strings.Contains(logs.String(), "E-2001") {
		t.Errorf("the failure is not logged with its encounter id: %s", logs.String())
	}
	logs.CheckAbsent(t, "Maria", "Oliveira", "Chest", "143", "191")
}
