package pgtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

const (
	startTimeout = 30 * time.Second
	stopTimeout  = 10 * time.Second
)

// Cluster is a running throwaway PostgreSQL server. Its methods are safe for
// concurrent use.
type Cluster struct {
	dir     string // holds data/, the socket and postgres.log
	port    int
	version int // server_version_num
	cmd     *exec.Cmd
	exited  chan struct{} // closed when the server process has exited
	admin   *pgxpool.Pool // on the "postgres" database
	stopped sync.Once
	stopErr error
}

// StartCluster initializes a server in a new temporary directory and starts
// it on a free loopback port; call Stop to stop it and delete everything.
// It returns an error wrapping [ErrNoPostgres] when the binaries are missing
// (or, as root, when there is no "postgres" user to run them as).
func StartCluster() (*Cluster, error) {
	binDir, err := findBinDir()
	if err != nil {
		return nil, err
	}
	as, err := runAs()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "pgtest-")
	if err != nil {
		return nil, fmt.Errorf("pgtest: %w", err)
	}
	if as != nil {
		if err := os.Chown(dir, int(as.uid), int(as.gid)); err != nil {
			_ = os.RemoveAll(dir)
			return nil, fmt.Errorf("pgtest: %w", err)
		}
	}
	c := &Cluster{dir: dir, exited: make(chan struct{})}
	if err := c.start(binDir, as); err != nil {
		_ = c.Stop()
		return nil, err
	}
	return c, nil
}

func (c *Cluster) start(binDir string, as *osUser) error {
	attr, err := sysProcAttr(as)
	if err != nil {
		return err
	}
	data := filepath.Join(c.dir, "data")
	initdb := exec.Command(filepath.Join(binDir, "initdb"),
		"-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
	initdb.Dir = c.dir
	initdb.SysProcAttr = attr
	if out, err := initdb.CombinedOutput(); err != nil {
		return fmt.Errorf("pgtest: initdb: %w\n%s", err, out)
	}

	port, err := freePort()
	if err != nil {
		return err
	}
	c.port = port
	logFile, err := os.Create(filepath.Join(c.dir, "postgres.log"))
	if err != nil {
		return fmt.Errorf("pgtest: %w", err)
	}
	defer logFile.Close() // the child has its own descriptor
	c.cmd = exec.Command(filepath.Join(binDir, "postgres"),
		"-D", data,
		"-p", strconv.Itoa(port),
		"-h", "127.0.0.1",
		"-k", c.dir,
		"-c", "fsync=off",
		"-c", "synchronous_commit=off",
		"-c", "full_page_writes=off",
		"-c", "max_connections=200",
	)
	c.cmd.Dir = c.dir
	c.cmd.Stdout, c.cmd.Stderr = logFile, logFile
	c.cmd.SysProcAttr = attr
	if err := c.cmd.Start(); err != nil {
		close(c.exited)
		return fmt.Errorf("pgtest: start postgres: %w", err)
	}
	go func() {
		_ = c.cmd.Wait()
		close(c.exited)
	}()
	return c.connect()
}

// connect waits until the server accepts connections, then opens the admin
// pool.
func (c *Cluster) connect() error {
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	for {
		pool, err := pgxpool.New(ctx, c.DSN("postgres")+"&pool_max_conns=4")
		if err == nil {
			err = pool.QueryRow(ctx, "SELECT current_setting('server_version_num')::int").Scan(&c.version)
			if err == nil {
				c.admin = pool
				return nil
			}
			pool.Close()
		}
		select {
		case <-c.exited:
			return fmt.Errorf("pgtest: postgres exited at start:\n%s", c.log())
		case <-ctx.Done():
			return fmt.Errorf("pgtest: postgres not ready after %s: %w\n%s", startTimeout, err, c.log())
		case <-time.After(20 * time.Millisecond): // polling interval
		}
	}
}

func (c *Cluster) log() []byte {
	out, _ := os.ReadFile(filepath.Join(c.dir, "postgres.log"))
	if len(out) > 4096 {
		out = out[len(out)-4096:]
	}
	return bytes.TrimSpace(out)
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgtest: free port: %w", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// DSN returns a pgx connection string for database name as the superuser.
func (c *Cluster) DSN(name string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.port, name)
}

// Stop shuts the server down (fast shutdown: open connections are closed)
// and deletes its directory. It is idempotent.
func (c *Cluster) Stop() error {
	c.stopped.Do(func() {
		if c.admin != nil {
			c.admin.Close()
		}
		if c.cmd != nil && c.cmd.Process != nil {
			_ = c.cmd.Process.Signal(syscall.SIGINT)
			select {
			case <-c.exited:
			case <-time.After(stopTimeout):
				_ = c.cmd.Process.Kill()
				<-c.exited
				c.stopErr = fmt.Errorf("pgtest: postgres did not stop within %s; killed", stopTimeout)
			}
		}
		c.stopErr = errors.Join(c.stopErr, os.RemoveAll(c.dir))
	})
	return c.stopErr
}
