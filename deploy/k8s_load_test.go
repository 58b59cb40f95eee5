package deploy_test

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// object is one decoded manifest document. Exactly one of the kind fields is
// set, by Kind.
type object struct {
	File       string // relative to deploy/k8s
	APIVersion string
	Kind       string
	Metadata   objectMeta

	Deployment struct {
		Replicas             int           `yaml:"replicas"`
		RevisionHistoryLimit int           `yaml:"revisionHistoryLimit"`
		Selector             labelSelector `yaml:"selector"`
		Strategy             struct {
			Type          string
			RollingUpdate struct {
				MaxSurge       string `yaml:"maxSurge"`
				MaxUnavailable string `yaml:"maxUnavailable"`
			} `yaml:"rollingUpdate"`
		} `yaml:"strategy"`
		Template podTemplate `yaml:"template"`
	}
	Job struct {
		BackoffLimit            int         `yaml:"backoffLimit"`
		ActiveDeadlineSeconds   int         `yaml:"activeDeadlineSeconds"`
		TTLSecondsAfterFinished int         `yaml:"ttlSecondsAfterFinished"`
		Template                podTemplate `yaml:"template"`
	}
	Service struct {
		Selector map[string]string `yaml:"selector"`
		Ports    []struct {
			Name       string `yaml:"name"`
			Port       int    `yaml:"port"`
			TargetPort string `yaml:"targetPort"`
		} `yaml:"ports"`
	}
	PDB struct {
		MinAvailable   string        `yaml:"minAvailable"`
		MaxUnavailable string        `yaml:"maxUnavailable"`
		Selector       labelSelector `yaml:"selector"`
	}
	PodMonitor struct {
		JobLabel            string                                  `yaml:"jobLabel"`
		Selector            labelSelector                           `yaml:"selector"`
		PodMetricsEndpoints []struct{ Port, Path, Interval string } `yaml:"podMetricsEndpoints"`
	}
	Data map[string]string // ConfigMap
}

// kinds maps apiVersion/kind to the field of object its spec decodes into.
var kinds = map[string]func(o *object) any{
	"v1/Namespace":                        func(o *object) any { return nil },
	"v1/ConfigMap":                        func(o *object) any { return nil },
	"apps/v1/Deployment":                  func(o *object) any { return &o.Deployment },
	"batch/v1/Job":                        func(o *object) any { return &o.Job },
	"v1/Service":                          func(o *object) any { return &o.Service },
	"policy/v1/PodDisruptionBudget":       func(o *object) any { return &o.PDB },
	"monitoring.coreos.com/v1/PodMonitor": func(o *object) any { return &o.PodMonitor },
}

// loadManifests decodes every document of every .yaml file under deploy/k8s
// strictly, into its typed spec.
func loadManifests(t *testing.T) []object {
	t.Helper()
	dir := filepath.Join(repoRoot(t), "deploy", "k8s")
	var objs []object
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if !strings.HasSuffix(path, ".yaml") {
			t.Errorf("deploy/k8s/%s: manifests must end in .yaml", rel)
			return nil
		}
		dec := yaml.NewDecoder(bytes.NewReader([]byte(readFile(t, path))))
		for i := 0; ; i++ {
			var node yaml.Node
			if err := dec.Decode(&node); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				t.Errorf("deploy/k8s/%s document %d: %v", rel, i, err)
				break
			}
			if o, err := decodeObject(&node); err != nil {
				t.Errorf("deploy/k8s/%s document %d: %v", rel, i, err)
			} else {
				o.File = filepath.ToSlash(rel)
				objs = append(objs, o)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return objs
}

func decodeObject(node *yaml.Node) (object, error) {
	var head struct {
		APIVersion string            `yaml:"apiVersion"`
		Kind       string            `yaml:"kind"`
		Metadata   objectMeta        `yaml:"metadata"`
		Spec       yaml.Node         `yaml:"spec"`
		Data       map[string]string `yaml:"data"`
	}
	if err := strictDecode(node, &head); err != nil {
		return object{}, err
	}
	o := object{APIVersion: head.APIVersion, Kind: head.Kind, Metadata: head.Metadata, Data: head.Data}
	spec, ok := kinds[head.APIVersion+"/"+head.Kind]
	if !ok {
		return o, errors.New("unexpected " + head.APIVersion + "/" + head.Kind + ": add its type to the test")
	}
	if target := spec(&o); target != nil {
		if err := strictDecode(&head.Spec, target); err != nil {
			return o, err
		}
	}
	return o, nil
}

// strictDecode decodes node into v rejecting unknown fields.
func strictDecode(node *yaml.Node, v any) error {
	b, err := yaml.Marshal(node)
	if err != nil {
		return err
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	return dec.Decode(v)
}
