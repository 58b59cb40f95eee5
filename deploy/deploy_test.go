// Package deploy_test validates the deployment files statically: the
// Dockerfile, the compose stack, the Kubernetes manifests, the Grafana
// dashboard and the metric-name contract (metrics.txt), against each other
// and against the code (cmd directories, environment variables and default
// ports found in the repository's Go sources, topics from contracts). No
// Docker engine or cluster is needed; `docker compose config` also runs when
// the docker CLI has the compose plugin.
package deploy_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// binary is one Prontuario process that gets an image: its Dockerfile target,
// the package it is built from, and the variable and default port of its
// HTTP address (which serves /healthz, /readyz and /metrics).
type binary struct {
	name    string
	cmdDir  string
	addrEnv string
	port    int
}

// binaries lists every image built by deploy/Dockerfile. The embedded kfake
// broker (internal/cmd/broker) is deliberately absent: production uses Kafka.
var binaries = []binary{
	{"triage", "domains/triage/cmd/triage", "PRONTUARIO_TRIAGE_ADDR", 8081},
	{"prescription", "domains/prescription/cmd/prescription", "PRONTUARIO_PRESCRIPTION_ADDR", 8082},
	{"lab", "domains/lab/cmd/lab", "PRONTUARIO_LAB_ADDR", 8083},
	{"imaging", "domains/imaging/cmd/imaging", "PRONTUARIO_IMAGING_ADDR", 8084},
	{"aggregator", "aggregator/cmd/aggregator", "PRONTUARIO_AGGREGATOR_ADDR", 8090},
	{"graphql", "graphql/cmd/graphql", "PRONTUARIO_GRAPHQL_ADDR", 8080},
}

// domainBinaries are the services that own a PostgreSQL database and an outbox.
var domainBinaries = []string{"triage", "prescription", "lab", "imaging"}

func binaryNamed(name string) (binary, bool) {
	for _, b := range binaries {
		if b.name == name {
			return b, true
		}
	}
	return binary{}, false
}

// repoRoot is the module root: the tests run in deploy/.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("repository root %s has no go.mod: %v", root, err)
	}
	return root
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return string(b)
}

// goSources returns the repository's non-test Go files outside deploy/,
// keyed by their path relative to the root: what the deployment files may
// rely on.
func goSources(t *testing.T) map[string]string {
	t.Helper()
	root := repoRoot(t)
	srcs := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", ".prontuario", "deploy", "testdata", "vendor", "node_modules":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		srcs[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatalf("scan Go sources: %v", err)
	}
	if len(srcs) == 0 {
		t.Fatal("found no Go sources under the repository root")
	}
	return srcs
}

// hasMainPackage reports whether dir (relative to the root) holds a non-test
// Go file of package main.
func hasMainPackage(t *testing.T, dir string) bool {
	t.Helper()
	full := filepath.Join(repoRoot(t), filepath.FromSlash(dir))
	entries, err := os.ReadDir(full)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(full, e.Name()), nil, parser.PackageClauseOnly)
		if err == nil && f.Name.Name == "main" {
			return true
		}
	}
	return false
}

func itoa(n int) string { return strconv.Itoa(n) }
