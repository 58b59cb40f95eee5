package readstore

import (
	"context"
	"fmt"

	"github.com/prontuario/prontuario/aggregator/store/mongostore"
	"github.com/prontuario/prontuario/aggregator/store/sqlitestore"
)

// BindActive returns a store bound to the generation of s active now (s
// itself when it is already bound); s must come from Open or
// OpenGeneration. See sqlitestore.Store.BindActive: a writer binds once per
// batch so that the batch's Load and Commit hit the same generation.
func BindActive(ctx context.Context, s Store) (Store, error) {
	switch st := s.(type) {
	case *sqlitestore.Store:
		g, err := st.BindActive(ctx)
		if err != nil {
			return nil, err
		}
		return g, nil
	case *mongostore.Store:
		g, err := st.BindActive(ctx)
		if err != nil {
			return nil, err
		}
		return g, nil
	}
	return nil, fmt.Errorf("store %T has no generations", s)
}
