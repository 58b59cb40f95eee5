package httpx_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/internal/httpx"
)

var errNoSuchThing = errors.New("no such thing")

func classify(err error) *httpx.Problem {
	if errors.Is(err, errNoSuchThing) {
		return httpx.NotFound(err.Error())
	}
	return nil
}

func TestWriteErrorMapsErrorsToProblems(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		err    error
		status int
	}{
		{"problem_is_written_as_is", fmt.Errorf("wrapped: %w", httpx.Conflict("closed")), 409},
		{"classifier_maps_service_errors", fmt.Errorf("load thing: %w", errNoSuchThing), 404},
		{"unknown_error_is_a_500", errors.New("database on fire at 10.0.0.3"), 500},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var logs bytes.Buffer
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodPost, "/v1/things", nil)
			httpx.WriteError(rec, req, tc.err, classify, slog.New(slog.NewTextHandler(&logs, nil)))
			p := problemOf(t, rec, tc.status)
			if p.Instance != "/v1/things" {
				t.Errorf("instance = %q, want the request path", p.Instance)
			}
			if tc.status == 500 {
				if strings.Contains(rec.Body.String(), "10.0.0.3") {
					t.Error("a 500 leaks the cause to the client")
				}
				if !strings.Contains(logs.String(), "10.0.0.3") {
					t.Error("a 500's cause is not logged")
				}
			}
		})
	}
}

func TestInvalidListsEveryField(t *testing.T) {
	t.Parallel()
	rec := httptest.NewRecorder()
	httpx.WriteProblem(rec, httptest.NewRequest(http.MethodPost, "/x", nil), httpx.Invalid("bad vitals",
		httpx.FieldError{Field: "vitals.heartRate", Message: "must be between 20 and 300"},
		httpx.FieldError{Field: "acuity", Message: "must be 1 to 5"}))
	p := problemOf(t, rec, 422)
	if len(p.Errors) != 2 || p.Errors[0].Field != "vitals.heartRate" || p.Errors[1].Field != "acuity" {
		t.Errorf("errors = %+v", p.Errors)
	}
}
