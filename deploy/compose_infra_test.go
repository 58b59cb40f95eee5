package deploy_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/cursor"
)

func TestComposeKafkaIsAThreeBrokerKRaftClusterWithTheContractTopics(t *testing.T) {
	t.Parallel()
	c := loadCompose(t)
	var voters, listeners []string
	for name, s := range c.Services {
		if s.Environment["KAFKA_PROCESS_ROLES"] == "" {
			continue
		}
		if !strings.Contains(s.Environment["KAFKA_PROCESS_ROLES"], "controller") || s.Healthcheck == nil {
			t.Errorf("broker %s must be a KRaft controller with a healthcheck", name)
		}
		voters = append(voters, s.Environment["KAFKA_NODE_ID"]+"@"+name+":9093")
		listeners = append(listeners, strings.TrimPrefix(s.Environment["KAFKA_ADVERTISED_LISTENERS"], "PLAINTEXT://"))
		for key, want := range map[string]string{"KAFKA_DEFAULT_REPLICATION_FACTOR": "3", "KAFKA_MIN_INSYNC_REPLICAS": "2", "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR": "3", "KAFKA_AUTO_CREATE_TOPICS_ENABLE": "false"} {
			if s.Environment[key] != want {
				t.Errorf("broker %s: %s=%q, want %s", name, key, s.Environment[key], want)
			}
		}
		if got := strings.Split(s.Environment["KAFKA_CONTROLLER_QUORUM_VOTERS"], ","); len(got) != 3 {
			t.Errorf("broker %s has %d quorum voters, want 3", name, len(got))
		}
	}
	if len(voters) != 3 {
		t.Fatalf("compose has %d Kafka brokers, want 3", len(voters))
	}
	slices.Sort(voters)
	for name, s := range c.Services {
		if v := s.Environment["KAFKA_CONTROLLER_QUORUM_VOTERS"]; v != "" && v != strings.Join(voters, ",") {
			t.Errorf("%s: KAFKA_CONTROLLER_QUORUM_VOTERS=%s, want %s", name, v, strings.Join(voters, ","))
		}
	}
	slices.Sort(listeners)
	for _, name := range ourServices(t, c) {
		if got := strings.Split(c.Services[name].Environment["PRONTUARIO_KAFKA_BROKERS"], ","); len(got) > 1 || got[0] != "" {
			if slices.Sort(got); !slices.Equal(got, listeners) {
				t.Errorf("%s: PRONTUARIO_KAFKA_BROKERS=%v, want the brokers %v", name, got, listeners)
			}
		}
	}
	checkTopicCreation(t, "compose kafka-init", c.Services["kafka-init"].Environment)
}

// checkTopicCreation checks the environment of a create-topics.sh run: the
// contract's topics with contracts.Partitions partitions, replication 3 and
// min.insync.replicas 2.
func checkTopicCreation(t *testing.T, where string, env map[string]string) {
	t.Helper()
	got := strings.Fields(env["TOPICS"])
	want := contracts.AllTopics()
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s creates topics %v, want contracts.AllTopics() %v", where, got, want)
	}
	for key, want := range map[string]int{"PARTITIONS": contracts.Partitions, "REPLICATION_FACTOR": 3, "MIN_INSYNC_REPLICAS": 2} {
		if n, err := strconv.Atoi(env[key]); err != nil || n != want {
			t.Errorf("%s: %s=%q, want %d", where, key, env[key], want)
		}
	}
}

func TestComposeMongoDBIsAnAuthenticatedReplicaSet(t *testing.T) {
	t.Parallel()
	c := loadCompose(t)
	rs := c.Services["mongo-init"].Environment
	members := strings.Split(rs["RS_MEMBERS"], ",")
	if len(members) != 3 {
		t.Fatalf("mongo-init RS_MEMBERS=%q, want 3 members", rs["RS_MEMBERS"])
	}
	for _, m := range members {
		host, _, _ := strings.Cut(m, ":")
		s, ok := c.Services[host]
		if !ok || !slices.Contains(s.Command, "--replSet") || !slices.Contains(s.Command, rs["RS_NAME"]) || !slices.Contains(s.Command, "--keyFile") {
			t.Errorf("replica set member %s must run mongod --replSet %s --keyFile", host, rs["RS_NAME"])
		}
	}
	services := ourServices(t, c)
	want := fmt.Sprintf("mongodb://%s:", rs["APP_USER"])
	for _, b := range []string{"aggregator", "graphql"} {
		env := c.Services[services[b]].Environment
		uri := env["PRONTUARIO_MONGODB_URI"]
		if env["PRONTUARIO_READSTORE"] != "mongodb" || !strings.HasPrefix(uri, want) || !strings.Contains(uri, "replicaSet="+rs["RS_NAME"]) || !strings.Contains(uri, "@"+rs["RS_MEMBERS"]+"/") {
			t.Errorf("%s must use the mongodb read store as %s on every member of %s, got %q", b, rs["APP_USER"], rs["RS_NAME"], uri)
		}
		if env["PRONTUARIO_MONGODB_DATABASE"] != rs["APP_DATABASE"] {
			t.Errorf("%s uses database %q, but the user is granted %q", b, env["PRONTUARIO_MONGODB_DATABASE"], rs["APP_DATABASE"])
		}
	}
}

// withDefaults resolves compose interpolation to the defaults written in the
// file: ${VAR:-default} becomes default.
func withDefaults(s string) string {
	return regexp.MustCompile(`\$\{[A-Za-z0-9_]+:-([^}]*)\}`).ReplaceAllString(s, "$1")
}

func TestComposeGraphQLCredentialsAreAcceptedByTheAPI(t *testing.T) {
	t.Parallel()
	c := loadCompose(t)
	env := c.Services[ourServices(t, c)["graphql"]].Environment
	example := map[string]string{}
	for _, line := range strings.Split(readFile(t, filepath.Join(composeDir(t), ".env.example")), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(k, "#") {
			example[k] = v
		}
	}
	for where, tokens := range map[string]string{"compose default": withDefaults(env["PRONTUARIO_AUTH_TOKENS"]), ".env.example": example["GRAPHQL_AUTH_TOKENS"]} {
		if _, err := auth.ParseTokens(tokens); err != nil {
			t.Errorf("%s GraphQL tokens are rejected: %v", where, err)
		}
	}
	for where, key := range map[string]string{"compose default": withDefaults(env["PRONTUARIO_CURSOR_KEY"]), ".env.example": example["GRAPHQL_CURSOR_KEY"]} {
		if len(key) < cursor.MinKeyLength {
			t.Errorf("%s cursor key has %d characters, want at least %d", where, len(key), cursor.MinKeyLength)
		}
	}
}
