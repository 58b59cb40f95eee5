package outbox

import (
	"encoding/json"
	"unicode/utf8"
)

// decodeHeaders parses the headers column: the flat JSON object of strings
// Append wrote. Headers are decoded for every published event, and
// encoding/json's reflection made a fifth of the relay's CPU time, so the
// usual case (no escape sequences) is parsed by hand; anything else falls
// back to encoding/json, which also reports malformed input.
func decodeHeaders(b []byte) (map[string]string, error) {
	if m, ok := parseFlatObject(b); ok {
		return m, nil
	}
	var m map[string]string
	err := json.Unmarshal(b, &m)
	return m, err
}

// parseFlatObject parses {"k":"v",...} whose strings are valid UTF-8 with
// no escapes or control characters; ok is false for anything else.
func parseFlatObject(b []byte) (m map[string]string, ok bool) {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return nil, false
	}
	m = make(map[string]string, 16)
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return m, skipSpace(b, i+1) == len(b)
	}
	for {
		k, next, ok := plainString(b, skipSpace(b, i))
		if !ok {
			return nil, false
		}
		i = skipSpace(b, next)
		if i >= len(b) || b[i] != ':' {
			return nil, false
		}
		v, next, ok := plainString(b, skipSpace(b, i+1))
		if !ok {
			return nil, false
		}
		m[k] = v
		i = skipSpace(b, next)
		switch {
		case i < len(b) && b[i] == ',':
			i++
		case i < len(b) && b[i] == '}':
			return m, skipSpace(b, i+1) == len(b)
		default:
			return nil, false
		}
	}
}

// plainString reads the JSON string starting at b[i] if it has no escapes
// or control characters, returning it and the index after it.
func plainString(b []byte, i int) (string, int, bool) {
	if i >= len(b) || b[i] != '"' {
		return "", 0, false
	}
	for j := i + 1; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			if !utf8.Valid(b[i+1 : j]) { // encoding/json would substitute U+FFFD
				return "", 0, false
			}
			return string(b[i+1 : j]), j + 1, true
		case c == '\\' || c < 0x20:
			return "", 0, false
		}
	}
	return "", 0, false
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}
