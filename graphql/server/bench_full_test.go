package server_test

import (
	"testing"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/internal/fakestore"
	"github.com/prontuario/prontuario/graphql/limits"
	"github.com/prontuario/prontuario/graphql/server"
)

// fullPatientQuery is e2e/bench's PatientQuery: every record of each of
// the patient's encounters, what the API composition assembles.
const fullPatientQuery = `query($id: ID!) { patient(id: $id) { id name birthDate sex
  encounters(first: 100) { totalCount edges { node {
    id patientId status openedAt closedAt disposition reason version
    triage { acuity chiefComplaint nurse assessedAt
      vitalSigns { heartRate systolic diastolic respiratoryRate temperatureC spo2 painScore } }
    prescriptions { id status issuedAt version prescriber { id name specialty license }
      items { medicationCode medicationName medicationClass dose route frequency times } }
    labOrders { id orderedAt orderedBy version tests { code name }
      results { code name value unit status interpretation performer resultedAt referenceRange { low high } } }
    imagingStudies { id status modality procedureCode bodySite orderedAt orderedBy performedAt studyInstanceUid technologist version
      report { findings impression radiologist status finalizedAt } }
  } } } } }`

// BenchmarkPatientWith100FullEncounters is the end-to-end benchmark's
// query (row 4 of e2e/BENCHMARKS.md) in process: 100 complete visits,
// every record through its versions, on the SQLite store with the
// production durability (synchronous=FULL: the access log append waits
// for an fsync) and with NORMAL, to tell the write's share.
func BenchmarkPatientWith100FullEncounters(b *testing.B) {
	visits, err := fakestore.FullVisits("P-FULL", 100)
	if err != nil {
		b.Fatal(err)
	}
	for _, sync := range []string{"FULL", "NORMAL"} {
		b.Run("sync="+sync, func(b *testing.B) {
			h, _, _ := sqliteHarnessWith(b, server.Config{Limits: limits.Config{MaxNodes: 1_000_000}}, sync, visits...)
			vars := map[string]any{"id": "P-FULL"}
			d := h.query(auth.Clinician, fullPatientQuery, vars)
			if len(d.Errors) > 0 || len(list(b, d.Data, "patient", "encounters", "edges")) != 100 {
				b.Fatalf("the query does not return 100 encounters: %s", d.raw[:min(len(d.raw), 500)])
			}
			timeQueries(b, h, fullPatientQuery, vars)
		})
	}
}
