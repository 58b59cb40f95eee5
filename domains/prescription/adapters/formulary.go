package adapters

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/prontuario/prontuario/domains/prescription/domain/prescription"
	"github.com/prontuario/prontuario/internal/sqldb"
)

// Formulary loads the prescriber, the named medications that exist and the
// authorizations of the prescriber's specialty.
func (s *Store) Formulary(ctx context.Context, prescriberID string, codes []string) (prescription.Formulary, error) {
	var (
		name, specialty, license string
		active                   bool
		prescriber               *prescription.Prescriber
		auths                    []prescription.Authorization
	)
	err := s.db.QueryRowContext(ctx, `SELECT name, specialty, license, active FROM prescribers WHERE id = ?`, prescriberID).
		Scan(&name, &specialty, &license, &active)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return prescription.Formulary{}, fmt.Errorf("load prescriber %s: %w", prescriberID, err)
	default:
		p, err := prescription.NewPrescriber(prescriberID, name, specialty, license, active)
		if err != nil {
			return prescription.Formulary{}, fmt.Errorf("stored prescriber %s: %w", prescriberID, err)
		}
		prescriber = &p
		if auths, err = s.authorizations(ctx, specialty); err != nil {
			return prescription.Formulary{}, err
		}
	}
	meds, err := s.medications(ctx, codes)
	if err != nil {
		return prescription.Formulary{}, err
	}
	return prescription.NewFormulary(prescriber, meds, auths), nil
}

func (s *Store) authorizations(ctx context.Context, specialty string) ([]prescription.Authorization, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT specialty, medication_class FROM authorizations WHERE specialty_key = ?`, prescription.Fold(specialty))
	if err != nil {
		return nil, fmt.Errorf("load authorizations of %s: %w", specialty, err)
	}
	defer rows.Close()
	var out []prescription.Authorization
	for rows.Next() {
		var sp, class string
		if err := rows.Scan(&sp, &class); err != nil {
			return nil, fmt.Errorf("load authorizations of %s: %w", specialty, err)
		}
		a, err := prescription.NewAuthorization(sp, class)
		if err != nil {
			return nil, fmt.Errorf("stored authorization %s/%s: %w", sp, class, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func (s *Store) medications(ctx context.Context, codes []string) ([]prescription.Medication, error) {
	codes = slices.Compact(slices.Sorted(slices.Values(codes)))
	if len(codes) == 0 {
		return nil, nil
	}
	args := make([]any, len(codes))
	for i, c := range codes {
		args[i] = c
	}
	rows, err := s.db.QueryContext(ctx, `SELECT code, name, class FROM medications WHERE code IN (`+sqldb.Placeholders(len(codes))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("load medications: %w", err)
	}
	defer rows.Close()
	var out []prescription.Medication
	for rows.Next() {
		var code, name, class string
		if err := rows.Scan(&code, &name, &class); err != nil {
			return nil, fmt.Errorf("load medications: %w", err)
		}
		m, err := prescription.NewMedication(code, name, class)
		if err != nil {
			return nil, fmt.Errorf("stored medication %s: %w", code, err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
