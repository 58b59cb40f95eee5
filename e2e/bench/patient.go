package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// PatientQuery reads a patient with up to 100 encounters and, for each, the
// current state of every record the four services keep: what the API
// composition assembles from their GET endpoints.
const PatientQuery = `query($id: ID!) { patient(id: $id) { id name birthDate sex
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

// Summary counts what a patient's history holds: two answers with the same
// summary are taken to be the same answer.
type Summary struct {
	Encounters, Triaged, Closed             int
	Prescriptions, Items                    int
	LabOrders, LabResults, Studies, Reports int
}

// graphQLPatient is the answer to PatientQuery, decoded as a client would.
type graphQLPatient struct {
	Patient *struct {
		ID, Name, BirthDate, Sex string
		Encounters               struct {
			TotalCount int
			Edges      []struct{ Node graphQLEncounter }
		}
	}
}

type graphQLEncounter struct {
	ID, PatientID, Status, OpenedAt, Disposition, Reason string
	ClosedAt                                             *time.Time
	Version                                              int64
	Triage                                               *struct {
		Acuity                int
		ChiefComplaint, Nurse string
		AssessedAt            time.Time
		VitalSigns            map[string]float64
	}
	Prescriptions []struct {
		ID, Status string
		IssuedAt   time.Time
		Version    int64
		Prescriber map[string]string
		Items      []struct {
			MedicationCode, MedicationName, MedicationClass, Dose, Route, Frequency string
			Times                                                                   []string
		}
	}
	LabOrders []struct {
		ID, OrderedBy string
		OrderedAt     time.Time
		Version       int64
		Tests         []map[string]string
		Results       []struct {
			Code, Name, Unit, Status, Interpretation, Performer string
			Value                                               float64
			ResultedAt                                          time.Time
			ReferenceRange                                      map[string]float64
		}
	}
	ImagingStudies []struct {
		ID, Status, Modality, ProcedureCode, BodySite, OrderedBy, StudyInstanceUID, Technologist string
		OrderedAt                                                                                time.Time
		PerformedAt                                                                              *time.Time
		Version                                                                                  int64
		Report                                                                                   *struct {
			Findings, Impression, Radiologist, Status string
			FinalizedAt                               time.Time
		}
	}
}

// Patient runs PatientQuery and summarizes the answer.
func (g GraphQL) Patient(ctx context.Context, id string) (Summary, error) {
	a, err := g.Do(ctx, PatientQuery, map[string]any{"id": id}, nil)
	if err != nil {
		return Summary{}, err
	}
	var p graphQLPatient
	if err := json.Unmarshal(a.Data, &p); err != nil {
		return Summary{}, fmt.Errorf("patient %s: decode: %w", id, err)
	}
	if p.Patient == nil {
		return Summary{}, fmt.Errorf("patient %s: not found", id)
	}
	var s Summary
	for _, e := range p.Patient.Encounters.Edges {
		n := e.Node
		s.Encounters++
		s.Triaged += boolInt(n.Triage != nil)
		s.Closed += boolInt(n.ClosedAt != nil)
		s.Prescriptions += len(n.Prescriptions)
		for _, rx := range n.Prescriptions {
			s.Items += len(rx.Items)
		}
		s.LabOrders += len(n.LabOrders)
		for _, o := range n.LabOrders {
			s.LabResults += len(o.Results)
		}
		s.Studies += len(n.ImagingStudies)
		for _, st := range n.ImagingStudies {
			s.Reports += boolInt(st.Report != nil)
		}
	}
	return s, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
