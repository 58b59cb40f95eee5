package deploy_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// stage is one FROM ... AS name section of the Dockerfile.
type stage struct {
	name, from string
	instrs     []string // "INSTRUCTION args", continuation lines joined
}

// dockerfile is deploy/Dockerfile parsed: its global ARGs (before the first
// FROM) and its stages, in order.
type dockerfile struct {
	globalArgs []string
	stages     []stage
}

func parseDockerfile(t *testing.T) dockerfile {
	t.Helper()
	text := strings.ReplaceAll(readFile(t, filepath.Join(repoRoot(t), "deploy", "Dockerfile")), "\\\n", " ")
	var df dockerfile
	for _, line := range strings.Split(text, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		switch {
		case strings.EqualFold(f[0], "FROM"):
			f = slices.DeleteFunc(f[1:], func(w string) bool { return strings.HasPrefix(w, "--") })
			s := stage{from: f[0]}
			if len(f) == 3 && strings.EqualFold(f[1], "AS") {
				s.name = f[2]
			}
			df.stages = append(df.stages, s)
		case len(df.stages) == 0 && strings.EqualFold(f[0], "ARG"):
			df.globalArgs = append(df.globalArgs, f[1:]...)
		case len(df.stages) > 0:
			df.stages[len(df.stages)-1].instrs = append(df.stages[len(df.stages)-1].instrs, line)
		}
	}
	if len(df.stages) == 0 {
		t.Fatal("deploy/Dockerfile has no FROM")
	}
	return df
}

func stageNamed(stages []stage, name string) (stage, bool) {
	for _, s := range stages {
		if s.name == name {
			return s, true
		}
	}
	return stage{}, false
}
