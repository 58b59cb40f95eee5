#!/usr/bin/env bash
# create-topics.sh creates Prontuario's Kafka topics when they do not exist
# yet, then describes them. It is idempotent: run it on every deployment.
# Used by the kafka-init service (deploy/compose) and by the prontuario-kafka-topics
# Job (deploy/k8s, which carries a byte-identical copy in a ConfigMap).
#
# Environment:
#   KAFKA_BOOTSTRAP       bootstrap brokers, host:port[,host:port...] (required)
#   TOPICS                topic names separated by spaces (required)
#   PARTITIONS            partitions per new topic (default 4, contracts.Partitions)
#   REPLICATION_FACTOR    replicas per partition (default 3)
#   MIN_INSYNC_REPLICAS   min.insync.replicas of each new topic (default 2)
#   WAIT_SECONDS          how long to retry while the cluster comes up (default 300)
#   RETRY_SECONDS         pause between two attempts (default 5)
#   SECURITY_PROTOCOL     empty (PLAINTEXT), SSL, SASL_PLAINTEXT or SASL_SSL
#   SSL_CA_FILE           PEM bundle of the CAs that sign the brokers' certificates
#   SASL_MECHANISM        PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512
#   SASL_USER, SASL_PASSWORD  credentials of a user allowed to create topics
#
# An existing topic is left as it is, even with another partition count:
# adding partitions moves keys (patients) to other partitions and breaks
# per-patient ordering, so that is a deliberate, manual operation.
set -euo pipefail

: "${KAFKA_BOOTSTRAP:?KAFKA_BOOTSTRAP must name the bootstrap brokers (host:port,...)}"
: "${TOPICS:?TOPICS must list the topics to create, separated by spaces}"
PARTITIONS="${PARTITIONS:-4}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-3}"
MIN_INSYNC_REPLICAS="${MIN_INSYNC_REPLICAS:-2}"
WAIT_SECONDS="${WAIT_SECONDS:-300}"
RETRY_SECONDS="${RETRY_SECONDS:-5}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"

client=(--bootstrap-server "$KAFKA_BOOTSTRAP")
if [[ -n "${SECURITY_PROTOCOL:-}" ]]; then
  props="$(mktemp)"
  trap 'rm -f "$props"' EXIT
  {
    echo "security.protocol=${SECURITY_PROTOCOL}"
    if [[ -n "${SSL_CA_FILE:-}" ]]; then
      echo "ssl.truststore.type=PEM"
      echo "ssl.truststore.location=${SSL_CA_FILE}"
    fi
    if [[ -n "${SASL_MECHANISM:-}" ]]; then
      : "${SASL_USER:?SASL_USER is required with SASL_MECHANISM}"
      : "${SASL_PASSWORD:?SASL_PASSWORD is required with SASL_MECHANISM}"
      case "$SASL_MECHANISM" in
        PLAIN) module=org.apache.kafka.common.security.plain.PlainLoginModule ;;
        SCRAM-SHA-256|SCRAM-SHA-512) module=org.apache.kafka.common.security.scram.ScramLoginModule ;;
        *) echo "create-topics: SASL_MECHANISM=$SASL_MECHANISM: want PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512" >&2; exit 2 ;;
      esac
      echo "sasl.mechanism=${SASL_MECHANISM}"
      echo "sasl.jaas.config=${module} required username=\"${SASL_USER}\" password=\"${SASL_PASSWORD}\";"
    fi
  } > "$props"
  client+=(--command-config "$props")
fi

deadline=$((SECONDS + WAIT_SECONDS))
retry() {
  local what="$1"; shift
  until "$@"; do
    if (( SECONDS >= deadline )); then
      echo "create-topics: gave up after ${WAIT_SECONDS}s: $what" >&2
      exit 1
    fi
    echo "create-topics: retrying in ${RETRY_SECONDS}s: $what" >&2
    sleep "$RETRY_SECONDS"
  done
}

retry "list topics on $KAFKA_BOOTSTRAP" "$KAFKA_BIN/kafka-topics.sh" "${client[@]}" --list > /dev/null
for topic in $TOPICS; do
  # Retried: right after start-up fewer than REPLICATION_FACTOR brokers may
  # have registered, and creation fails until they have.
  retry "create $topic" "$KAFKA_BIN/kafka-topics.sh" "${client[@]}" --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor "$REPLICATION_FACTOR" \
    --config "min.insync.replicas=$MIN_INSYNC_REPLICAS"
done
for topic in $TOPICS; do
  "$KAFKA_BIN/kafka-topics.sh" "${client[@]}" --describe --topic "$topic"
done
echo "create-topics: ready: $TOPICS"
