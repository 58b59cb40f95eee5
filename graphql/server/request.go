package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"

	"github.com/prontuario/prontuario/graphql/gqlerr"
)

// request is a GraphQL-over-HTTP request.
type request struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
}

// readRequest reads a GET query string or a POST body (application/json, or
// application/graphql holding the document). It returns the HTTP status to
// answer with when the request is malformed.
func readRequest(r *http.Request, maxBytes int64) (request, int, error) {
	var req request
	if r.Method == http.MethodGet {
		if int64(len(r.URL.RawQuery)) > maxBytes {
			return req, http.StatusRequestURITooLong, gqlerr.New(gqlerr.BadUserInput, "query string too long")
		}
		q := r.URL.Query()
		req.Query, req.OperationName = q.Get("query"), q.Get("operationName")
		if v := q.Get("variables"); v != "" {
			if err := decodeJSON([]byte(v), &req.Variables); err != nil {
				return req, http.StatusBadRequest, gqlerr.New(gqlerr.BadUserInput, "variables must be a JSON object: "+err.Error())
			}
		}
		status, err := checkQuery(req)
		return req, status, err
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return req, http.StatusRequestEntityTooLarge, gqlerr.New(gqlerr.BadUserInput, fmt.Sprintf("body larger than %d bytes", maxBytes))
		}
		return req, http.StatusBadRequest, gqlerr.New(gqlerr.BadUserInput, "could not read the body")
	}
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case err != nil:
		return req, http.StatusUnsupportedMediaType, gqlerr.New(gqlerr.BadUserInput, "set Content-Type: application/json")
	case mediaType == "application/json":
		if err := decodeJSON(body, &req); err != nil {
			return req, http.StatusBadRequest, gqlerr.New(gqlerr.BadUserInput,
				`body must be a JSON object {"query": ..., "variables": {...}, "operationName": ...}: `+err.Error())
		}
	case mediaType == "application/graphql":
		req.Query = string(body)
	default:
		return req, http.StatusUnsupportedMediaType, gqlerr.New(gqlerr.BadUserInput, "unsupported Content-Type "+mediaType+"; use application/json")
	}
	status, err := checkQuery(req)
	return req, status, err
}

func checkQuery(req request) (int, error) {
	if req.Query == "" {
		return http.StatusBadRequest, gqlerr.New(gqlerr.BadUserInput, "query is required")
	}
	return http.StatusOK, nil
}

// decodeJSON decodes exactly one JSON value into v.
func decodeJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(v); err != nil {
		return errors.New("invalid JSON")
	}
	if dec.More() {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}
