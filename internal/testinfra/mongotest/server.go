package mongotest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// EnvURI names the environment variable holding the URI of a real MongoDB
// to test against instead of the in-process FerretDB.
const EnvURI = "PRONTUARIO_TEST_MONGODB_URI"

const (
	connectTimeout = 30 * time.Second
	stopTimeout    = 10 * time.Second
)

// Server is a MongoDB wire-protocol server for tests. Its methods are safe
// for concurrent use.
type Server struct {
	uri    string
	ferret bool
	admin  *mongo.Client

	// In-process FerretDB only.
	cancel context.CancelFunc
	done   chan struct{} // closed when FerretDB's Run returns
	dir    string

	stopped sync.Once
	stopErr error
}

// Start connects to $PRONTUARIO_TEST_MONGODB_URI if set, else starts
// FerretDB in-process with its SQLite files in a new temporary directory.
// Call Stop when done.
func Start() (*Server, error) {
	if uri := os.Getenv(EnvURI); uri != "" {
		s := &Server{uri: uri}
		if err := s.connect(); err != nil {
			return nil, fmt.Errorf("mongotest: %s=%s: %w", EnvURI, uri, err)
		}
		return s, nil
	}
	return startFerretDB()
}

func startFerretDB() (*Server, error) {
	dir, err := os.MkdirTemp("", "mongotest-")
	if err != nil {
		return nil, fmt.Errorf("mongotest: %w", err)
	}
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: "127.0.0.1:0"},
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
		// Errors only: FerretDB logs every connection at info level.
		Logger: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})),
	})
	if err != nil {
		_ = os.RemoveAll(dir)
		return nil, fmt.Errorf("mongotest: start FerretDB: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{uri: f.MongoDBURI(), ferret: true, cancel: cancel, done: make(chan struct{}), dir: dir}
	go func() {
		defer close(s.done)
		_ = f.Run(ctx) // returns nil; errors are logged
	}()
	if err := s.connect(); err != nil {
		_ = s.Stop()
		return nil, fmt.Errorf("mongotest: FerretDB at %s: %w", s.uri, err)
	}
	return s, nil
}

// connect opens the admin client and pings the server.
func (s *Server) connect() error {
	ctx, cancel := context.WithTimeout(context.Background(), connectTimeout)
	defer cancel()
	client, err := mongo.Connect(ctx, options.Client().ApplyURI(s.uri))
	if err != nil {
		return err
	}
	if err := client.Ping(ctx, nil); err != nil {
		_ = client.Disconnect(context.Background())
		return err
	}
	s.admin = client
	return nil
}

// URI returns the connection string, e.g. mongodb://127.0.0.1:PORT/.
func (s *Server) URI() string { return s.uri }

// IsFerretDB reports whether the server is the in-process FerretDB rather
// than a real MongoDB.
func (s *Server) IsFerretDB() bool { return s.ferret }

// Stop disconnects and, for FerretDB, stops the server and deletes its
// files. It is idempotent.
func (s *Server) Stop() error {
	s.stopped.Do(func() {
		var errs []error
		if s.admin != nil {
			ctx, cancel := context.WithTimeout(context.Background(), stopTimeout)
			errs = append(errs, s.admin.Disconnect(ctx))
			cancel()
		}
		if s.ferret {
			s.cancel()
			select {
			case <-s.done:
			case <-time.After(stopTimeout):
				errs = append(errs, fmt.Errorf("mongotest: FerretDB did not stop within %s", stopTimeout))
			}
			errs = append(errs, os.RemoveAll(s.dir))
		}
		s.stopErr = errors.Join(errs...)
	})
	return s.stopErr
}
