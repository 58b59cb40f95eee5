package deploy_test

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestK8sDeploymentsRunEveryBinaryOnItsDefaultPortWithProbes(t *testing.T) {
	t.Parallel()
	objs := loadManifests(t)
	stages := parseDockerfile(t).stages
	deployments := map[string]object{}
	for _, o := range objs {
		if o.Kind == "Deployment" {
			deployments[o.Metadata.Name] = o
		}
	}
	for _, b := range binaries {
		d, ok := deployments[b.name]
		if !ok {
			t.Errorf("no Deployment %s", b.name)
			continue
		}
		spec := d.Deployment
		if !selects(spec.Selector.MatchLabels, spec.Template.Metadata.Labels) {
			t.Errorf("Deployment %s: selector %v does not select its pods %v", b.name, spec.Selector.MatchLabels, spec.Template.Metadata.Labels)
		}
		if min := map[bool]int{true: 2, false: 1}[b.name == "aggregator" || b.name == "graphql"]; spec.Replicas < min || (b.name == "aggregator" && spec.Replicas != 2) {
			t.Errorf("Deployment %s has %d replicas", b.name, spec.Replicas)
		}
		if got := spec.Template.Metadata.Annotations["prometheus.io/port"]; got != strconv.Itoa(b.port) {
			t.Errorf("Deployment %s: prometheus.io/port %q, want %d", b.name, got, b.port)
		}
		if len(spec.Template.Spec.Containers) != 1 {
			t.Errorf("Deployment %s: want one container", b.name)
			continue
		}
		c := spec.Template.Spec.Containers[0]
		image, tag, _ := strings.Cut(c.Image, ":")
		if _, staged := stageNamed(stages, b.name); image != "prontuario/"+b.name || tag == "" || !staged {
			t.Errorf("Deployment %s runs %q, want prontuario/%s:<tag> built by the Dockerfile target %s", b.name, c.Image, b.name, b.name)
		}
		if len(c.Ports) != 1 || c.Ports[0].Name != "http" || c.Ports[0].ContainerPort != b.port {
			t.Errorf("Deployment %s: ports %+v, want http %d", b.name, c.Ports, b.port)
		}
		if got := env(c, nil)[b.addrEnv]; portOf(t, got) != b.port {
			t.Errorf("Deployment %s: %s=%q, want port %d", b.name, b.addrEnv, got, b.port)
		}
		for _, want := range []struct {
			name  string
			probe *probe
			path  string
		}{{"readiness", c.ReadinessProbe, "/readyz"}, {"liveness", c.LivenessProbe, "/healthz"}} {
			if p := want.probe; p == nil || p.HTTPGet.Path != want.path || (p.HTTPGet.Port != "http" && p.HTTPGet.Port != strconv.Itoa(b.port)) {
				t.Errorf("Deployment %s: %s probe %+v, want GET %s on http", b.name, want.name, want.probe, want.path)
			}
		}
	}
	checkServicesAndBudgets(t, objs, deployments)
}

func checkServicesAndBudgets(t *testing.T, objs []object, deployments map[string]object) {
	t.Helper()
	budgeted, served := map[string]bool{}, map[string]bool{}
	for _, o := range objs {
		var selector map[string]string
		switch o.Kind {
		case "Service":
			selector = o.Service.Selector
		case "PodDisruptionBudget":
			selector = o.PDB.Selector.MatchLabels
		default:
			continue
		}
		var matched []string
		for _, name := range slices.Sorted(maps.Keys(deployments)) {
			d := deployments[name]
			if !selects(selector, d.Deployment.Template.Metadata.Labels) {
				continue
			}
			matched = append(matched, name)
			if o.Kind == "PodDisruptionBudget" {
				budgeted[name] = true
				if min, err := strconv.Atoi(o.PDB.MinAvailable); err != nil || min >= d.Deployment.Replicas {
					t.Errorf("PodDisruptionBudget %s: minAvailable %q must be a number below the %d replicas of %s, or it blocks every drain", o.Metadata.Name, o.PDB.MinAvailable, d.Deployment.Replicas, name)
				}
				continue
			}
			served[name] = true
			ports := d.Deployment.Template.Spec.Containers[0].Ports
			for _, p := range o.Service.Ports {
				if !slices.ContainsFunc(ports, func(cp struct {
					Name          string `yaml:"name"`
					ContainerPort int    `yaml:"containerPort"`
				}) bool {
					return p.TargetPort == cp.Name || p.TargetPort == strconv.Itoa(cp.ContainerPort)
				}) {
					t.Errorf("Service %s: targetPort %q is not a port of %s", o.Metadata.Name, p.TargetPort, name)
				}
				if b, ok := binaryNamed(name); ok && p.Port != b.port {
					t.Errorf("Service %s: port %d, want %s's default %d", o.Metadata.Name, p.Port, name, b.port)
				}
			}
		}
		if len(matched) != 1 {
			t.Errorf("%s %s selects Deployments %v, want exactly one", o.Kind, o.Metadata.Name, matched)
		}
	}
	for _, b := range binaries {
		if !served[b.name] || !budgeted[b.name] {
			t.Errorf("Deployment %s needs a Service and a PodDisruptionBudget", b.name)
		}
	}
}
