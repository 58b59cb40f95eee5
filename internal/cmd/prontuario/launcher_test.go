package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestDevTokensAreMadeOnceAndKeptAcrossRuns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dev-tokens")
	none := func(string) string { return "" }
	first, err := devTokens(none, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range roles() {
		if !strings.Contains(first.env, "="+r) || !strings.Contains(first.printable, r) {
			t.Errorf("no token for role %s in %q", r, first.env)
		}
	}
	second, err := devTokens(none, path)
	if err != nil {
		t.Fatal(err)
	}
	if second.env != first.env {
		t.Errorf("tokens changed across runs: %q then %q", first.env, second.env)
	}
}

func TestConfiguredTokensAreNotReplaced(t *testing.T) {
	got, err := devTokens(func(k string) string {
		if k == "PRONTUARIO_AUTH_TOKENS" {
			return "abc=auditor"
		}
		return ""
	}, filepath.Join(t.TempDir(), "dev-tokens"))
	if err != nil {
		t.Fatal(err)
	}
	if got.env != "" || got.printable != "" {
		t.Errorf("launcher made tokens although the operator configured some: %+v", got)
	}
}

func TestEnvForKeepsWhatTheOperatorSet(t *testing.T) {
	c := hospital()[1]
	env := envFor(c, []string{"PRONTUARIO_TRIAGE_DATABASE_URL=postgres://db/triage"}, "/data", func(string) string { return "" })
	joined := strings.Join(env, "\n")
	if strings.Contains(joined, "sqlite:/data/triage.db") {
		t.Errorf("operator's database URL overridden:\n%s", joined)
	}
	if !strings.Contains(joined, "PRONTUARIO_LAB_DATABASE_URL=sqlite:/data/lab.db") {
		t.Errorf("default lab database missing:\n%s", joined)
	}
	if !strings.Contains(joined, "PRONTUARIO_TRIAGE_ADDR=127.0.0.1:8081") {
		t.Errorf("default address missing:\n%s", joined)
	}
}

func TestDialAddrTurnsWildcardsIntoLoopback(t *testing.T) {
	for in, want := range map[string]string{":8081": "127.0.0.1:8081", "0.0.0.0:80": "127.0.0.1:80", "10.1.2.3:9": "10.1.2.3:9"} {
		if got := dialAddr(in); got != want {
			t.Errorf("dialAddr(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEnvForPointsServicesAtTheEmbeddedBrokerWhereverItListens(t *testing.T) {
	getenv := func(k string) string {
		if k == "PRONTUARIO_BROKER_ADDR" {
			return ":19092"
		}
		return ""
	}
	joined := strings.Join(envFor(hospital()[1], nil, "/data", getenv), "\n")
	if !strings.Contains(joined, "PRONTUARIO_KAFKA_BROKERS=127.0.0.1:19092") {
		t.Errorf("services not pointed at the moved broker:\n%s", joined)
	}
}

func TestSimulatorEnvFollowsOverriddenServiceAddresses(t *testing.T) {
	getenv := func(k string) string {
		switch k {
		case "PRONTUARIO_LAB_ADDR":
			return ":18083"
		case "PRONTUARIO_IMAGING_URL":
			return "http://imaging.example:80"
		}
		return ""
	}
	joined := strings.Join(simulatorEnv(nil, getenv), "\n")
	for _, want := range []string{"PRONTUARIO_LAB_URL=http://127.0.0.1:18083", "PRONTUARIO_TRIAGE_URL=http://127.0.0.1:8081"} {
		if !strings.Contains(joined, want) {
			t.Errorf("simulator env lacks %s:\n%s", want, joined)
		}
	}
	if strings.Contains(joined, "PRONTUARIO_IMAGING_URL=") {
		t.Errorf("simulator env overrides the operator's imaging URL:\n%s", joined)
	}
}
