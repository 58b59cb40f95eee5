package deploy_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestK8sManifestsParseStrictlyAndStayInTheNamespace(t *testing.T) {
	t.Parallel()
	objs := loadManifests(t)
	if len(objs) == 0 {
		t.Fatal("no manifests under deploy/k8s")
	}
	entries, err := os.ReadDir(filepath.Join(repoRoot(t), "deploy", "k8s"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			if e.Name() != "00-namespace.yaml" {
				t.Errorf("the first file kubectl apply -f deploy/k8s/ reads is %s, want 00-namespace.yaml", e.Name())
			}
			break
		}
	}
	if n := len(slices.DeleteFunc(slices.Clone(objs), func(o object) bool { return o.Kind != "Namespace" })); n != 1 {
		t.Errorf("want one Namespace, got %d", n)
	}
	for _, o := range objs {
		where := o.File + " " + o.Kind + " " + o.Metadata.Name + o.Metadata.GenerateName
		switch {
		case o.Kind == "Namespace":
			if o.Metadata.Name != "prontuario" || o.File != "00-namespace.yaml" {
				t.Errorf("%s: want the namespace prontuario in 00-namespace.yaml", where)
			}
		case o.Metadata.Namespace != "prontuario":
			t.Errorf("%s: namespace %q, want prontuario", where, o.Metadata.Namespace)
		}
		// kubectl apply cannot apply generateName: only templates in subdirectories may use it.
		if o.Metadata.Name == "" && (o.Metadata.GenerateName == "" || !strings.Contains(o.File, "/")) {
			t.Errorf("%s: needs metadata.name (generateName only in templates under a subdirectory)", where)
		}
		for k := range o.Data {
			if secretEnv(k) {
				t.Errorf("%s: ConfigMap holds %s, a secret: reference a Secret instead", where, k)
			}
		}
	}
}

func TestK8sPodsAreHardenedBoundedAndReferenceSecrets(t *testing.T) {
	t.Parallel()
	objs := loadManifests(t)
	configMaps := configMapsOf(objs)
	secrets := map[string]bool{}
	for name, p := range pods(objs) {
		sc := p.Spec.SecurityContext
		if sc.RunAsNonRoot == nil || !*sc.RunAsNonRoot || sc.RunAsUser == nil || *sc.RunAsUser == 0 || sc.SeccompProfile.Type != "RuntimeDefault" {
			t.Errorf("%s: pod must set runAsNonRoot, a non-zero runAsUser and seccomp RuntimeDefault", name)
		}
		vols := map[string]volume{}
		for _, v := range p.Spec.Volumes {
			vols[v.Name] = v
			switch {
			case v.Secret != nil:
				secrets[v.Secret.SecretName] = true
			case v.ConfigMap != nil && configMaps[v.ConfigMap.Name] == nil:
				t.Errorf("%s: volume %s uses unknown ConfigMap %s", name, v.Name, v.ConfigMap.Name)
			}
		}
		for _, c := range p.Spec.Containers {
			where := name + " container " + c.Name
			cs := c.SecurityContext
			if cs.ReadOnlyRootFilesystem == nil || !*cs.ReadOnlyRootFilesystem || cs.AllowPrivilegeEscalation == nil || *cs.AllowPrivilegeEscalation || !slices.Equal(cs.Capabilities.Drop, []string{"ALL"}) {
				t.Errorf("%s: needs readOnlyRootFilesystem, no privilege escalation and capabilities drop [ALL]", where)
			}
			for _, r := range []string{"cpu", "memory"} {
				if c.Resources.Requests[r] == "" || c.Resources.Limits[r] == "" {
					t.Errorf("%s: needs %s requests and limits", where, r)
				}
			}
			for _, m := range c.VolumeMounts {
				if _, ok := vols[m.Name]; !ok {
					t.Errorf("%s: mounts unknown volume %s", where, m.Name)
				}
			}
			for _, ef := range c.EnvFrom {
				if configMaps[ef.ConfigMapRef.Name] == nil {
					t.Errorf("%s: envFrom unknown ConfigMap %s", where, ef.ConfigMapRef.Name)
				}
			}
			for _, e := range c.Env {
				from := e.ValueFrom
				switch {
				case secretEnv(e.Name) && (from == nil || from.SecretKeyRef == nil):
					t.Errorf("%s: %s carries a secret and must come from a secretKeyRef", where, e.Name)
				case from != nil && from.SecretKeyRef != nil:
					secrets[from.SecretKeyRef.Name] = true
				case from != nil && from.ConfigMapKeyRef != nil:
					if _, ok := configMaps[from.ConfigMapKeyRef.Name][from.ConfigMapKeyRef.Key]; !ok {
						t.Errorf("%s: %s refers to missing ConfigMap key %s/%s", where, e.Name, from.ConfigMapKeyRef.Name, from.ConfigMapKeyRef.Key)
					}
				}
			}
		}
	}
	readme := readFile(t, filepath.Join(repoRoot(t), "deploy", "README.md"))
	for s := range secrets {
		if !strings.Contains(readme, "`"+s+"`") {
			t.Errorf("Secret %s is referenced but deploy/README.md does not document it", s)
		}
	}
}
