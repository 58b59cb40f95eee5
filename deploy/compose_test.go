package deploy_test

import (
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestComposeRunsEveryBinaryFromTheDockerfile(t *testing.T) {
	t.Parallel()
	c := loadCompose(t)
	stages := parseDockerfile(t).stages
	root := repoRoot(t)
	services := ourServices(t, c)
	for name, s := range c.Services {
		if strings.HasPrefix(s.Image, "prontuario/") && s.Build == nil {
			t.Errorf("service %s uses image %s without building it from deploy/Dockerfile", name, s.Image)
		}
		if s.Build == nil {
			continue
		}
		ctx, _ := filepath.Abs(filepath.Join(composeDir(t), s.Build.Context))
		if ctx != root || s.Build.Dockerfile != "deploy/Dockerfile" {
			t.Errorf("service %s builds %s in %s, want deploy/Dockerfile in the repository root", name, s.Build.Dockerfile, ctx)
		}
		b, ok := binaryNamed(s.Build.Target)
		if _, staged := stageNamed(stages, s.Build.Target); !ok || !staged {
			t.Errorf("service %s builds target %q, which is not a binary target of deploy/Dockerfile", name, s.Build.Target)
			continue
		}
		if !strings.HasPrefix(s.Image, "prontuario/"+b.name+":") {
			t.Errorf("service %s tags its image %q, want prontuario/%s:<tag>", name, s.Image, b.name)
		}
		if s.Healthcheck != nil {
			t.Errorf("service %s has a healthcheck, but its distroless image has nothing to run it with", name)
		}
		if !s.ReadOnly || !slices.Contains(s.CapDrop, "ALL") {
			t.Errorf("service %s must run read_only with cap_drop [ALL]", name)
		}
	}
	for _, b := range binaries {
		if _, ok := services[b.name]; !ok {
			t.Errorf("no compose service runs %s", b.name)
		}
	}
	if _, ok := services["broker"]; ok {
		t.Error("compose runs the embedded kfake broker; production-like means real Kafka")
	}
	for _, want := range []struct {
		binary   string
		replicas int
	}{{"aggregator", 2}, {"graphql", 2}} {
		s := c.Services[services[want.binary]]
		if s.Deploy == nil || s.Deploy.Replicas != want.replicas {
			t.Errorf("%s must run %d replicas (deploy.replicas), got %+v", want.binary, want.replicas, s.Deploy)
		}
	}
}

func TestComposeAddressesAndPortsMatchTheDefaults(t *testing.T) {
	t.Parallel()
	c := loadCompose(t)
	services := ourServices(t, c)
	for _, b := range binaries {
		s := c.Services[services[b.name]]
		if got := portOf(t, s.Environment[b.addrEnv]); got != b.port {
			t.Errorf("%s: %s=%q, want port %d", b.name, b.addrEnv, s.Environment[b.addrEnv], b.port)
		}
		for _, p := range s.Ports {
			if _, container := publishedPort(p); container != b.port {
				t.Errorf("%s publishes %q, want container port %d", b.name, p, b.port)
			}
		}
	}
	for name, s := range c.Services {
		for _, p := range s.Ports {
			if host, _ := publishedPort(p); host != "127.0.0.1" {
				t.Errorf("service %s publishes %q on %q, want 127.0.0.1 only", name, p, host)
			}
		}
	}
	gateway := readFile(t, filepath.Join(composeDir(t), "gateway", "nginx.conf"))
	graphql, _ := binaryNamed("graphql")
	if want := "http://" + services["graphql"] + ":" + strconv.Itoa(graphql.port); !strings.Contains(gateway, want) {
		t.Errorf("gateway/nginx.conf does not proxy to %s", want)
	}
}

// portOf returns the port of a listen address such as ":8081".
func portOf(t *testing.T, addr string) int {
	t.Helper()
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return 0
	}
	n, _ := strconv.Atoi(port)
	return n
}

// publishedPort splits "ip:host:container" into its ip and container port.
func publishedPort(spec string) (ip string, container int) {
	parts := strings.Split(spec, ":")
	if len(parts) == 3 {
		ip = parts[0]
	}
	container, _ = strconv.Atoi(parts[len(parts)-1])
	return ip, container
}

func TestComposeDependenciesAreHealthyOrCompleted(t *testing.T) {
	t.Parallel()
	c := loadCompose(t)
	for name, s := range c.Services {
		for dep, cond := range s.DependsOn {
			target, ok := c.Services[dep]
			switch {
			case !ok:
				t.Errorf("%s depends on unknown service %s", name, dep)
			case cond.Condition == "service_healthy" && target.Healthcheck == nil:
				t.Errorf("%s waits for %s to be healthy, but %s has no healthcheck", name, dep, dep)
			case cond.Condition == "service_completed_successfully" && target.Restart != "no":
				t.Errorf("%s waits for one-shot %s to complete, but %s has restart %q", name, dep, dep, target.Restart)
			case !slices.Contains([]string{"service_started", "service_healthy", "service_completed_successfully"}, cond.Condition):
				t.Errorf("%s depends on %s with condition %q", name, dep, cond.Condition)
			}
		}
	}
	services := ourServices(t, c)
	for _, d := range domainBinaries {
		s := c.Services[services[d]]
		db := d + "-db"
		if s.DependsOn["kafka-init"].Condition != "service_completed_successfully" || s.DependsOn[db].Condition != "service_healthy" {
			t.Errorf("%s must wait for kafka-init to complete and %s to be healthy, got %v", d, db, s.DependsOn)
		}
		if url := s.Environment["PRONTUARIO_"+strings.ToUpper(d)+"_DATABASE_URL"]; !strings.HasPrefix(url, "postgres://") || !strings.Contains(url, "@"+db+":5432/") {
			t.Errorf("%s's database URL %q does not point at the %s service", d, url, db)
		}
	}
	for _, b := range []string{"aggregator", "graphql"} {
		if c.Services[services[b]].DependsOn["mongo-init"].Condition != "service_completed_successfully" {
			t.Errorf("%s must wait for mongo-init (replica set and user) to complete", b)
		}
	}
}

func TestComposeFilesAndVariablesItReferencesExist(t *testing.T) {
	t.Parallel()
	c := loadCompose(t)
	for name, s := range c.Services {
		for _, v := range s.Volumes {
			src, _, _ := strings.Cut(v, ":")
			if strings.HasPrefix(src, ".") {
				if _, err := os.Stat(filepath.Join(composeDir(t), src)); err != nil {
					t.Errorf("service %s mounts %s: %v", name, src, err)
				}
			} else if _, ok := c.Volumes[src]; !ok && !strings.HasPrefix(src, "/") {
				t.Errorf("service %s mounts undeclared volume %s", name, src)
			}
		}
	}
	raw := regexp.MustCompile(`(?m)^\s*#.*$`).ReplaceAllString(readFile(t, filepath.Join(composeDir(t), "compose.yaml")), "")
	example := readFile(t, filepath.Join(composeDir(t), ".env.example"))
	for _, m := range regexp.MustCompile(`[^$]\$\{([A-Za-z0-9_]+)`).FindAllStringSubmatch(raw, -1) {
		if !regexp.MustCompile(`(?m)^` + m[1] + `=`).MatchString(example) {
			t.Errorf("compose.yaml interpolates ${%s}, which .env.example does not document", m[1])
		}
	}
}
