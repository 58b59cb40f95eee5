package httpx

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// MaxBodyBytes is the largest request body ReadBody accepts.
const MaxBodyBytes = 1 << 20

// ReadBody reads the request body, refusing more than MaxBodyBytes with a
// 413 [Problem].
func ReadBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return nil, TooLarge(fmt.Sprintf("the body exceeds %d bytes", tooLarge.Limit))
	case err != nil:
		return nil, BadRequest("could not read the request body: " + err.Error())
	}
	return body, nil
}

// Decode decodes a JSON object into v strictly: unknown fields, trailing
// data, and values of the wrong type are refused. Its errors are problems: a
// 400 for what is not a JSON object (with the line and column of a syntax
// error), a 422 naming the field for unknown fields and wrong types.
func Decode(body []byte, v any) error {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return BadRequest("the request body is empty; want a JSON object")
	}
	if trimmed[0] != '{' {
		return BadRequest("the request body must be a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return decodeProblem(body, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return BadRequest("unexpected data after the JSON object")
	}
	return nil
}

func decodeProblem(body []byte, err error) error {
	var (
		syntax  *json.SyntaxError
		typeErr *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &syntax):
		line, col := position(body, syntax.Offset-1) // Offset is just past the offending byte
		return BadRequest(fmt.Sprintf("malformed JSON at line %d, column %d: %s", line, col, syntax.Error()))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return BadRequest("malformed JSON: the body ends in the middle of a value")
	case errors.As(err, &typeErr):
		field := typeErr.Field
		if field == "" {
			return BadRequest("the request body must be a JSON object")
		}
		return Invalid("a field has the wrong type", FieldError{Field: field, Message: fmt.Sprintf("must be %s, not %s", jsonKind(typeErr.Type.Kind().String()), typeErr.Value)})
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return Invalid("the request has a field this endpoint does not accept", FieldError{Field: field, Message: "unknown field"})
	}
	return BadRequest("malformed JSON: " + err.Error())
}

// jsonKind names a Go kind the way a client thinks of JSON values.
func jsonKind(kind string) string {
	switch {
	case strings.HasPrefix(kind, "int"), strings.HasPrefix(kind, "uint"):
		return "an integer"
	case strings.HasPrefix(kind, "float"):
		return "a number"
	case kind == "string":
		return "a string"
	case kind == "bool":
		return "true or false"
	case kind == "slice", kind == "array":
		return "an array"
	case kind == "struct", kind == "map":
		return "an object"
	}
	return "a " + kind
}

// position turns the byte offset of a character into its 1-based line and column.
func position(body []byte, offset int64) (line, col int) {
	offset = min(max(offset, 0), int64(len(body)))
	before := body[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(offset) - bytes.LastIndexByte(before, '\n')
	return line, col
}
