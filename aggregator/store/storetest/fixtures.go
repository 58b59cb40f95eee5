package storetest

import (
	"fmt"
	"time"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/contracts"
)

// t0 is the arrival of the first test encounter. Test times carry
// nanoseconds, which a store must keep.
var t0 = time.Date(2026, 3, 2, 10, 0, 0, 123456789, time.UTC)

// at is t0 plus some minutes.
func at(minutes int) time.Time { return t0.Add(time.Duration(minutes) * time.Minute) }

// provenance is where a record version came from: event n of source.
func provenance(source contracts.Source, n int, occurredAt time.Time) history.Provenance {
	return history.Provenance{
		EventID:       fmt.Sprintf("01900000-0000-7000-8000-%012d", n),
		EventType:     "org.prontuario.test.Event.v1",
		SchemaVersion: 1,
		RecordVersion: int64(n%7 + 1),
		Source:        source,
		Topic:         source.Topic(),
		Partition:     int32(n % 4),
		Offset:        int64(1000 + n),
		OccurredAt:    occurredAt,
		RecordedAt:    occurredAt.Add(time.Millisecond),
		IngestedAt:    occurredAt.Add(1500 * time.Millisecond),
		Actor:         contracts.Actor{ID: "N-17", Role: "nurse"},
		CorrelationID: "corr-1",
	}
}

// patient is a patient with demographics and the given encounters.
func patient(id, name, birthDate string, encounterIDs ...string) history.Patient {
	return history.Patient{
		ID: id,
		Demographics: &history.Demographics{
			Name: name, BirthDate: birthDate, Sex: "female",
			From: provenance(contracts.SourceTriage, 1, at(0)),
		},
		EncounterIDs: append([]string{}, encounterIDs...),
		UpdatedAt:    at(90),
	}
}

// encounter is a bare encounter of the patient, sorted at sortTime.
func encounter(id, patientID string, sortTime time.Time) history.Encounter {
	return history.Encounter{
		ID: id, PatientID: patientID, Status: history.StatusUnknown, SortTime: sortTime,
		Prescriptions:  []history.Record[contracts.PrescriptionState]{},
		LabOrders:      []history.Record[contracts.LabOrderState]{},
		ImagingStudies: []history.Record[contracts.ImagingStudyState]{},
		Missing:        []string{history.MissingEncounter, history.MissingTriage},
		UpdatedAt:      sortTime,
	}
}

// billable is a lab test billable item of the encounter on the given date.
func billable(id, encounterID string, serviceDate time.Time) history.BillableItem {
	return history.BillableItem{
		ID: id, Kind: history.BillableLabTest, PatientID: "P-1", EncounterID: encounterID,
		RecordID: "LO-1", Code: "718-7", Description: "Hemoglobin", Quantity: 1,
		ServiceDate: serviceDate, OrderingProvider: "PR-1", PerformingProvider: "LAB-7",
		Status: contracts.ResultStatusFinal,
	}
}

// audit is the audit entry of event n of source, about the patient.
func audit(patientID string, source contracts.Source, n int, occurredAt time.Time) history.AuditEntry {
	p := provenance(source, n, occurredAt)
	return history.AuditEntry{
		PatientID: patientID, EncounterID: "E-1", AggregateID: "LO-1", Provenance: p,
		Summary: fmt.Sprintf("LabResultRecorded lab order LO-1 v%d by labtech:LAB-9", p.RecordVersion),
	}
}

// deadLetter is the dead letter of a message at offset of source's topic.
func deadLetter(source contracts.Source, partition int32, offset int64) history.DeadLetter {
	topic := source.Topic()
	return history.DeadLetter{
		ID: fmt.Sprintf("%s/%d/%d", topic, partition, offset), Source: source, Topic: topic,
		Partition: partition, Offset: offset, Kind: "schema", Reason: "missing field patientId", At: at(5),
	}
}

// access is an access log entry; ids sort in the order of n.
func access(n int, patientID string) history.AccessEntry {
	return history.AccessEntry{
		ID: fmt.Sprintf("01900000-0000-7000-9000-%012d", n), At: at(n), Subject: "dr-house",
		Role: "physician", RootField: "patient", PatientID: patientID,
	}
}
