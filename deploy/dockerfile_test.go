package deploy_test

import (
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func (s stage) all(instr string) []string {
	var args []string
	for _, in := range s.instrs {
		if k, v, _ := strings.Cut(in, " "); strings.EqualFold(k, instr) {
			args = append(args, strings.TrimSpace(v))
		}
	}
	return args
}

func TestDockerfileBuildsEveryBinaryStaticallyFromExistingPackages(t *testing.T) {
	t.Parallel()
	df := parseDockerfile(t)
	build, ok := stageNamed(df.stages, "build")
	if !ok {
		t.Fatal(`no "build" stage`)
	}
	goMod := readFile(t, filepath.Join(repoRoot(t), "go.mod"))
	goVersion := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindStringSubmatch(goMod)
	if goVersion == nil {
		t.Fatal("go.mod has no go directive")
	}
	if !slices.Contains(df.globalArgs, "GO_VERSION="+goVersion[1]) || build.from != "golang:${GO_VERSION}" {
		t.Errorf("build stage must be FROM golang:${GO_VERSION} with ARG GO_VERSION=%s (go.mod's), got FROM %s with ARGs %v", goVersion[1], build.from, df.globalArgs)
	}
	if env := strings.Join(build.all("ENV"), " "); !strings.Contains(env, "CGO_ENABLED=0") {
		t.Errorf("build stage must set CGO_ENABLED=0 for static binaries, ENV is %q", env)
	}
	var built []string
	for _, run := range build.all("RUN") {
		if strings.Contains(run, "go build") {
			built = append(built, regexp.MustCompile(`\./[\w./-]+`).FindAllString(run, -1)...)
		}
	}
	for _, b := range binaries {
		if !slices.Contains(built, "./"+b.cmdDir) {
			t.Errorf("go build does not build ./%s (%s)", b.cmdDir, b.name)
		}
	}
	for _, p := range built {
		dir := strings.TrimPrefix(p, "./")
		if !slices.ContainsFunc(binaries, func(b binary) bool { return b.cmdDir == dir }) {
			t.Errorf("go build builds %s, which is not an image of the binaries table", p)
		}
	}
	checkKnownMissingBinaries(t)
}

// checkKnownMissingBinaries fails on a cmd directory without a main package
// that knownMissingBinaries does not list, and on a listed one that exists.
func checkKnownMissingBinaries(t *testing.T) {
	for _, b := range binaries {
		exists, listed := hasMainPackage(t, b.cmdDir), slices.Contains(knownMissingBinaries, b.cmdDir)
		switch {
		case !exists && !listed:
			t.Errorf("%s has no main package: the image %s cannot build", b.cmdDir, b.name)
		case exists && listed:
			t.Errorf("%s exists now: remove it from knownMissingBinaries", b.cmdDir)
		}
	}
}

func TestDockerfileHasADistrolessNonRootTargetPerBinary(t *testing.T) {
	t.Parallel()
	stages := parseDockerfile(t).stages
	runtime, ok := stageNamed(stages, "runtime")
	if !ok || runtime.from != "gcr.io/distroless/static-debian12:nonroot" {
		t.Fatalf("runtime stage must be FROM gcr.io/distroless/static-debian12:nonroot, got %+v", runtime)
	}
	if users := runtime.all("USER"); !slices.Equal(users, []string{"65532:65532"}) {
		t.Errorf("runtime USER = %v, want the numeric nonroot 65532:65532 (Kubernetes verifies runAsNonRoot on numbers)", users)
	}
	for _, s := range stages {
		if len(s.all("HEALTHCHECK")) > 0 {
			t.Errorf("stage %s has a HEALTHCHECK: distroless has no shell or client to run it", s.name)
		}
	}
	for _, b := range binaries {
		s, ok := stageNamed(stages, b.name)
		if !ok {
			t.Errorf("no target %q", b.name)
			continue
		}
		bin := path.Join("/usr/local/bin", b.name)
		if s.from != "runtime" {
			t.Errorf("target %s is FROM %s, want runtime", b.name, s.from)
		}
		if got := s.all("COPY"); !slices.Equal(got, []string{"--from=build /out/" + b.name + " " + bin}) {
			t.Errorf("target %s COPY = %q, want the one binary /out/%s to %s", b.name, got, b.name, bin)
		}
		if got := s.all("ENTRYPOINT"); !slices.Equal(got, []string{"[" + strconv.Quote(bin) + "]"}) {
			t.Errorf("target %s ENTRYPOINT = %q, want [%q]", b.name, got, bin)
		}
		if got := s.all("EXPOSE"); !slices.Equal(got, []string{strconv.Itoa(b.port)}) {
			t.Errorf("target %s EXPOSE = %q, want its default port %d", b.name, got, b.port)
		}
	}
	if agg, _ := stageNamed(stages, "aggregator"); !slices.Equal(agg.all("CMD"), []string{`["run"]`}) {
		t.Errorf(`aggregator CMD = %q, want ["run"] (the default subcommand)`, agg.all("CMD"))
	}
}

func TestDockerignoreKeepsTheSources(t *testing.T) {
	t.Parallel()
	ignore := readFile(t, filepath.Join(repoRoot(t), "deploy", "Dockerfile.dockerignore"))
	needed := []string{"go.mod", "go.sum", "contracts/schemas/defs.v1.json"}
	for _, b := range binaries {
		needed = append(needed, b.cmdDir+"/main.go")
	}
	for _, line := range strings.Split(ignore, "\n") {
		pattern := strings.TrimSpace(line)
		if pattern == "" || strings.HasPrefix(pattern, "#") {
			continue
		}
		for _, p := range needed {
			if ignoredBy(pattern, p) {
				t.Errorf("Dockerfile.dockerignore pattern %q excludes %s, which the build needs", pattern, p)
			}
		}
	}
}

// ignoredBy approximates .dockerignore matching: the pattern matches the path
// or one of its parent directories; "**/" matches any depth.
func ignoredBy(pattern, p string) bool {
	for dir := p; dir != "." && dir != "/"; dir = path.Dir(dir) {
		for _, cand := range []string{dir, path.Base(dir)} {
			if ok, _ := path.Match(strings.TrimPrefix(pattern, "**/"), cand); ok && (cand == dir || strings.HasPrefix(pattern, "**/")) {
				return true
			}
		}
	}
	return false
}
