package pgtest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
)

// ErrNoPostgres means the PostgreSQL server binaries (initdb, postgres) are
// not installed, or cannot be run here; tests should skip.
var ErrNoPostgres = errors.New("pgtest: PostgreSQL server binaries (initdb, postgres) not found")

// EnvRequire, when set to any value (.ci/run sets it), turns missing
// PostgreSQL binaries from a reason to skip into a failure: CI must never
// pass by skipping the PostgreSQL suites.
const EnvRequire = "PRONTUARIO_REQUIRE_POSTGRES"

// noPostgres is the error for missing binaries: ErrNoPostgres, or, under
// EnvRequire, an error that does not wrap it, so callers fail.
func noPostgres(detail string) error {
	if os.Getenv(EnvRequire) != "" {
		return fmt.Errorf("pgtest: PostgreSQL server binaries are required (%s is set) but none were found%s", EnvRequire, detail)
	}
	return fmt.Errorf("%w%s", ErrNoPostgres, detail)
}

// EnvBinDir names a directory holding initdb and postgres, overriding the
// search of /usr/lib/postgresql/*/bin and PATH.
const EnvBinDir = "PRONTUARIO_TEST_POSTGRES_BIN"

// findBinDir returns the directory of initdb and postgres: $EnvBinDir, else
// the highest version under /usr/lib/postgresql (Debian, Ubuntu), else the
// directory of initdb on PATH.
func findBinDir() (string, error) {
	if dir := os.Getenv(EnvBinDir); dir != "" {
		if !hasServer(dir) {
			return "", noPostgres(fmt.Sprintf(" in %s=%s", EnvBinDir, dir))
		}
		return dir, nil
	}
	if dir := highestDebianBinDir(); dir != "" {
		return dir, nil
	}
	if initdb, err := exec.LookPath("initdb"); err == nil && hasServer(filepath.Dir(initdb)) {
		return filepath.Dir(initdb), nil
	}
	return "", noPostgres(" in /usr/lib/postgresql/*/bin or on PATH")
}

func highestDebianBinDir() string {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	best, bestVersion := "", -1.0
	for _, d := range dirs {
		v, err := strconv.ParseFloat(filepath.Base(filepath.Dir(d)), 64)
		if err != nil || !hasServer(d) {
			continue
		}
		if v > bestVersion {
			best, bestVersion = d, v
		}
	}
	return best
}

func hasServer(dir string) bool {
	for _, name := range []string{"initdb", "postgres"} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil || fi.IsDir() || fi.Mode().Perm()&0o111 == 0 {
			return false
		}
	}
	return true
}
