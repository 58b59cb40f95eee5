package idempotency

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
)

// MaxKeyLength is the longest Idempotency-Key accepted.
const MaxKeyLength = 255

// ErrInvalidKey is returned by NewKey for a key that is empty, too long or
// not printable ASCII.
var ErrInvalidKey = errors.New("invalid idempotency key")

// Key is a client's idempotency key bound to the request it came with.
type Key struct {
	// Value is the key as the client sent it.
	Value string
	// RequestHash identifies the request: method, path and body.
	RequestHash string
}

// NewKey validates value and binds it to the request. The body is hashed in
// canonical form when it is JSON (keys sorted, insignificant whitespace
// dropped), so a client that re-serialises the same request still matches.
func NewKey(value, method, path string, body []byte) (Key, error) {
	if value == "" || len(value) > MaxKeyLength {
		return Key{}, fmt.Errorf("%w: must be 1 to %d characters long", ErrInvalidKey, MaxKeyLength)
	}
	for i := 0; i < len(value); i++ {
		if value[i] < 0x20 || value[i] > 0x7e {
			return Key{}, fmt.Errorf("%w: must be printable ASCII", ErrInvalidKey)
		}
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n", method, path)
	h.Write(canonical(body))
	return Key{Value: value, RequestHash: hex.EncodeToString(h.Sum(nil))}, nil
}

// canonical re-encodes a JSON body with sorted keys; other bodies are kept.
func canonical(body []byte) []byte {
	var v any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil || dec.More() {
		return body
	}
	out, err := json.Marshal(v)
	if err != nil {
		return body
	}
	return out
}

type keyCtx struct{}

// WithKey returns a context carrying k, for [Record] to find.
func WithKey(ctx context.Context, k Key) context.Context {
	return context.WithValue(ctx, keyCtx{}, k)
}

// KeyFrom returns the key ctx carries, if any.
func KeyFrom(ctx context.Context) (Key, bool) {
	k, ok := ctx.Value(keyCtx{}).(Key)
	return k, ok
}
