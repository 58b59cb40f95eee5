package deploy_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestK8sWiresKafkaTLSAndSASLDatabasesAndTheReadStoreFromSecrets(t *testing.T) {
	t.Parallel()
	objs := loadManifests(t)
	configMaps := configMapsOf(objs)
	for name, p := range pods(objs) {
		for _, c := range p.Spec.Containers {
			e := env(c, configMaps)
			if e["PRONTUARIO_KAFKA_BROKERS"] != "" && !strings.HasPrefix(c.Image, "apache/kafka") {
				if e["PRONTUARIO_KAFKA_TLS"] != "true" || !mounted(c, e["PRONTUARIO_KAFKA_TLS_CA_FILE"]) {
					t.Errorf("%s: Kafka needs TLS with its CA file %q mounted", name, e["PRONTUARIO_KAFKA_TLS_CA_FILE"])
				}
				if !slices.Contains([]string{"PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"}, e["PRONTUARIO_KAFKA_SASL_MECHANISM"]) || e["PRONTUARIO_KAFKA_SASL_USER"] == "" || !strings.HasPrefix(e["PRONTUARIO_KAFKA_SASL_PASSWORD"], "secret:") {
					t.Errorf("%s: Kafka needs a SASL mechanism, user and password from a Secret", name)
				}
			}
			if e["PRONTUARIO_READSTORE"] == "mongodb" && !strings.HasPrefix(e["PRONTUARIO_MONGODB_URI"], "secret:") {
				t.Errorf("%s: the MongoDB read store needs PRONTUARIO_MONGODB_URI from a Secret", name)
			}
		}
	}
	for _, d := range domainBinaries {
		c := pods(objs)["Deployment/"+d].Spec.Containers
		if len(c) == 0 || !strings.HasPrefix(env(c[0], configMaps)["PRONTUARIO_"+strings.ToUpper(d)+"_DATABASE_URL"], "secret:") {
			t.Errorf("Deployment %s needs its PostgreSQL URL from a Secret", d)
		}
	}
	for _, b := range []string{"aggregator", "graphql"} {
		if c := pods(objs)["Deployment/"+b].Spec.Containers; len(c) == 0 || env(c[0], configMaps)["PRONTUARIO_READSTORE"] != "mongodb" {
			t.Errorf("Deployment %s must use the mongodb read store", b)
		}
	}
	gql := pods(objs)["Deployment/graphql"].Spec.Containers
	if len(gql) == 0 || !mounted(gql[0], env(gql[0], configMaps)["PRONTUARIO_AUTH_TOKENS_FILE"]) || !strings.HasPrefix(env(gql[0], configMaps)["PRONTUARIO_CURSOR_KEY"], "secret:") {
		t.Error("Deployment graphql needs PRONTUARIO_AUTH_TOKENS_FILE in a mounted Secret and PRONTUARIO_CURSOR_KEY from a Secret")
	}
}

func TestK8sJobsCreateTheTopicsAndRebuildTheReadModel(t *testing.T) {
	t.Parallel()
	objs := loadManifests(t)
	configMaps := configMapsOf(objs)
	topics, rebuild := pods(objs)["Job/prontuario-kafka-topics"], pods(objs)["Job/aggregator-rebuild-"]
	if len(topics.Spec.Containers) != 1 || len(rebuild.Spec.Containers) != 1 {
		t.Fatal("want the Jobs prontuario-kafka-topics and aggregator-rebuild- (template), one container each")
	}
	c := topics.Spec.Containers[0]
	checkTopicCreation(t, "Job prontuario-kafka-topics", env(c, configMaps))
	script := readFile(t, filepath.Join(composeDir(t), "kafka", "create-topics.sh"))
	var mountedScript string
	for _, v := range topics.Spec.Volumes {
		if v.ConfigMap != nil {
			mountedScript = configMaps[v.ConfigMap.Name]["create-topics.sh"]
		}
	}
	if mountedScript != script {
		t.Error("the topic Job's create-topics.sh differs from deploy/compose/kafka/create-topics.sh: copy it into 15-kafka-topics.yaml")
	}
	if e := env(c, configMaps); e["SECURITY_PROTOCOL"] != "SASL_SSL" || !mounted(c, e["SSL_CA_FILE"]) || !strings.HasPrefix(e["SASL_PASSWORD"], "secret:") {
		t.Error("the topic Job must reach Kafka over SASL_SSL with a mounted CA and a password from a Secret")
	}
	r := rebuild.Spec.Containers[0]
	if image, _, _ := strings.Cut(r.Image, ":"); image != "prontuario/aggregator" || !slices.Equal(r.Args, []string{"rebuild"}) || rebuild.Spec.RestartPolicy != "Never" {
		t.Errorf("the rebuild Job must run prontuario/aggregator with args [rebuild] and restartPolicy Never, got %s %v %s", r.Image, r.Args, rebuild.Spec.RestartPolicy)
	}
}
