package main

import (
	"io"
	"strings"
	"testing"
)

func TestRunRefusesAnInvalidEnvironment(t *testing.T) {
	t.Parallel()
	getenv := func(k string) string {
		return map[string]string{"PRONTUARIO_IMAGING_ADDR": "nowhere"}[k]
	}
	err := run(t.Context(), getenv, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "Addr") {
		t.Errorf("run = %v, want a config error naming Addr", err)
	}
}
