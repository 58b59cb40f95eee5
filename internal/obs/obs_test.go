package obs

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

func env(kv map[string]string) func(string) string { return func(k string) string { return kv[k] } }

func TestLoggerFormatsAndLevels(t *testing.T) {
	var buf bytes.Buffer
	l, err := NewLogger(env(nil), &buf, "test")
	if err != nil {
		t.Fatal(err)
	}
	l.Info("hello")
	l.Debug("hidden")
	if !strings.HasPrefix(buf.String(), "{") || !strings.Contains(buf.String(), `"component":"test"`) || strings.Contains(buf.String(), "hidden") {
		t.Errorf("default logger output %q", buf.String())
	}
	buf.Reset()
	l, err = NewLogger(env(map[string]string{"PRONTUARIO_LOG_FORMAT": "text", "PRONTUARIO_LOG_LEVEL": "debug"}), &buf, "test")
	if err != nil {
		t.Fatal(err)
	}
	l.Debug("shown")
	if !strings.Contains(buf.String(), "msg=shown") {
		t.Errorf("text debug output %q", buf.String())
	}
	if _, err := NewLogger(env(map[string]string{"PRONTUARIO_LOG_FORMAT": "xml"}), io.Discard, "x"); err == nil {
		t.Error("an unknown format was accepted")
	}
	if _, err := NewLogger(env(map[string]string{"PRONTUARIO_LOG_LEVEL": "loud"}), io.Discard, "x"); err == nil {
		t.Error("an unknown level was accepted")
	}
}

func TestOpsEndpoints(t *testing.T) {
	var ready atomic.Bool
	mux := http.NewServeMux()
	Mount(mux, NewRegistry(), func(context.Context) error {
		if !ready.Load() {
			return errors.New("store unreachable")
		}
		return nil
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, _ := get("/healthz"); code != 200 {
		t.Errorf("healthz %d", code)
	}
	if code, body := get("/readyz"); code != 503 || !strings.Contains(body, "store unreachable") {
		t.Errorf("readyz while not ready: %d %q", code, body)
	}
	ready.Store(true)
	if code, _ := get("/readyz"); code != 200 {
		t.Errorf("readyz when ready: %d", code)
	}
	if code, body := get("/metrics"); code != 200 || !strings.Contains(body, "go_goroutines") {
		t.Errorf("metrics: %d", code)
	}
}
