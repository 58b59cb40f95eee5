package idempotency_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/prontuario/prontuario/internal/idempotency"
)

func TestNewKeyRejectsKeysThatAreEmptyTooLongOrNotPrintable(t *testing.T) {
	t.Parallel()
	for name, value := range map[string]string{
		"empty":     "",
		"too_long":  strings.Repeat("k", idempotency.MaxKeyLength+1),
		"control":   "abc\ndef",
		"non_ascii": "clé",
	} {
		if _, err := idempotency.NewKey(value, "POST", "/x", nil); !errors.Is(err, idempotency.ErrInvalidKey) {
			t.Errorf("%s: NewKey = %v, want ErrInvalidKey", name, err)
		}
	}
	if _, err := idempotency.NewKey(strings.Repeat("k", idempotency.MaxKeyLength), "POST", "/x", nil); err != nil {
		t.Errorf("NewKey of the longest allowed key: %v", err)
	}
}

func TestRequestHashIgnoresJSONFormattingButNotContent(t *testing.T) {
	t.Parallel()
	base, _ := idempotency.NewKey("k", "POST", "/v1/things", []byte(`{"a":1,"b":[1,2]}`))
	same, _ := idempotency.NewKey("k", "POST", "/v1/things", []byte("{ \"b\": [1, 2],\n  \"a\": 1 }"))
	if base.RequestHash != same.RequestHash {
		t.Error("re-serialised JSON body hashes differently")
	}
	for name, k := range map[string][3]string{
		"other_body":   {"POST", "/v1/things", `{"a":2,"b":[1,2]}`},
		"other_path":   {"POST", "/v1/others", `{"a":1,"b":[1,2]}`},
		"other_method": {"PUT", "/v1/things", `{"a":1,"b":[1,2]}`},
		"big_number":   {"POST", "/v1/things", `{"a":1.0000000000000000001,"b":[1,2]}`},
	} {
		other, _ := idempotency.NewKey("k", k[0], k[1], []byte(k[2]))
		if other.RequestHash == base.RequestHash {
			t.Errorf("%s: same hash as the original request", name)
		}
	}
}
