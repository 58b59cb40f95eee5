package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prontuario/prontuario/internal/obs/obstest"
)

// TestRunServesTheAPI starts the process on a SQLite store and queries it.
func TestRunServesTheAPI(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, env(map[string]string{
			"PRONTUARIO_GRAPHQL_ADDR":   addr,
			"PRONTUARIO_READSTORE_PATH": filepath.Join(t.TempDir(), "readmodel.db"),
			"PRONTUARIO_AUTH_TOKENS":    "tok-clinician=clinician",
			"PRONTUARIO_CURSOR_KEY":     strings.Repeat("k", 32),
			"PRONTUARIO_LOG_LEVEL":      "error",
		}), &bytes.Buffer{})
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v", err)
		}
	}()
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("not ready: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	req, err := http.NewRequest(http.MethodPost, "http://"+addr+"/graphql", strings.NewReader(`{"query":"{ patient(id: \"P-1\") { id } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer tok-clinician")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body bytes.Buffer
	if _, err := body.ReadFrom(resp.Body); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || body.String() != "{\"data\":{\"patient\":null}}\n" {
		t.Errorf("status %d body %q", resp.StatusCode, body.String())
	}
	m := obstest.Scrape(t, "http://"+addr+"/metrics")
	for _, series := range []string{
		`prontuario_graphql_request_duration_seconds_count{field="patient"}`,
		`prontuario_http_requests_total{code="200",method="POST",route="/graphql"}`,
	} {
		if m[series] != 1 {
			t.Errorf("%s = %v, want 1", series, m[series])
		}
	}
}
