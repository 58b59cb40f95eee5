package contracts_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/contracts"
)

// golden is one example event as it travels on Kafka.
type golden struct {
	Name    string
	Headers map[string]string `json:"headers"`
	Body    json.RawMessage   `json:"body"`
}

func loadGoldens(t *testing.T) []golden {
	t.Helper()
	files, err := filepath.Glob("testdata/golden/*.json")
	if err != nil {
		t.Fatal(err)
	}
	var out []golden
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g golden
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		g.Name = strings.TrimSuffix(filepath.Base(f), ".json")
		out = append(out, g)
	}
	if len(out) != len(contracts.Registered()) {
		t.Fatalf("%d golden events for %d registered types", len(out), len(contracts.Registered()))
	}
	return out
}

// bodyMap returns a mutable copy of the golden body.
func (g golden) bodyMap(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(g.Body, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// headersCopy returns a mutable copy of the golden headers.
func (g golden) headersCopy() map[string]string {
	h := make(map[string]string, len(g.Headers))
	for k, v := range g.Headers {
		h[k] = v
	}
	return h
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
