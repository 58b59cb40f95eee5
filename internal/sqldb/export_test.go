package sqldb

import (
	"context"
	"errors"
	"sync"

	"github.com/jackc/pgx/v5"
)

// FailListenConnects makes db's next n LISTEN connections fail, and returns
// a channel closed when one first succeeds after them.
func FailListenConnects(db *DB, n int) <-chan struct{} {
	var mu sync.Mutex
	connected := make(chan struct{})
	real := db.listenConnect
	db.listenConnect = func(ctx context.Context, channel string) (*pgx.Conn, error) {
		mu.Lock()
		defer mu.Unlock()
		if n > 0 {
			n--
			return nil, errors.New("LISTEN refused (test)")
		}
		conn, err := real(ctx, channel)
		if err == nil && connected != nil {
			close(connected)
			connected = nil
		}
		return conn, err
	}
	return connected
}
