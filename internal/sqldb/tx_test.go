package sqldb_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/prontuario/prontuario/internal/sqldb"
)

func TestInTxCommitsOnNilAndRollsBackOnError(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, url string) {
		db := open(t, url)
		exec(t, db, "CREATE TABLE t (a INTEGER)")
		committed := false
		err := db.InTx(t.Context(), func(tx *sqldb.Tx) error {
			exec(t, tx, "INSERT INTO t (a) VALUES (?)", 1)
			tx.AfterCommit(func() { committed = true })
			return nil
		})
		if err != nil || !committed {
			t.Fatalf("InTx = %v, after-commit ran = %v; want nil, true", err, committed)
		}

		boom := errors.New("boom")
		rolledBackRan := false
		err = db.InTx(t.Context(), func(tx *sqldb.Tx) error {
			exec(t, tx, "INSERT INTO t (a) VALUES (?)", 2)
			tx.AfterCommit(func() { rolledBackRan = true })
			return fmt.Errorf("step: %w", boom)
		})
		if !errors.Is(err, boom) {
			t.Errorf("InTx = %v, want the function's error", err)
		}
		if rolledBackRan {
			t.Error("after-commit function ran for a rolled-back transaction")
		}
		if n := count(t, db, "t"); n != 1 {
			t.Errorf("rows = %d, want 1 (the failed transaction's row must be gone)", n)
		}
	})
}

func TestInTxRollsBackWhenTheFunctionPanics(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, url string) {
		db := open(t, url)
		exec(t, db, "CREATE TABLE t (a INTEGER)")
		func() {
			defer func() {
				if recover() == nil {
					t.Error("panic was swallowed")
				}
			}()
			_ = db.InTx(t.Context(), func(tx *sqldb.Tx) error {
				exec(t, tx, "INSERT INTO t (a) VALUES (1)")
				panic("boom")
			})
		}()
		if n := count(t, db, "t"); n != 0 {
			t.Errorf("rows = %d after a panicking transaction, want 0", n)
		}
		// The database is still usable (on SQLite the write lock was released).
		if err := db.InTx(t.Context(), func(tx *sqldb.Tx) error { return nil }); err != nil {
			t.Errorf("InTx after panic: %v", err)
		}
	})
}

func TestConcurrentReadModifyWriteTransactionsLoseNothing(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, url string) {
		db := open(t, url)
		exec(t, db, "CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
		exec(t, db, "INSERT INTO counter (id, n) VALUES (1, 0)")
		const writers, each = 8, 10
		var wg sync.WaitGroup
		errs := make(chan error, writers*each)
		for range writers {
			wg.Go(func() {
				for range each {
					errs <- db.InTx(t.Context(), func(tx *sqldb.Tx) error {
						var n int
						if err := tx.QueryRowContext(t.Context(), "SELECT n FROM counter WHERE id = 1"+tx.Dialect().ForUpdate()).Scan(&n); err != nil {
							return err
						}
						_, err := tx.ExecContext(t.Context(), "UPDATE counter SET n = ? WHERE id = 1", n+1)
						return err
					})
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("transaction failed: %v", err)
			}
		}
		var n int
		if err := db.QueryRowContext(t.Context(), "SELECT n FROM counter WHERE id = 1").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != writers*each {
			t.Errorf("counter = %d, want %d", n, writers*each)
		}
	})
}

func TestIsUniqueViolation(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, url string) {
		db := open(t, url)
		exec(t, db, "CREATE TABLE t (id TEXT PRIMARY KEY, email TEXT UNIQUE, n INTEGER NOT NULL)")
		exec(t, db, "INSERT INTO t (id, email, n) VALUES ('a', 'a@x', 1)")
		_, pk := db.ExecContext(t.Context(), "INSERT INTO t (id, email, n) VALUES ('a', 'b@x', 1)")
		_, uniq := db.ExecContext(t.Context(), "INSERT INTO t (id, email, n) VALUES ('b', 'a@x', 1)")
		_, notNull := db.ExecContext(t.Context(), "INSERT INTO t (id, email) VALUES ('c', 'c@x')")
		for name, err := range map[string]error{"primary key": pk, "unique": uniq} {
			if !sqldb.IsUniqueViolation(fmt.Errorf("wrapped: %w", err)) {
				t.Errorf("%s violation %v: IsUniqueViolation = false", name, err)
			}
		}
		if notNull == nil || sqldb.IsUniqueViolation(notNull) {
			t.Errorf("not-null violation %v: want an error that is not a unique violation", notNull)
		}
		if sqldb.IsUniqueViolation(errors.New("other")) || sqldb.IsUniqueViolation(nil) {
			t.Error("IsUniqueViolation is true for an unrelated error")
		}
	})
}
