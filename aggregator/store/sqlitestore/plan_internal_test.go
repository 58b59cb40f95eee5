package sqlitestore

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestEncounterReadsUseIndexes checks, with SQLite's query plans, that
// reading one encounter looks up that one row by id and that paging a
// patient's encounters walks the (patient, sort time) index in order:
// neither scans the table nor sorts, however long the history.
func TestEncounterReadsUseIndexes(t *testing.T) {
	s, err := Open(t.Context(), Config{Path: filepath.Join(t.TempDir(), "history.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	enc := tablesOf("1").encounters
	for name, query := range map[string]string{
		"one encounter":   `SELECT doc FROM ` + enc + ` WHERE id = ?`,
		"encounters page": `SELECT doc FROM ` + enc + ` WHERE patient_id = ? AND (sort_time, id) < (?, ?) ORDER BY sort_time DESC, id DESC LIMIT 100`,
	} {
		rows, err := s.conn.reader.QueryContext(t.Context(), `EXPLAIN QUERY PLAN `+query, "P-1", "k", "E-1")
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		all := strings.Join(plan, "; ")
		if !strings.Contains(all, "SEARCH") || strings.Contains(all, "SCAN") || strings.Contains(all, "TEMP B-TREE") {
			t.Errorf("%s: query plan %q, want an index search without scan or sort", name, all)
		}
	}
}
