package contracts_test

import (
	"os"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/prontuario/prontuario/contracts"
)

type asyncAPIDoc struct {
	AsyncAPI string `yaml:"asyncapi"`
	Channels map[string]struct {
		Address  string                       `yaml:"address"`
		Messages map[string]map[string]string `yaml:"messages"`
		Bindings struct {
			Kafka struct {
				Partitions int `yaml:"partitions"`
			} `yaml:"kafka"`
		} `yaml:"bindings"`
	} `yaml:"channels"`
	Components struct {
		Messages map[string]struct {
			Payload struct {
				Schema map[string]string `yaml:"schema"`
			} `yaml:"payload"`
		} `yaml:"messages"`
		Schemas map[string]struct {
			Properties map[string]any `yaml:"properties"`
		} `yaml:"schemas"`
	} `yaml:"components"`
}

func TestAsyncAPIDescribesEveryTopicAndEventType(t *testing.T) {
	raw, err := os.ReadFile("asyncapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc asyncAPIDoc
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("asyncapi.yaml does not parse: %v", err)
	}
	if doc.AsyncAPI != "3.0.0" {
		t.Errorf("asyncapi version %q", doc.AsyncAPI)
	}
	addresses := map[string]map[string]map[string]string{}
	for _, ch := range doc.Channels {
		addresses[ch.Address] = ch.Messages
		if ch.Bindings.Kafka.Partitions != contracts.Partitions {
			t.Errorf("channel %s states %d partitions, contracts.Partitions is %d", ch.Address, ch.Bindings.Kafka.Partitions, contracts.Partitions)
		}
	}
	for _, topic := range contracts.AllTopics() {
		if _, ok := addresses[topic]; !ok {
			t.Errorf("topic %s has no channel", topic)
		}
	}
	for _, sv := range contracts.Registered() {
		msgs := addresses[sv.Source.Topic()]
		if msgs[string(sv.Type)]["$ref"] != "#/components/messages/"+string(sv.Type) {
			t.Errorf("channel %s does not carry %s", sv.Source.Topic(), sv.Type)
		}
		m, ok := doc.Components.Messages[string(sv.Type)]
		if !ok {
			t.Errorf("no message for %s", sv.Type)
			continue
		}
		ref := m.Payload.Schema["$ref"]
		if ref != "./schemas/"+sv.File() {
			t.Errorf("%s payload references %q, want ./schemas/%s", sv.Type, ref, sv.File())
		}
		if _, err := os.Stat(strings.TrimPrefix(ref, "./")); err != nil {
			t.Errorf("%s: referenced schema missing: %v", sv.Type, err)
		}
	}
	for _, h := range []string{contracts.HeaderID, contracts.HeaderSubject, contracts.HeaderAggregateVersion, contracts.HeaderTraceParent, contracts.HeaderActor, contracts.HeaderRecordedAt} {
		if _, ok := doc.Components.Schemas["CloudEventHeaders"].Properties[h]; !ok {
			t.Errorf("header %s undocumented", h)
		}
	}
	for _, h := range []string{contracts.HeaderDLQReason, contracts.HeaderDLQErrorKind, contracts.HeaderDLQTopic, contracts.HeaderDLQPartition, contracts.HeaderDLQOffset} {
		if _, ok := doc.Components.Schemas["DeadLetterHeaders"].Properties[h]; !ok {
			t.Errorf("dead-letter header %s undocumented", h)
		}
	}
}
