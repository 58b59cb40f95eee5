package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

const ddlTimeout = 30 * time.Second

// NewDatabase creates an empty database named after the test, returns its
// DSN (postgres://postgres@127.0.0.1:PORT/NAME?sslmode=disable) and drops it
// when the test ends, closing any connection still open to it. Close your
// pools in a t.Cleanup registered after this call, or before the test ends.
func (c *Cluster) NewDatabase(t testing.TB) string {
	t.Helper()
	name := databaseName(t)
	ctx, cancel := context.WithTimeout(context.Background(), ddlTimeout)
	defer cancel()
	ident := pgx.Identifier{name}.Sanitize()
	if _, err := c.admin.Exec(ctx, "CREATE DATABASE "+ident); err != nil {
		t.Fatalf("pgtest: create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), ddlTimeout)
		defer cancel()
		drop := "DROP DATABASE IF EXISTS " + ident
		if c.version >= 130000 {
			drop += " WITH (FORCE)"
		}
		if _, err := c.admin.Exec(ctx, drop); err != nil {
			t.Errorf("pgtest: drop database %s: %v", name, err)
		}
	})
	return c.DSN(name)
}

// databaseName is "t_", the lowercased test name and a random suffix, within
// PostgreSQL's 63-byte identifier limit.
func databaseName(t testing.TB) string {
	var suffix [4]byte
	if _, err := rand.Read(suffix[:]); err != nil {
		t.Fatalf("pgtest: random name: %v", err)
	}
	name := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r - 'A' + 'a'
		default:
			return '_'
		}
	}, t.Name())
	const maxName = 63 - len("t_") - len("_") - 2*len(suffix)
	if len(name) > maxName {
		name = name[:maxName]
	}
	return "t_" + name + "_" + hex.EncodeToString(suffix[:])
}
