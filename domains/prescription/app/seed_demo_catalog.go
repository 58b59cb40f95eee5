package app

import (
	"context"
	"fmt"
)

// SeedDemoCatalog adds the DemoCatalog entries that are missing, so that a
// fresh service can prescribe at once. It is idempotent and never undoes an
// admin's change to an entry (a deactivated demo prescriber stays inactive).
func SeedDemoCatalog(ctx context.Context, seeder CatalogSeeder) error {
	c, err := DemoCatalog()
	if err != nil {
		return err
	}
	if err := seeder.SeedCatalog(ctx, c); err != nil {
		return fmt.Errorf("seed demo catalog: %w", err)
	}
	return nil
}
