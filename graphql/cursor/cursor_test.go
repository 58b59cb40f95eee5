package cursor

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"time"
)

type key struct {
	T  time.Time `json:"t"`
	ID string    `json:"id"`
}

func TestCursorsRoundTrip(t *testing.T) {
	t.Parallel()
	c, err := New(bytes.Repeat([]byte("k"), MinKeyLength))
	if err != nil {
		t.Fatal(err)
	}
	in := key{T: time.Date(2026, 3, 2, 10, 0, 0, 123456789, time.UTC), ID: "E-2001"}
	s, err := c.Encode("encounters", "P-1001", in)
	if err != nil {
		t.Fatal(err)
	}
	var out key
	if err := c.Decode(s, "encounters", "P-1001", &out); err != nil {
		t.Fatal(err)
	}
	if !out.T.Equal(in.T) || out.ID != in.ID {
		t.Errorf("decoded %+v, want %+v", out, in)
	}
	if strings.Contains(s, "P-1001") {
		t.Errorf("cursor %s carries its scope", s)
	}
}

func TestCursorsRejectEverythingTheyDidNotMake(t *testing.T) {
	t.Parallel()
	c, err := New(bytes.Repeat([]byte("k"), MinKeyLength))
	if err != nil {
		t.Fatal(err)
	}
	other, err := NewRandom()
	if err != nil {
		t.Fatal(err)
	}
	good, err := c.Encode("encounters", "P-1001", key{ID: "E-1"})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := base64.RawURLEncoding.DecodeString(good)
	edited := base64.RawURLEncoding.EncodeToString(bytes.Replace(raw, []byte("E-1"), []byte("E-9"), 1))
	fromOther, _ := other.Encode("encounters", "P-1001", key{ID: "E-1"})
	v2 := base64.RawURLEncoding.EncodeToString(bytes.Replace(raw, []byte(`"v":1`), []byte(`"v":2`), 1))
	extra, _ := c.Encode("encounters", "P-1001", map[string]any{"id": "E-1", "admin": true})
	cases := map[string]struct{ cursor, kind, scope string }{
		"edited_key":         {edited, "encounters", "P-1001"},
		"other_scope":        {good, "encounters", "P-1002"},
		"other_kind":         {good, "patients", "P-1001"},
		"other_key":          {fromOther, "encounters", "P-1001"},
		"other_version":      {v2, "encounters", "P-1001"},
		"unknown_key_fields": {extra, "encounters", "P-1001"},
		"garbage":            {"!!!", "encounters", "P-1001"},
		"base64_of_garbage":  {base64.RawURLEncoding.EncodeToString([]byte("hello")), "encounters", "P-1001"},
		"empty":              {"", "encounters", "P-1001"},
		"too_long":           {strings.Repeat("A", 3000), "encounters", "P-1001"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			var k key
			if err := c.Decode(tc.cursor, tc.kind, tc.scope, &k); !errors.Is(err, ErrInvalid) {
				t.Errorf("Decode = %v, want ErrInvalid", err)
			}
		})
	}
}

func TestKeysMustBeLongEnough(t *testing.T) {
	t.Parallel()
	if _, err := New([]byte("short")); err == nil {
		t.Error("New accepted a 5-byte key")
	}
}

// FuzzDecode checks that no input makes Decode panic or accept a key the
// codec did not sign.
func FuzzDecode(f *testing.F) {
	c, err := New(bytes.Repeat([]byte("k"), MinKeyLength))
	if err != nil {
		f.Fatal(err)
	}
	good, err := c.Encode("k", "s", key{ID: "x"})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add("eyJ2IjoxfQ")
	f.Fuzz(func(t *testing.T, s string) {
		var k key
		if err := c.Decode(s, "k", "s", &k); err == nil && k != (key{ID: "x"}) {
			t.Fatalf("accepted a key it did not sign: %+v from %q", k, s)
		}
	})
}
