package deploy_test

import (
	"path"
	"slices"
	"strings"
)

// secretEnv reports whether an environment variable carries a secret (or a
// URL that embeds one), which must come from a Secret, never a literal.
func secretEnv(name string) bool {
	for _, s := range []string{"PASSWORD", "DATABASE_URL", "MONGODB_URI", "CURSOR_KEY"} {
		if strings.Contains(name, s) {
			return true
		}
	}
	return name == "PRONTUARIO_AUTH_TOKENS"
}

// pods returns every pod template of the manifests, by "Kind/name".
func pods(objs []object) map[string]podTemplate {
	ps := map[string]podTemplate{}
	for _, o := range objs {
		switch o.Kind {
		case "Deployment":
			ps["Deployment/"+o.Metadata.Name] = o.Deployment.Template
		case "Job":
			ps["Job/"+o.Metadata.Name+o.Metadata.GenerateName] = o.Job.Template
		}
	}
	return ps
}

// env returns a container's environment: envFrom ConfigMaps, then env
// literals and references rendered as "secret:name/key".
func env(c container, configMaps map[string]map[string]string) map[string]string {
	m := map[string]string{}
	for _, ef := range c.EnvFrom {
		for k, v := range configMaps[ef.ConfigMapRef.Name] {
			m[k] = v
		}
	}
	for _, e := range c.Env {
		switch {
		case e.ValueFrom == nil:
			m[e.Name] = e.Value
		case e.ValueFrom.SecretKeyRef != nil:
			m[e.Name] = "secret:" + e.ValueFrom.SecretKeyRef.Name + "/" + e.ValueFrom.SecretKeyRef.Key
		case e.ValueFrom.ConfigMapKeyRef != nil:
			m[e.Name] = configMaps[e.ValueFrom.ConfigMapKeyRef.Name][e.ValueFrom.ConfigMapKeyRef.Key]
		}
	}
	return m
}

// mounted reports whether file lies in one of the container's volume mounts.
func mounted(c container, file string) bool {
	return slices.ContainsFunc(c.VolumeMounts, func(m volumeMount) bool {
		return strings.HasPrefix(path.Clean(file), path.Clean(m.MountPath)+"/")
	})
}

// selects reports whether selector matches labels.
func selects(selector, labels map[string]string) bool {
	if len(selector) == 0 {
		return false
	}
	for k, v := range selector {
		if labels[k] != v {
			return false
		}
	}
	return true
}

// configMapsOf returns the data of every ConfigMap, by name.
func configMapsOf(objs []object) map[string]map[string]string {
	cms := map[string]map[string]string{}
	for _, o := range objs {
		if o.Kind == "ConfigMap" {
			cms[o.Metadata.Name] = o.Data
		}
	}
	return cms
}
