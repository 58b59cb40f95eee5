package ports

import (
	"errors"
	"testing"

	"github.com/prontuario/prontuario/internal/httpx"
)

// checkDecoded fails unless err is nil or a 400/422 problem: a decoder
// never panics and never fails in another way.
func checkDecoded(t *testing.T, body []byte, err error) {
	t.Helper()
	var p *httpx.Problem
	if err != nil && (!errors.As(err, &p) || (p.Status != 400 && p.Status != 422)) {
		t.Errorf("decoding %q: %v, want nil or a 400/422 problem", body, err)
	}
}

func fuzzDecoder(f *testing.F, seeds []string, decode func([]byte) error) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) { checkDecoded(t, body, decode(body)) })
}

func FuzzDecodeOrderStudy(f *testing.F) {
	fuzzDecoder(f, []string{
		`{"patientId":"P-1","encounterId":"E-1","modality":"CT","procedureCode":"CTCHEST","bodySite":"Chest","orderedBy":"PR-1","orderedAt":"2026-03-02T10:35:00Z"}`,
		`{"modality":["CT"]}`, `{"orderedAt":12}`, `{}`, `nul`, ``,
	}, func(b []byte) error { _, err := decodeOrderStudy(b); return err })
}

func FuzzDecodeRecordPerformed(f *testing.F) {
	fuzzDecoder(f, []string{
		`{"studyInstanceUid":"1.2.3","technologist":"T-1","performedAt":"2026-03-02T11:00:00Z"}`, `{"performedAt":"soon"}`, `{"studyInstanceUid":1.2}`,
	}, func(b []byte) error { _, err := decodeRecordPerformed("IS-1", b); return err })
}

func FuzzDecodeFinalizeReport(f *testing.F) {
	fuzzDecoder(f, []string{
		`{"findings":"x","impression":"y","radiologist":"R-1","finalizedAt":"2026-03-02T11:45:00Z"}`, `{"findings":{}}`, `{"finalizedAt":"2026-02-30T00:00:00Z"}`,
	}, func(b []byte) error { _, err := decodeFinalizeReport("IS-1", b); return err })
}

func FuzzDecodeAmendReport(f *testing.F) {
	fuzzDecoder(f, []string{
		`{"impression":"y","reason":"r","radiologist":"R-1","amendedAt":"2026-03-02T13:00:00Z"}`, `{"findings":null}`, `{"reason":["a"]}`, `{"findings":"`,
	}, func(b []byte) error { _, err := decodeAmendReport("IS-1", b); return err })
}
