package adapters

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/prontuario/prontuario/domains/prescription/app"
	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
	"github.com/prontuario/prontuario/internal/sqldb"
)

// Statements that insert one catalog entry; onConflict completes them.
const (
	insertPrescriber = `INSERT INTO prescribers (id, name, specialty, license, active) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (id) `
	updatePrescriber = `DO UPDATE SET name = excluded.name, specialty = excluded.specialty,
		license = excluded.license, active = excluded.active`
	insertMedication = `INSERT INTO medications (code, name, class) VALUES (?, ?, ?) ON CONFLICT (code) `
	updateMedication = `DO UPDATE SET name = excluded.name, class = excluded.class`
	insertAuth       = `INSERT INTO authorizations (specialty_key, class_key, specialty, medication_class)
		VALUES (?, ?, ?, ?) ON CONFLICT (specialty_key, class_key) `
	updateAuth = `DO UPDATE SET specialty = excluded.specialty, medication_class = excluded.medication_class`
	doNothing  = `DO NOTHING`
)

func prescriberArgs(p prescription.Prescriber) []any {
	return []any{p.ID(), p.Name(), p.Specialty(), p.License(), p.Active()}
}

func medicationArgs(m prescription.Medication) []any { return []any{m.Code(), m.Name(), m.Class()} }

func authArgs(a prescription.Authorization) []any {
	return []any{prescription.Fold(a.Specialty()), prescription.Fold(a.MedicationClass()), a.Specialty(), a.MedicationClass()}
}

// SavePrescriber inserts or replaces the prescriber with p's id.
func (s *Store) SavePrescriber(ctx context.Context, p prescription.Prescriber) (bool, error) {
	return s.upsert(ctx, `SELECT 1 FROM prescribers WHERE id = ?`, []any{p.ID()}, insertPrescriber+updatePrescriber, prescriberArgs(p))
}

// SaveMedication inserts or replaces the medication with m's code.
func (s *Store) SaveMedication(ctx context.Context, m prescription.Medication) (bool, error) {
	return s.upsert(ctx, `SELECT 1 FROM medications WHERE code = ?`, []any{m.Code()}, insertMedication+updateMedication, medicationArgs(m))
}

// SaveAuthorization inserts or replaces the authorization with a's key.
func (s *Store) SaveAuthorization(ctx context.Context, a prescription.Authorization) (bool, error) {
	key := authArgs(a)[:2]
	return s.upsert(ctx, `SELECT 1 FROM authorizations WHERE specialty_key = ? AND class_key = ?`, key, insertAuth+updateAuth, authArgs(a))
}

// upsert runs exists and then upsert in one transaction, reporting whether
// the row was new.
func (s *Store) upsert(ctx context.Context, exists string, keyArgs []any, upsert string, args []any) (created bool, err error) {
	err = s.db.InTx(ctx, func(tx *sqldb.Tx) error {
		var one int
		switch err := tx.QueryRowContext(ctx, exists, keyArgs...).Scan(&one); {
		case errors.Is(err, sql.ErrNoRows):
			created = true
		case err != nil:
			return err
		}
		_, err := tx.ExecContext(ctx, upsert, args...)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("save catalog entry %v: %w", keyArgs, err)
	}
	return created, nil
}

// SeedCatalog inserts the entries of c whose keys are absent, in one
// transaction.
func (s *Store) SeedCatalog(ctx context.Context, c app.Catalog) error {
	return s.db.InTx(ctx, func(tx *sqldb.Tx) error {
		for _, p := range c.Prescribers {
			if _, err := tx.ExecContext(ctx, insertPrescriber+doNothing, prescriberArgs(p)...); err != nil {
				return fmt.Errorf("seed prescriber %s: %w", p.ID(), err)
			}
		}
		for _, m := range c.Medications {
			if _, err := tx.ExecContext(ctx, insertMedication+doNothing, medicationArgs(m)...); err != nil {
				return fmt.Errorf("seed medication %s: %w", m.Code(), err)
			}
		}
		for _, a := range c.Authorizations {
			if _, err := tx.ExecContext(ctx, insertAuth+doNothing, authArgs(a)...); err != nil {
				return fmt.Errorf("seed authorization %s/%s: %w", a.Specialty(), a.MedicationClass(), err)
			}
		}
		return nil
	})
}
