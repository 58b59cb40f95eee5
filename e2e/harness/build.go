package harness

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Commands are the packages of every binary the hospital runs, by name.
func Commands() map[string]string {
	return map[string]string{
		"broker":       "./internal/cmd/broker",
		"triage":       "./domains/triage/cmd/triage",
		"prescription": "./domains/prescription/cmd/prescription",
		"lab":          "./domains/lab/cmd/lab",
		"imaging":      "./domains/imaging/cmd/imaging",
		"aggregator":   "./aggregator/cmd/aggregator",
		"graphql":      "./graphql/cmd/graphql",
		"simulate":     "./domains/cmd/simulate",
		"prontuario":   "./internal/cmd/prontuario",
	}
}

// Binaries is a directory of built binaries.
type Binaries struct{ Dir string }

// Path is the binary's file.
func (b Binaries) Path(name string) string { return filepath.Join(b.Dir, name) }

// Build compiles every command into dir with one go build (for TestMain).
func Build(dir string) (Binaries, error) {
	root, err := moduleRoot()
	if err != nil {
		return Binaries{}, err
	}
	args := []string{"build", "-o", dir + string(os.PathSeparator)}
	for _, pkg := range Commands() {
		args = append(args, pkg)
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		return Binaries{}, fmt.Errorf("the go command is not on PATH: %w", err)
	}
	cmd := exec.Command(goBin, args...)
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		return Binaries{}, fmt.Errorf("go build: %w\n%s", err, out)
	}
	return Binaries{Dir: dir}, nil
}

// moduleRoot finds the directory of go.mod above the working directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if raw, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && strings.Contains(string(raw), "module github.com/prontuario/prontuario") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod of prontuario above the working directory")
		}
		dir = parent
	}
}
