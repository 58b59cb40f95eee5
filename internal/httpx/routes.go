package httpx

import (
	"fmt"
	"net/http"
)

// Routes serves mux, answering requests that match no route with a
// problem+json 404, or 405 (with Allow) when the path exists for other methods.
// It tells an [Instrument] around it which route pattern matched.
func Routes(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, pattern := mux.Handler(r)
		if pattern != "" {
			recordRoute(r.Context(), pattern)
			mux.ServeHTTP(w, r)
			return
		}
		recordRoute(r.Context(), RouteUnmatched)
		probe := &statusRecorder{header: http.Header{}}
		h.ServeHTTP(probe, r)
		if probe.status == http.StatusMethodNotAllowed {
			w.Header().Set("Allow", probe.header.Get("Allow"))
			WriteProblem(w, r, &Problem{Type: problemTypeBase + "method-not-allowed", Title: "Method not allowed",
				Status: http.StatusMethodNotAllowed, Detail: fmt.Sprintf("%s is not allowed here; allowed: %s", r.Method, probe.header.Get("Allow"))})
			return
		}
		WriteProblem(w, r, NotFound("no such endpoint: "+r.Method+" "+r.URL.Path))
	})
}

// statusRecorder captures the status and headers a handler would write.
type statusRecorder struct {
	header http.Header
	status int
}

func (s *statusRecorder) Header() http.Header { return s.header }

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return len(b), nil
}

func (s *statusRecorder) WriteHeader(status int) {
	if s.status == 0 {
		s.status = status
	}
}
