package deploy_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// composeFile is the subset of the Compose Specification that
// deploy/compose/compose.yaml uses. It is decoded with KnownFields, so a
// misspelt or unsupported key fails the test; extend the types when the
// compose file legitimately needs a new key.
type composeFile struct {
	Name       string                    `yaml:"name"`
	Services   map[string]composeService `yaml:"services"`
	Volumes    map[string]*struct{}      `yaml:"volumes"`
	Extensions map[string]any            `yaml:",inline"` // x-* blocks (anchors)
}

type composeService struct {
	Image           string                      `yaml:"image"`
	Build           *composeBuild               `yaml:"build"`
	Hostname        string                      `yaml:"hostname"`
	User            string                      `yaml:"user"`
	Restart         string                      `yaml:"restart"`
	Entrypoint      []string                    `yaml:"entrypoint"`
	Command         []string                    `yaml:"command"`
	Environment     map[string]string           `yaml:"environment"`
	Volumes         []string                    `yaml:"volumes"`
	Ports           []string                    `yaml:"ports"`
	DependsOn       map[string]composeDependsOn `yaml:"depends_on"`
	Healthcheck     *composeHealthcheck         `yaml:"healthcheck"`
	Deploy          *struct{ Replicas int }     `yaml:"deploy"`
	ReadOnly        bool                        `yaml:"read_only"`
	Tmpfs           []string                    `yaml:"tmpfs"`
	CapDrop         []string                    `yaml:"cap_drop"`
	SecurityOpt     []string                    `yaml:"security_opt"`
	StopGracePeriod string                      `yaml:"stop_grace_period"`
}

type composeBuild struct {
	Context    string `yaml:"context"`
	Dockerfile string `yaml:"dockerfile"`
	Target     string `yaml:"target"`
}

type composeDependsOn struct {
	Condition string `yaml:"condition"`
}

type composeHealthcheck struct {
	Test        []string `yaml:"test"`
	Interval    string   `yaml:"interval"`
	Timeout     string   `yaml:"timeout"`
	Retries     int      `yaml:"retries"`
	StartPeriod string   `yaml:"start_period"`
}

func composeDir(t *testing.T) string {
	return filepath.Join(repoRoot(t), "deploy", "compose")
}

// loadCompose decodes compose.yaml strictly (merge keys resolved).
func loadCompose(t *testing.T) composeFile {
	t.Helper()
	raw := readFile(t, filepath.Join(composeDir(t), "compose.yaml"))
	dec := yaml.NewDecoder(bytes.NewReader([]byte(raw)))
	dec.KnownFields(true)
	var c composeFile
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("compose.yaml: %v", err)
	}
	for k := range c.Extensions {
		if !strings.HasPrefix(k, "x-") {
			t.Errorf("compose.yaml: unknown top-level key %q (extensions must start with x-)", k)
		}
	}
	if len(c.Services) == 0 {
		t.Fatal("compose.yaml has no services")
	}
	return c
}

// ourServices maps each binary to the compose service that runs it: the
// services built from deploy/Dockerfile, by target.
func ourServices(t *testing.T, c composeFile) map[string]string {
	t.Helper()
	byBinary := map[string]string{}
	for name, s := range c.Services {
		if s.Build == nil {
			continue
		}
		if prev, dup := byBinary[s.Build.Target]; dup {
			t.Errorf("services %s and %s both run %s", prev, name, s.Build.Target)
		}
		byBinary[s.Build.Target] = name
	}
	return byBinary
}
