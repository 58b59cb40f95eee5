package outbox

import (
	"encoding/json"
	"maps"
	"testing"
)

func TestDecodeHeadersAgreesWithEncodingJSON(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`{}`, ` { } `, `{"a":"b"}`, `{"ce_id":"01900000-0000-7000-8000-000000000002","ce_subject":"P-1001","":""}`,
		`{"a":"b" , "c" : "d"}`, `{"a":"<b>"}`, `{"a":"\u003cb\u003e"}`, `{"a":"é ü"}`, `{"a":"line\nbreak"}`,
		`{"a":"b","a":"c"}`,
	} {
		got, err := decodeHeaders([]byte(in))
		var want map[string]string
		if wantErr := json.Unmarshal([]byte(in), &want); err != nil || wantErr != nil || !maps.Equal(got, want) {
			t.Errorf("decodeHeaders(%s) = %v, %v; encoding/json gives %v, %v", in, got, err, want, wantErr)
		}
	}
}

func TestDecodeHeadersRejectsWhatIsNotAFlatObjectOfStrings(t *testing.T) {
	t.Parallel()
	for _, in := range []string{``, `[]`, `{"a":1}`, `{"a":"b"`, `{"a":"b"} x`, `{"a" "b"}`, `{"a":"b",}`, `{"a":{"b":"c"}}`} {
		if m, err := decodeHeaders([]byte(in)); err == nil {
			t.Errorf("decodeHeaders(%s) = %v, want an error", in, m)
		}
	}
}

func FuzzDecodeHeadersAgreesWithEncodingJSON(f *testing.F) {
	for _, s := range []string{`{"a":"b"}`, `{"a":"\"q\""}`, `{}`, `{"a":"b","c":"d"}`, `{"a":"b",}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		got, err := decodeHeaders(in)
		var want map[string]string
		wantErr := json.Unmarshal(in, &want)
		if (err == nil) != (wantErr == nil) || (err == nil && !maps.Equal(got, want)) {
			t.Errorf("decodeHeaders(%q) = %v, %v; encoding/json gives %v, %v", in, got, err, want, wantErr)
		}
	})
}
