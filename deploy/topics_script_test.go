package deploy_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeKafkaTopics is a kafka-topics.sh stand-in: it logs its arguments (and
// the --command-config file), and fails the first --create of each topic, as
// a cluster does while fewer brokers than the replication factor have
// registered. FAIL_ALWAYS=1 makes every --create fail.
const fakeKafkaTopics = `#!/usr/bin/env bash
log="$(dirname "$0")/calls.log"
echo "$*" >> "$log"
args=("$@")
for i in "${!args[@]}"; do
  case "${args[$i]}" in
    --command-config) cat "${args[$((i+1))]}" >> "$log" ;;
    --topic) topic="${args[$((i+1))]}" ;;
  esac
done
if [[ " $* " == *" --create "* ]]; then
  marker="$(dirname "$0")/created-once-$topic"
  if [[ -n "${FAIL_ALWAYS:-}" || ! -e "$marker" ]]; then
    touch "$marker"
    echo "Replication factor: 3 larger than available brokers: 1." >&2
    exit 1
  fi
fi
`

// runCreateTopics runs deploy/compose/kafka/create-topics.sh against the fake
// and returns its combined output, the fake's log and the exit error.
func runCreateTopics(t *testing.T, env ...string) (out, calls string, err error) {
	t.Helper()
	bash, lookErr := exec.LookPath("bash")
	if lookErr != nil {
		t.Skip("bash not on PATH")
	}
	bin := t.TempDir()
	if err := os.WriteFile(filepath.Join(bin, "kafka-topics.sh"), []byte(fakeKafkaTopics), 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bash, filepath.Join(composeDir(t), "kafka", "create-topics.sh"))
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "KAFKA_BIN=" + bin, "RETRY_SECONDS=0", "KAFKA_BOOTSTRAP=k1:9093,k2:9093"}, env...)
	b, err := cmd.CombinedOutput()
	logged, _ := os.ReadFile(filepath.Join(bin, "calls.log"))
	return string(b), string(logged), err
}

func TestCreateTopicsRetriesUntilEveryTopicIsCreatedOverSASLSSL(t *testing.T) {
	t.Parallel()
	out, calls, err := runCreateTopics(t, "TOPICS=a.v1 b.v1", "SECURITY_PROTOCOL=SASL_SSL", "SSL_CA_FILE=/ca/ca.crt",
		"SASL_MECHANISM=SCRAM-SHA-512", "SASL_USER=prontuario-topic-admin", "SASL_PASSWORD=s3cret")
	if err != nil {
		t.Fatalf("create-topics.sh: %v\n%s", err, out)
	}
	for _, want := range []string{
		"--bootstrap-server k1:9093,k2:9093",
		"--create --if-not-exists --topic a.v1 --partitions 4 --replication-factor 3 --config min.insync.replicas=2",
		"--create --if-not-exists --topic b.v1 --partitions 4 --replication-factor 3 --config min.insync.replicas=2",
		"--describe --topic b.v1",
		"security.protocol=SASL_SSL", "ssl.truststore.type=PEM", "ssl.truststore.location=/ca/ca.crt", "sasl.mechanism=SCRAM-SHA-512",
		`sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="prontuario-topic-admin" password="s3cret";`,
	} {
		if !strings.Contains(calls, want) {
			t.Errorf("kafka-topics.sh never saw %q; calls:\n%s", want, calls)
		}
	}
	if n := strings.Count(calls, "--create"); n != 4 {
		t.Errorf("--create ran %d times, want 4 (each topic fails once, then succeeds)", n)
	}
	if !strings.Contains(out, "create-topics: ready: a.v1 b.v1") {
		t.Errorf("output does not report success:\n%s", out)
	}
}

func TestCreateTopicsGivesUpWithAClearErrorAfterItsDeadline(t *testing.T) {
	t.Parallel()
	out, _, err := runCreateTopics(t, "TOPICS=a.v1", "WAIT_SECONDS=0", "FAIL_ALWAYS=1")
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(out, "gave up after 0s: create a.v1") {
		t.Fatalf("want exit 1 saying it gave up creating a.v1, got %v:\n%s", err, out)
	}
}

func TestCreateTopicsRejectsBadSettings(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		env  []string
		want string
	}{
		{"unknown_sasl_mechanism", []string{"TOPICS=a.v1", "SECURITY_PROTOCOL=SASL_SSL", "SASL_MECHANISM=GSSAPI", "SASL_USER=u", "SASL_PASSWORD=p"}, "SASL_MECHANISM=GSSAPI: want PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512"},
		{"sasl_without_password", []string{"TOPICS=a.v1", "SECURITY_PROTOCOL=SASL_SSL", "SASL_MECHANISM=PLAIN", "SASL_USER=u"}, "SASL_PASSWORD is required with SASL_MECHANISM"},
		{"no_topics", nil, "TOPICS must list the topics to create"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out, calls, err := runCreateTopics(t, tc.env...)
			if err == nil || !strings.Contains(out, tc.want) {
				t.Errorf("want a failure saying %q, got %v:\n%s", tc.want, err, out)
			}
			if strings.Contains(calls, "--create") {
				t.Errorf("it created topics despite the bad settings:\n%s", calls)
			}
		})
	}
}
