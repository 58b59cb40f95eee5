package sqldb_test

import (
	"testing"

	"github.com/prontuario/prontuario/internal/sqldb"
)

func TestRebind(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, postgres string
	}{
		{"no_placeholders", "SELECT 1", "SELECT 1"},
		{"numbers_placeholders_in_order", "INSERT INTO t (a, b) VALUES (?, ?)", "INSERT INTO t (a, b) VALUES ($1, $2)"},
		{"leaves_string_literals_alone", "SELECT '?', a FROM t WHERE b = ?", "SELECT '?', a FROM t WHERE b = $1"},
		{"leaves_quoted_identifiers_alone", `SELECT "a?" FROM t WHERE b = ?`, `SELECT "a?" FROM t WHERE b = $1`},
		{"leaves_comments_alone", "SELECT a -- why?\nFROM t WHERE b = ?", "SELECT a -- why?\nFROM t WHERE b = $1"},
		{"unterminated_literal_is_copied", "SELECT ? WHERE a = 'x?", "SELECT $1 WHERE a = 'x?"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := sqldb.Postgres.Rebind(tc.in); got != tc.postgres {
				t.Errorf("Postgres.Rebind(%q) = %q, want %q", tc.in, got, tc.postgres)
			}
			if got := sqldb.SQLite.Rebind(tc.in); got != tc.in {
				t.Errorf("SQLite.Rebind(%q) = %q, want it unchanged", tc.in, got)
			}
		})
	}
}

func TestPlaceholders(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]string{0: "", 1: "?", 3: "?, ?, ?"} {
		if got := sqldb.Placeholders(n); got != want {
			t.Errorf("Placeholders(%d) = %q, want %q", n, got, want)
		}
	}
}
