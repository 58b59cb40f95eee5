package deploy_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// dashboard is the part of the Grafana JSON model the test reads.
type dashboard struct {
	UID        string `json:"uid"`
	Title      string `json:"title"`
	Templating struct {
		List []struct {
			Name    string `json:"name"`
			Current struct {
				Value string `json:"value"`
			} `json:"current"`
		} `json:"list"`
	} `json:"templating"`
	Panels []struct {
		ID         int                      `json:"id"`
		Type       string                   `json:"type"`
		Title      string                   `json:"title"`
		Datasource json.RawMessage          `json:"datasource"`
		GridPos    struct{ H, W, X, Y int } `json:"gridPos"`
		Targets    []struct {
			Expr string `json:"expr"`
		} `json:"targets"`
	} `json:"panels"`
}

func loadDashboard(t *testing.T) dashboard {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader([]byte(readFile(t, filepath.Join(repoRoot(t), "deploy", "grafana", "prontuario-dashboard.json")))))
	var d dashboard
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("prontuario-dashboard.json: %v", err)
	}
	if d.UID == "" || d.Title == "" || len(d.Panels) == 0 {
		t.Fatalf("dashboard needs a uid, a title and panels, got uid=%q title=%q %d panels", d.UID, d.Title, len(d.Panels))
	}
	return d
}

func TestDashboardQueriesOnlyContractMetricsAndShowsThemAll(t *testing.T) {
	t.Parallel()
	d := loadDashboard(t)
	contract := metricsContract(t)
	shown := map[string]bool{}
	ids := map[int]bool{}
	for _, p := range d.Panels {
		if ids[p.ID] {
			t.Errorf("panel id %d is used twice", p.ID)
		}
		ids[p.ID] = true
		if p.GridPos.W <= 0 || p.GridPos.H <= 0 || p.GridPos.X+p.GridPos.W > 24 {
			t.Errorf("panel %q has gridPos %+v outside the 24-column grid", p.Title, p.GridPos)
		}
		if p.Type == "row" {
			continue
		}
		if len(p.Targets) == 0 || !strings.Contains(string(p.Datasource), "${datasource}") {
			t.Errorf("panel %q needs targets and the ${datasource} variable", p.Title)
		}
		for _, target := range p.Targets {
			names := promqlMetrics(target.Expr)
			if len(names) == 0 {
				t.Errorf("panel %q queries no metric: %q", p.Title, target.Expr)
			}
			for _, n := range names {
				base := n
				for _, suffix := range []string{"_bucket", "_sum", "_count"} {
					if trimmed := strings.TrimSuffix(n, suffix); trimmed != n && slices.Contains(contract, trimmed) {
						base = trimmed
					}
				}
				switch {
				case slices.Contains(contract, base):
					shown[base] = true
				case !slices.Contains(prometheusSeries, n):
					t.Errorf("panel %q queries %s, which is not in deploy/metrics.txt", p.Title, n)
				}
			}
		}
	}
	for _, name := range contract {
		if !shown[name] {
			t.Errorf("metrics.txt lists %s, but no dashboard panel shows it", name)
		}
	}
	if len(d.Templating.List) != 1 || d.Templating.List[0].Name != "datasource" || d.Templating.List[0].Current.Value != "prometheus" {
		t.Errorf("dashboard must have one datasource variable defaulting to the provisioned uid prometheus, got %+v", d.Templating.List)
	}
}

// prometheusSeries are series Prometheus itself writes, allowed in panels.
var prometheusSeries = []string{"up"}

// promqlWords are PromQL functions, aggregations and keywords.
var promqlWords = strings.Fields(`abs absent avg avg_over_time bool bottomk ceil changes clamp_max clamp_min
	count count_over_time delta deriv floor group histogram_quantile increase irate label_replace
	max max_over_time min min_over_time offset quantile rate round scalar sort sort_desc stddev sum
	sum_over_time time timestamp topk vector and or unless`)

// promqlMetrics returns the metric names an expression selects: what is left
// once strings, label matchers, ranges, grouping clauses, Grafana variables,
// numbers and PromQL words are removed.
func promqlMetrics(expr string) []string {
	for _, re := range []string{`"(?:[^"\\]|\\.)*"`, `\{[^}]*\}`, `\[[^\]]*\]`, `\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)`, `\$\{?\w+\}?`, `\b\d+(\.\d+)?([eE][+-]?\d+)?\b`} {
		expr = regexp.MustCompile(re).ReplaceAllString(expr, " ")
	}
	var names []string
	for _, id := range regexp.MustCompile(`[A-Za-z_:][A-Za-z0-9_:]*`).FindAllString(expr, -1) {
		if !slices.Contains(promqlWords, id) && !slices.Contains(names, id) {
			names = append(names, id)
		}
	}
	return names
}

func TestGrafanaProvisioningLoadsTheDashboardFromPrometheus(t *testing.T) {
	t.Parallel()
	var ds struct {
		Datasources []struct{ UID, URL string } `yaml:"datasources"`
	}
	if err := yaml.Unmarshal([]byte(readFile(t, filepath.Join(composeDir(t), "grafana", "provisioning", "datasources", "prometheus.yaml"))), &ds); err != nil {
		t.Fatal(err)
	}
	if len(ds.Datasources) != 1 || ds.Datasources[0].UID != "prometheus" || ds.Datasources[0].URL != "http://prometheus:9090" {
		t.Errorf("datasource provisioning = %+v, want uid prometheus at http://prometheus:9090", ds.Datasources)
	}
	var dash struct {
		Providers []struct {
			Options struct{ Path string } `yaml:"options"`
		} `yaml:"providers"`
	}
	if err := yaml.Unmarshal([]byte(readFile(t, filepath.Join(composeDir(t), "grafana", "provisioning", "dashboards", "prontuario.yaml"))), &dash); err != nil {
		t.Fatal(err)
	}
	grafana := loadCompose(t).Services["grafana"]
	if len(dash.Providers) != 1 || !slices.Contains(grafana.Volumes, "../grafana:"+dash.Providers[0].Options.Path+":ro") {
		t.Errorf("dashboard provider %+v does not read the directory grafana mounts from deploy/grafana (%v)", dash.Providers, grafana.Volumes)
	}
}
