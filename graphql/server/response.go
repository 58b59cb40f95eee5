package server

import (
	"encoding/json"
	"mime"
	"net/http"
	"strings"

	"github.com/graphql-go/graphql/gqlerrors"
)

// Response media types.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// response is what the handler answers: data only once execution started.
type response struct {
	status     int
	executed   bool
	data       any
	errors     []apiError
	extensions map[string]any
	// fields are the root fields of the operation, once it passed the
	// checks (for the metrics; not written).
	fields []string
}

func requestFailed(status int, errs []gqlerrors.FormattedError) response {
	r := response{status: status}
	for _, fe := range errs {
		r.errors = append(r.errors, apiError{Message: fe.Message, Locations: fe.Locations, Extensions: fe.Extensions})
	}
	return r
}

func (r response) write(w http.ResponseWriter, media string) {
	body := map[string]any{}
	if r.executed {
		body["data"] = r.data
	}
	if len(r.errors) > 0 {
		body["errors"] = r.errors
	}
	if len(r.extensions) > 0 {
		body["extensions"] = r.extensions
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(r.status)
	_ = json.NewEncoder(w).Encode(body) // the client hung up: nothing left to do
}

// failed is the answer to a request that failed before execution.
func failed(status int, err error) response {
	return requestFailed(status, []gqlerrors.FormattedError{formatted(err)})
}

// negotiate picks the response media type from Accept: the GraphQL one
// when the client lists it before application/json (or alone), else
// application/json, which every client understands.
func negotiate(r *http.Request) string {
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil || params["q"] == "0" {
			continue
		}
		switch mt {
		case mediaGraphQLResponse:
			return mediaGraphQLResponse
		case mediaJSON:
			return mediaJSON
		}
	}
	return mediaJSON
}

// wantsHTML reports whether a GET comes from a browser asking for a page
// rather than from a client sending a query.
func wantsHTML(r *http.Request) bool {
	if r.URL.Query().Has("query") {
		return false
	}
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err == nil && mt == "text/html" {
			return true
		}
	}
	return false
}
