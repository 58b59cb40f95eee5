package server_test

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/server"
)

func TestTamperedOrMisusedCursorsAreBadUserInput(t *testing.T) {
	t.Parallel()
	h := newHarness(t, server.Config{})
	const encounters = `query($id: ID!, $after: String) { patient(id: $id) { encounters(first: 5, after: $after) { pageInfo { endCursor } } } }`
	d := h.query(auth.Clinician, encounters, map[string]any{"id": "P-1003"}).ok(t).Data
	cursor, _ := at(d, "patient", "encounters", "pageInfo", "endCursor").(string)
	if cursor == "" {
		t.Fatal("no endCursor")
	}
	billingCursor, _ := at(h.query(auth.Billing, `{ billableItems(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", first: 1) { pageInfo { endCursor } } }`, nil).ok(t).Data,
		"billableItems", "pageInfo", "endCursor").(string)
	other := newHarness(t, server.Config{}) // another random cursor key

	cases := []struct {
		name   string
		h      *harness
		query  string
		vars   map[string]any
		cursor string
	}{
		{"flipped_character", h, encounters, map[string]any{"id": "P-1003"}, flip(cursor)},
		{"edited_key_with_the_old_signature", h, encounters, map[string]any{"id": "P-1003"}, editKey(t, cursor)},
		{"truncated", h, encounters, map[string]any{"id": "P-1003"}, cursor[:len(cursor)/2]},
		{"not_base64", h, encounters, map[string]any{"id": "P-1003"}, "%%%not-a-cursor%%%"},
		{"another_patients_query", h, encounters, map[string]any{"id": "P-1001"}, cursor},
		{"another_kind_of_connection", h, encounters, map[string]any{"id": "P-1003"}, billingCursor},
		{"another_servers_key", other, encounters, map[string]any{"id": "P-1003"}, cursor},
		{"too_long", h, encounters, map[string]any{"id": "P-1003"}, strings.Repeat("A", 5000)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			vars := map[string]any{"after": c.cursor}
			for k, v := range c.vars {
				vars[k] = v
			}
			r := c.h.query(auth.Clinician, c.query, vars)
			if len(r.Errors) != 1 || r.Errors[0].code() != "BAD_USER_INPUT" {
				t.Fatalf("errors %v, want BAD_USER_INPUT: %s", r.codes(), r.raw)
			}
			if e, ok := r.errorAt("patient.encounters"); !ok || !strings.Contains(e.Message, "cursor") {
				t.Errorf("error %+v, want one at patient.encounters about the cursor", r.Errors)
			}
		})
	}
}

// flip changes one character in the middle of a cursor.
func flip(c string) string {
	b := []byte(c)
	i := len(b) / 2
	if b[i] == 'A' {
		b[i] = 'B'
	} else {
		b[i] = 'A'
	}
	return string(b)
}

// editKey decodes a cursor, changes its key and re-encodes it, keeping the MAC.
func editKey(t *testing.T, c string) string {
	t.Helper()
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		t.Fatal(err)
	}
	var env map[string]any
	if err := json.Unmarshal(raw, &env); err != nil {
		t.Fatal(err)
	}
	key, ok := env["p"].(map[string]any)
	if !ok {
		t.Fatalf("cursor envelope without key: %s", raw)
	}
	key["id"] = "E-3999"
	b, err := json.Marshal(env)
	if err != nil {
		t.Fatal(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}
