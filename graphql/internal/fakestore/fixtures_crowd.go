package fakestore

import (
	"fmt"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// Crowd returns a store holding n patients ("P-5000", "P-5001", ...), each
// with two encounters: the shape of a page of patients whose encounters a
// client reads, for the tests that count store reads.
func Crowd(n int) (*Store, error) {
	w := &world{offsets: map[string]int64{}}
	for i := range n {
		pid := fmt.Sprintf("P-5%03d", i)
		patient := contracts.Patient{ID: pid, Name: fmt.Sprintf("Crowd Patient %d", i), BirthDate: "1970-01-01", Sex: "other"}
		for j := range 2 {
			arrived := day(2025, 1, 1, 8, 0).Add(time.Duration(i*2+j) * time.Hour)
			visit := contracts.EncounterState{PatientID: pid, EncounterID: fmt.Sprintf("E-5%03d-%d", i, j), Patient: patient,
				ArrivedAt: arrived, Reason: "Check-up", Status: contracts.EncounterStatusOpen}
			w.emit(contracts.EncounterOpened{EncounterState: visit}, 1, arrived, "nurse", "N-1")
		}
	}
	if w.err != nil {
		return nil, w.err
	}
	s := New()
	if err := s.Apply(w.deliveries...); err != nil {
		return nil, err
	}
	return s, nil
}
