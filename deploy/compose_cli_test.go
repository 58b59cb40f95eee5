package deploy_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestComposeConfigAcceptsTheFile runs `docker compose config`, which
// validates the file against the Compose Specification and resolves merges
// and interpolation without needing a Docker engine. It is skipped when the
// docker CLI or its compose plugin is not installed.
func TestComposeConfigAcceptsTheFile(t *testing.T) {
	t.Parallel()
	docker, err := exec.LookPath("docker")
	if err != nil {
		t.Skip("docker CLI not on PATH")
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, docker, "compose", "version").CombinedOutput(); err != nil {
		t.Skipf("docker compose plugin not available: %v: %s", err, out)
	}
	cmd := exec.CommandContext(ctx, docker, "compose", "-f", filepath.Join(composeDir(t), "compose.yaml"), "config", "--quiet")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("docker compose config: %v\n%s", err, out)
	}
}
