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

func FuzzDecodeOpenEncounter(f *testing.F) {
	for _, s := range []string{
		`{"encounterId":"E-1","patient":{"id":"P-1","name":"Ana","birthDate":"1990-01-01","sex":"female"},"arrivedAt":"2026-03-02T10:00:00Z"}`,
		`{"patient":null,"arrivedAt":"yesterday"}`, `{"patient":{"id":7}}`, `{}`, `[]`, `{"reason":"\u0000"}`, ``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		_, err := decodeOpenEncounter(body)
		checkDecoded(t, body, err)
	})
}

func FuzzDecodeRecordTriage(f *testing.F) {
	for _, s := range []string{
		`{"acuity":3,"chiefComplaint":"x","nurseId":"N-1","assessedAt":"2026-03-02T10:00:00Z","vitals":{"heartRate":80,"systolic":120,"diastolic":80,"respiratoryRate":16,"temperatureC":36.6,"spo2":98,"painScore":2}}`,
		`{"acuity":1e400}`, `{"vitals":{"temperatureC":"hot"}}`, `{"vitals":[]}`, `{"acuity":-1,"vitals":{}}`, `null`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		_, err := decodeRecordTriage("E-1", body)
		checkDecoded(t, body, err)
	})
}

func FuzzDecodeCloseEncounter(f *testing.F) {
	for _, s := range []string{
		`{"disposition":"admitted","closedAt":"2026-03-02T11:00:00Z"}`, `{"closedAt":"2026-13-45T99:99:99Z"}`, `{"disposition":1}`, `{`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		_, err := decodeCloseEncounter("E-1", body)
		checkDecoded(t, body, err)
	})
}
