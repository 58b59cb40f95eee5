// Package cursor makes the opaque, tamper-evident cursors of the GraphQL
// connections.
//
// A cursor is the base64url encoding of a small versioned JSON envelope:
// {"v":1,"k":kind,"p":keyset key,"m":mac}. The MAC is an HMAC-SHA256, under
// a server key, of the version, the kind, the query scope and the key: a
// cursor edited by a client, or replayed against another query (another
// patient, another period, another filter), fails to decode. The scope is
// never written into the cursor, so a name filter does not leak into it.
//
// Cursors stay valid as long as the key does: with a random key (the
// default when PRONTUARIO_CURSOR_KEY is not set) they do not survive a
// restart of the server.
//
// A Codec is immutable and safe for concurrent use.
package cursor

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
)

// MinKeyLength is the shortest key New accepts, in bytes.
const MinKeyLength = 32

// maxCursorLength bounds what Decode reads: keyset keys are small.
const maxCursorLength = 2048

const version = 1

// ErrInvalid is returned (wrapped) by Decode for any cursor it did not make
// for this kind and scope: garbage, tampered, too long, or from another query.
var ErrInvalid = errors.New("invalid cursor")

// Codec encodes and decodes cursors under one key.
type Codec struct {
	key []byte
}

// New returns a codec using key, which must be at least MinKeyLength bytes.
func New(key []byte) (*Codec, error) {
	if len(key) < MinKeyLength {
		return nil, fmt.Errorf("cursor key is %d bytes, want at least %d", len(key), MinKeyLength)
	}
	return &Codec{key: bytes.Clone(key)}, nil
}

// NewRandom returns a codec with a random key: its cursors do not survive a restart.
func NewRandom() (*Codec, error) {
	key := make([]byte, MinKeyLength)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("random cursor key: %w", err)
	}
	return New(key)
}

type envelope struct {
	V int             `json:"v"`
	K string          `json:"k"`
	P json.RawMessage `json:"p"`
	M []byte          `json:"m"`
}

// Encode returns the cursor of key for queries of this kind and scope.
func (c *Codec) Encode(kind, scope string, key any) (string, error) {
	p, err := json.Marshal(key)
	if err != nil {
		return "", fmt.Errorf("encode %s cursor: %w", kind, err)
	}
	b, err := json.Marshal(envelope{V: version, K: kind, P: p, M: c.mac(kind, scope, p)})
	if err != nil {
		return "", fmt.Errorf("encode %s cursor: %w", kind, err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// Decode checks that cursor was made by Encode with the same kind and scope
// and stores its key in the value key points to. Every failure wraps ErrInvalid.
func (c *Codec) Decode(cursor, kind, scope string, key any) error {
	if len(cursor) > maxCursorLength {
		return fmt.Errorf("%w: too long", ErrInvalid)
	}
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return fmt.Errorf("%w: not base64url", ErrInvalid)
	}
	var env envelope
	if err := json.Unmarshal(b, &env); err != nil {
		return fmt.Errorf("%w: not a cursor envelope", ErrInvalid)
	}
	if env.V != version {
		return fmt.Errorf("%w: unknown version %d", ErrInvalid, env.V)
	}
	if env.K != kind {
		return fmt.Errorf("%w: a %q cursor used for %q", ErrInvalid, env.K, kind)
	}
	if !hmac.Equal(env.M, c.mac(kind, scope, env.P)) {
		return fmt.Errorf("%w: signature does not match (tampered, from another query, or from before a key change)", ErrInvalid)
	}
	dec := json.NewDecoder(bytes.NewReader(env.P))
	dec.DisallowUnknownFields()
	if err := dec.Decode(key); err != nil {
		return fmt.Errorf("%w: key: %v", ErrInvalid, err)
	}
	return nil
}

func (c *Codec) mac(kind, scope string, payload []byte) []byte {
	h := hmac.New(sha256.New, c.key)
	fmt.Fprintf(h, "prontuario-cursor\x00%d\x00%d:%s\x00%d:%s\x00", version, len(kind), kind, len(scope), scope)
	h.Write(payload)
	return h.Sum(nil)
}
