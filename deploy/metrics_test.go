package deploy_test

import (
	"bufio"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// metricsContract reads deploy/metrics.txt: one metric name per line.
func metricsContract(t *testing.T) []string {
	t.Helper()
	var names []string
	sc := bufio.NewScanner(strings.NewReader(readFile(t, filepath.Join(repoRoot(t), "deploy", "metrics.txt"))))
	for n := 1; sc.Scan(); n++ {
		name := sc.Text()
		if !regexp.MustCompile(`^prontuario_[a-z][a-z0-9_]*[a-z0-9]$`).MatchString(name) {
			t.Errorf("metrics.txt line %d: %q is not a prontuario_ metric name", n, name)
		}
		if slices.Contains(names, name) {
			t.Errorf("metrics.txt line %d: %s is listed twice", n, name)
		}
		names = append(names, name)
	}
	if len(names) == 0 {
		t.Fatal("metrics.txt lists no metric")
	}
	return names
}

func TestMetricsContractIsImplementedOrKnownMissing(t *testing.T) {
	t.Parallel()
	srcs := goSources(t)
	for _, name := range metricsContract(t) {
		found := slices.ContainsFunc(mapValues(srcs), func(src string) bool { return strings.Contains(src, `"`+name+`"`) })
		switch listed := slices.Contains(knownUnimplementedMetrics, name); {
		case !found && !listed:
			t.Errorf("no Go source registers %s (deploy/metrics.txt)", name)
		case found && listed:
			t.Errorf("%s is registered now: remove it from knownUnimplementedMetrics", name)
		}
	}
	for _, name := range knownUnimplementedMetrics {
		if !slices.Contains(metricsContract(t), name) {
			t.Errorf("knownUnimplementedMetrics lists %s, which is not in metrics.txt", name)
		}
	}
}

func mapValues(m map[string]string) []string {
	vs := make([]string, 0, len(m))
	for _, v := range m {
		vs = append(vs, v)
	}
	return vs
}

func TestComposePrometheusScrapesEveryProcessOnItsPort(t *testing.T) {
	t.Parallel()
	var cfg struct {
		ScrapeConfigs []struct {
			JobName       string `yaml:"job_name"`
			StaticConfigs []struct {
				Targets []string `yaml:"targets"`
			} `yaml:"static_configs"`
			DNSSDConfigs []struct {
				Names []string `yaml:"names"`
				Port  int      `yaml:"port"`
			} `yaml:"dns_sd_configs"`
		} `yaml:"scrape_configs"`
	}
	if err := yaml.Unmarshal([]byte(readFile(t, filepath.Join(composeDir(t), "prometheus", "prometheus.yml"))), &cfg); err != nil {
		t.Fatalf("prometheus.yml: %v", err)
	}
	c := loadCompose(t)
	services := ourServices(t, c)
	jobs := map[string][]string{}
	for _, sc := range cfg.ScrapeConfigs {
		for _, s := range sc.StaticConfigs {
			jobs[sc.JobName] = append(jobs[sc.JobName], s.Targets...)
		}
		for _, d := range sc.DNSSDConfigs {
			for _, n := range d.Names {
				jobs[sc.JobName] = append(jobs[sc.JobName], n+":"+itoa(d.Port))
			}
		}
	}
	for _, b := range binaries {
		want := services[b.name] + ":" + itoa(b.port)
		if !slices.Equal(jobs[b.name], []string{want}) {
			t.Errorf("Prometheus job %s scrapes %v, want [%s] (the job name is what the dashboard groups by)", b.name, jobs[b.name], want)
		}
	}
}
