package deploy_test

import (
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// deploymentFiles are the files whose PRONTUARIO_* variables must exist in
// the code: the Dockerfile, the compose file and every Kubernetes manifest.
func deploymentFiles(t *testing.T) map[string]string {
	t.Helper()
	root := repoRoot(t)
	files := map[string]string{}
	for _, rel := range []string{"deploy/Dockerfile", "deploy/compose/compose.yaml"} {
		files[rel] = readFile(t, filepath.Join(root, rel))
	}
	err := filepath.WalkDir(filepath.Join(root, "deploy", "k8s"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, path)
			files[filepath.ToSlash(rel)] = readFile(t, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestEveryConfiguredVariableIsReadByTheCode(t *testing.T) {
	t.Parallel()
	srcs := mapValues(goSources(t))
	inCode := func(name string) bool {
		return slices.ContainsFunc(srcs, func(src string) bool { return strings.Contains(src, `"`+name+`"`) })
	}
	used := map[string][]string{}
	for file, text := range deploymentFiles(t) {
		for _, name := range regexp.MustCompile(`\bPRONTUARIO_[A-Z0-9_]*[A-Z0-9]\b`).FindAllString(text, -1) {
			if !slices.Contains(used[name], file) {
				used[name] = append(used[name], file)
			}
		}
	}
	if len(used) == 0 {
		t.Fatal("found no PRONTUARIO_* variable in the deployment files")
	}
	for name, files := range used {
		_, known := knownMissingEnv[name]
		switch found := inCode(name); {
		case !found && !known:
			t.Errorf("%s (in %v) is not named by any Go source: a typo, or a setting nothing reads", name, files)
		case found && known:
			t.Errorf("%s is read by the code now: remove it from knownMissingEnv", name)
		}
	}
	for name := range knownMissingEnv {
		if _, ok := used[name]; !ok {
			t.Errorf("knownMissingEnv lists %s, which no deployment file uses", name)
		}
	}
}

func TestDefaultPortsAreTheCodesDefaults(t *testing.T) {
	t.Parallel()
	srcs := goSources(t)
	for _, b := range binaries {
		literal := regexp.MustCompile(`"[\w.\[\]:-]*:` + strconv.Itoa(b.port) + `"`)
		var found []string
		for file, src := range srcs {
			if strings.Contains(src, `"`+b.addrEnv+`"`) && literal.MatchString(src) {
				found = append(found, file)
			}
		}
		if len(found) == 0 {
			t.Errorf("no Go source names %s together with a default address on port %d: the deployment files' port for %s does not match the code", b.addrEnv, b.port, b.name)
		}
	}
}
