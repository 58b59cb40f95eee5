package sqlitestore

import (
	"path/filepath"
	"testing"
)

// TestWriterIsDurable checks the settings Commit's durability rests on:
// WAL mode and synchronous FULL (2) by default, NORMAL (1) when asked.
func TestWriterIsDurable(t *testing.T) {
	for sync, want := range map[string]int{"": 2, "NORMAL": 1} {
		s, err := Open(t.Context(), Config{Path: filepath.Join(t.TempDir(), "history.db"), Synchronous: sync})
		if err != nil {
			t.Fatal(err)
		}
		var mode string
		var level int
		if err := s.conn.writer.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if err := s.conn.writer.QueryRow(`PRAGMA synchronous`).Scan(&level); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" || level != want {
			t.Errorf("Synchronous %q: journal_mode %s, synchronous %d; want wal, %d", sync, mode, level, want)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
