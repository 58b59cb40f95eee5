package mongotest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"testing"
	"time"
)

const dropTimeout = 30 * time.Second

// NewDatabaseName returns a database name no other test uses ("t_", the test
// name and a random suffix, legal for MongoDB and FerretDB) and drops that
// database when the test ends. The database itself is created by the first
// write, as MongoDB does.
func (s *Server) NewDatabaseName(t testing.TB) string {
	t.Helper()
	var suffix [4]byte
	if _, err := rand.Read(suffix[:]); err != nil {
		t.Fatalf("mongotest: random name: %v", err)
	}
	name := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' {
			return r
		}
		return '_'
	}, t.Name())
	const maxName = 63 - len("t_") - len("_") - 2*len(suffix)
	if len(name) > maxName {
		name = name[:maxName]
	}
	name = "t_" + name + "_" + hex.EncodeToString(suffix[:])

	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), dropTimeout)
		defer cancel()
		if err := s.admin.Database(name).Drop(ctx); err != nil {
			t.Errorf("mongotest: drop database %s: %v", name, err)
		}
	})
	return name
}
