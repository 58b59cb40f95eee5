package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/prontuario/prontuario/aggregator/store/readstore"
	"github.com/prontuario/prontuario/graphql/cursor"
	"github.com/prontuario/prontuario/graphql/server"
)

// config is the process configuration, from the environment:
//
//	PRONTUARIO_GRAPHQL_ADDR            listen address, default ":8080"
//	PRONTUARIO_READSTORE               sqlite (default) or mongodb
//	PRONTUARIO_READSTORE_PATH          SQLite file, default ".prontuario/readmodel.db"
//	PRONTUARIO_MONGODB_URI             MongoDB connection string (mongodb)
//	PRONTUARIO_MONGODB_DATABASE        MongoDB database, default "prontuario"
//	PRONTUARIO_AUTH_TOKENS             "token=role[:subject],..." (auditor, billing, clinician)
//	PRONTUARIO_AUTH_TOKENS_FILE        or a file of such entries, one per line
//	PRONTUARIO_AUTH_DEV_TOKENS         "true": without tokens, make one per role and print them
//	PRONTUARIO_CURSOR_KEY              at least 32 characters signing cursors; when unset, a
//	                                   random key: cursors then do not survive a restart
//	PRONTUARIO_GRAPHQL_AWAIT_TIMEOUT   read-your-writes bound, default 5s
//	PRONTUARIO_GRAPHQL_MAX_DEPTH       query depth limit, default 12
//	PRONTUARIO_GRAPHQL_MAX_NODES       worst-case objects per query, default 5000
type config struct {
	Addr      string
	Store     readstore.Config
	DevTokens bool
	// CursorKey is nil when cursors use a random key.
	CursorKey []byte
	Server    server.Config
}

// configFromEnv reads and validates the configuration, reporting every
// problem at once. Tokens are read by auth.FromEnv.
func configFromEnv(getenv func(string) string) (config, error) {
	c := config{Addr: getenv("PRONTUARIO_GRAPHQL_ADDR"), Store: readstore.FromEnv(getenv)}
	if c.Addr == "" {
		c.Addr = ":8080"
	}
	var errs []error
	if err := c.Store.Validate(); err != nil {
		errs = append(errs, err)
	}
	if v := getenv("PRONTUARIO_AUTH_DEV_TOKENS"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("PRONTUARIO_AUTH_DEV_TOKENS %q: want true or false", v))
		}
		c.DevTokens = b
	}
	if key := getenv("PRONTUARIO_CURSOR_KEY"); key != "" {
		if len(key) < cursor.MinKeyLength {
			errs = append(errs, fmt.Errorf("PRONTUARIO_CURSOR_KEY has %d characters, want at least %d", len(key), cursor.MinKeyLength))
		}
		c.CursorKey = []byte(key)
	}
	if v := getenv("PRONTUARIO_GRAPHQL_AWAIT_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			errs = append(errs, fmt.Errorf("PRONTUARIO_GRAPHQL_AWAIT_TIMEOUT %q: want a duration such as 5s", v))
		}
		c.Server.AwaitTimeout = d
	}
	for name, dst := range map[string]*int{
		"PRONTUARIO_GRAPHQL_MAX_DEPTH": &c.Server.Limits.MaxDepth,
		"PRONTUARIO_GRAPHQL_MAX_NODES": &c.Server.Limits.MaxNodes,
	} {
		if v := getenv(name); v != "" {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < 1 {
				errs = append(errs, fmt.Errorf("%s %q: want a positive integer", name, v))
			}
			*dst = n
		}
	}
	c.Server = c.Server.WithDefaults()
	if err := c.Server.Validate(); err != nil {
		errs = append(errs, err)
	}
	return c, errors.Join(errs...)
}
