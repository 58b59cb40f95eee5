package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestConfigDefaults(t *testing.T) {
	t.Parallel()
	c, err := configFromEnv(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":8080" || c.Store.Kind != "sqlite" || c.Store.SQLitePath != ".prontuario/readmodel.db" || c.Store.MongoDatabase != "prontuario" {
		t.Errorf("defaults %+v", c)
	}
	if c.Server.AwaitTimeout != 5*time.Second || c.Server.Limits.MaxDepth != 12 || c.Server.Limits.MaxNodes != 5000 || c.CursorKey != nil {
		t.Errorf("server defaults %+v", c.Server)
	}
}

func TestConfigReportsEveryProblemAtOnce(t *testing.T) {
	t.Parallel()
	_, err := configFromEnv(env(map[string]string{
		"PRONTUARIO_READSTORE":             "postgres",
		"PRONTUARIO_CURSOR_KEY":            "short",
		"PRONTUARIO_GRAPHQL_AWAIT_TIMEOUT": "soon",
		"PRONTUARIO_GRAPHQL_MAX_DEPTH":     "0",
		"PRONTUARIO_GRAPHQL_MAX_NODES":     "many",
		"PRONTUARIO_AUTH_DEV_TOKENS":       "perhaps",
	}))
	for _, want := range []string{"PRONTUARIO_READSTORE", "PRONTUARIO_CURSOR_KEY", "PRONTUARIO_GRAPHQL_AWAIT_TIMEOUT",
		"PRONTUARIO_GRAPHQL_MAX_DEPTH", "PRONTUARIO_GRAPHQL_MAX_NODES", "PRONTUARIO_AUTH_DEV_TOKENS"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not name %s", err, want)
		}
	}
}

func TestLoadTokens(t *testing.T) {
	t.Parallel()
	if _, err := loadTokens(env(nil), false, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "PRONTUARIO_AUTH_DEV_TOKENS") {
		t.Errorf("no tokens, no dev: %v, want an error pointing at PRONTUARIO_AUTH_DEV_TOKENS", err)
	}
	var out bytes.Buffer
	tokens, err := loadTokens(env(nil), true, &out)
	if err != nil {
		t.Fatal(err)
	}
	if tokens.Len() != 3 || strings.Count(out.String(), "dev-") != 3 {
		t.Errorf("dev tokens: %d tokens, printed %q", tokens.Len(), out.String())
	}
	configured, err := loadTokens(env(map[string]string{"PRONTUARIO_AUTH_TOKENS": "tok-auditor=auditor"}), true, &out)
	if err != nil || configured.Len() != 1 {
		t.Errorf("configured tokens: %v, %v", configured, err)
	}
}
