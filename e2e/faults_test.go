package e2e

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/prontuario/prontuario/e2e/harness"
)

// acceptedByPatient reads the simulator's accepted commands, by patient.
func acceptedByPatient(t *testing.T, path string) map[string][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var a struct{ PatientID, EventID string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("accepted line %q: %v", sc.Text(), err)
		}
		if a.PatientID == "" {
			continue // the simulator's set-up of the formulary: no patient's event
		}
		out[a.PatientID] = append(out[a.PatientID], a.EventID)
	}
	return out
}

// lines counts the lines of a file that may not exist yet.
func lines(path string) int {
	raw, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	n := 0
	for _, b := range raw {
		if b == '\n' {
			n++
		}
	}
	return n
}

// startLoad runs the simulator in the background; wait returns its output.
// A positive duration keeps new journeys starting for that long (patients
// is then an upper bound); journeys under way always run to their end.
func startLoad(t *testing.T, h *harness.Hospital, patients int, duration time.Duration) (acceptedPath string, wait func() (string, error)) {
	acceptedPath = filepath.Join(t.TempDir(), "accepted.jsonl")
	sim := h.Simulator("-patients", itoa(patients), "-duration", duration.String(), "-rate", "40", "-concurrency", "4", "-quiet", "-accepted-out", acceptedPath)
	type result struct {
		out string
		err error
	}
	done := make(chan result, 1)
	go func() {
		out, err := sim.Run(t)
		done <- result{out, err}
	}()
	return acceptedPath, func() (string, error) { r := <-done; return r.out, r.err }
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestBrokerOutage: the broker is stopped under load; commands keep
// succeeding; after the restart everything arrives.
func TestBrokerOutage(t *testing.T) {
	h := newHospital(t, harness.Options{})
	// The load outlasts the outage: journeys keep starting until well after
	// the broker is back.
	path, wait := startLoad(t, h, outagePatients, brokerOutage+10*time.Second)
	harness.Eventually(t, 60*time.Second, "the first commands accepted", func() bool { return lines(path) > 10 })
	if !h.Broker.Stop() {
		t.Error("the broker did not stop by itself within 20 s of SIGTERM")
	}
	stoppedAt := lines(path)
	time.Sleep(brokerOutage) // the outage itself, not a wait for a condition
	if during := lines(path) - stoppedAt; during < 10 {
		t.Errorf("only %d commands succeeded during the %s broker outage", during, brokerOutage)
	}
	h.Broker.Start(t)
	out, err := wait()
	if err != nil {
		t.Fatalf("simulator: %v\n%s", err, out)
	}
	assertExactlyOnce(t, h, acceptedByPatient(t, path), 2*time.Minute)
	assertAcceptedValues(t, h, readAccepted(t, path))
}

// TestCrashes: a domain service is killed (SIGKILL) right after commands
// commit, and the aggregator at random moments, repeatedly, under load.
func TestCrashes(t *testing.T) {
	crashCycle(t, newHospital(t, harness.Options{}), crashPatients)
}

// crashCycle runs the crash cycles against h under the load of patients
// journeys, then checks the invariant.
func crashCycle(t *testing.T, h *harness.Hospital, patients int) {
	path, wait := startLoad(t, h, patients, 0)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	for cycle := 0; cycle < crashCycles; cycle++ {
		d := harness.Domains()[cycle%4]
		seen := lines(path)
		harness.Eventually(t, 60*time.Second, "more commands accepted", func() bool { return lines(path) > seen })
		h.Services[d].Kill()
		h.Services[d].Start(t)
		time.Sleep(time.Duration(rng.IntN(500)) * time.Millisecond) // a random moment
		h.Aggregator.Kill()
		h.Aggregator.Start(t)
	}
	if out, err := wait(); err != nil {
		// Journeys may fail while their service is down; the invariant
		// below covers every command that was accepted.
		t.Logf("simulator: %v\n%s", err, out)
	}
	assertExactlyOnce(t, h, acceptedByPatient(t, path), 2*time.Minute)
	assertAcceptedValues(t, h, readAccepted(t, path))
}
