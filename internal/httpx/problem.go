package httpx

import (
	"encoding/json"
	"net/http"
	"strings"
)

// ContentTypeProblem is the media type of RFC 9457 problem details.
const ContentTypeProblem = "application/problem+json"

// problemTypeBase prefixes the type URI of every problem.
const problemTypeBase = "https://prontuario.org/problems/"

// FieldError says what is wrong with one field of a request.
type FieldError struct {
	// Field is the path of the field in the request body, dotted, with
	// array indices in brackets: "vitals.heartRate", "items[0].dose".
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Problem is an RFC 9457 problem details object. It is also an error, so
// handlers and decoders may return one; [WriteError] writes it as is.
type Problem struct {
	Type     string       `json:"type"`
	Title    string       `json:"title"`
	Status   int          `json:"status"`
	Detail   string       `json:"detail,omitempty"`
	Instance string       `json:"instance,omitempty"`
	Errors   []FieldError `json:"errors,omitempty"`
}

func (p *Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.Title)
	if p.Detail != "" {
		b.WriteString(": " + p.Detail)
	}
	for _, f := range p.Errors {
		b.WriteString("; " + f.Field + ": " + f.Message)
	}
	return b.String()
}

func newProblem(status int, slug, title, detail string) *Problem {
	return &Problem{Type: problemTypeBase + slug, Title: title, Status: status, Detail: detail}
}

// Invalid is a 422: the request is well-formed but breaks the rules; fields
// lists every offending field.
func Invalid(detail string, fields ...FieldError) *Problem {
	p := newProblem(http.StatusUnprocessableEntity, "validation", "Invalid request", detail)
	p.Errors = fields
	return p
}

// BadRequest is a 400: the request cannot be read at all (malformed JSON, a
// bad header).
func BadRequest(detail string) *Problem {
	return newProblem(http.StatusBadRequest, "malformed-request", "Malformed request", detail)
}

// NotFound is a 404: the record (or route) does not exist.
func NotFound(detail string) *Problem {
	return newProblem(http.StatusNotFound, "not-found", "Not found", detail)
}

// Conflict is a 409: the request is valid but the record's state forbids it.
func Conflict(detail string) *Problem {
	return newProblem(http.StatusConflict, "conflict", "Conflict with the current state", detail)
}

// TooLarge is a 413: the body exceeds the limit.
func TooLarge(detail string) *Problem {
	return newProblem(http.StatusRequestEntityTooLarge, "payload-too-large", "Request body too large", detail)
}

// KeyReused is a 422: the Idempotency-Key was already used for another request.
func KeyReused() *Problem {
	return newProblem(http.StatusUnprocessableEntity, "idempotency-key-reused", "Idempotency key reused",
		"this Idempotency-Key was already used for a different request; use a new key for a new request")
}

// Internal is a 500; its detail never carries the cause, which is logged.
func Internal() *Problem {
	return newProblem(http.StatusInternalServerError, "internal", "Internal server error", "the error was logged")
}

// WriteProblem writes p with its status as application/problem+json,
// setting its instance to the request path when empty.
func WriteProblem(w http.ResponseWriter, r *http.Request, p *Problem) {
	out := *p
	if out.Instance == "" && r != nil {
		out.Instance = r.URL.Path
	}
	body, err := json.Marshal(out)
	if err != nil { // a Problem always marshals; keep the status regardless
		body = []byte(`{"title":"Internal server error","status":500}`)
	}
	w.Header().Set("Content-Type", ContentTypeProblem)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(out.Status)
	_, _ = w.Write(append(body, '\n'))
}

// WriteJSON writes v as JSON with status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		WriteProblem(w, nil, Internal())
		return
	}
	writeRawJSON(w, status, body)
}

func writeRawJSON(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}
