package contracts

import (
	"encoding/json"
	"fmt"
	"sort"
)

// registration describes one event type at one version.
type registration struct {
	source  Source
	version int
	// unmarshal decodes a body into the concrete payload type.
	unmarshal func(body []byte) (Payload, error)
}

func reg[T Payload](source Source, version int) registration {
	return registration{source: source, version: version, unmarshal: func(body []byte) (Payload, error) {
		var p T
		err := json.Unmarshal(body, &p)
		return p, err
	}}
}

// registry maps type -> version -> registration.
var registry = map[EventType]map[int]registration{
	TypeEncounterOpened:        {1: reg[EncounterOpened](SourceTriage, 1)},
	TypeTriageRecorded:         {1: reg[TriageRecorded](SourceTriage, 1)},
	TypeEncounterClosed:        {1: reg[EncounterClosed](SourceTriage, 1)},
	TypePrescriptionIssued:     {1: reg[PrescriptionIssued](SourcePrescription, 1)},
	TypePrescriptionCancelled:  {1: reg[PrescriptionCancelled](SourcePrescription, 1)},
	TypeLabOrderPlaced:         {1: reg[LabOrderPlaced](SourceLab, 1)},
	TypeLabResultRecorded:      {1: reg[LabResultRecorded](SourceLab, 1)},
	TypeLabResultCorrected:     {1: reg[LabResultCorrected](SourceLab, 1)},
	TypeImagingStudyOrdered:    {1: reg[ImagingStudyOrdered](SourceImaging, 1)},
	TypeImagingStudyPerformed:  {1: reg[ImagingStudyPerformed](SourceImaging, 1)},
	TypeImagingReportFinalized: {1: reg[ImagingReportFinalized](SourceImaging, 1)},
	TypeImagingReportAmended:   {1: reg[ImagingReportAmended](SourceImaging, 1)},
}

// SchemaVersion is a registered event type at one version.
type SchemaVersion struct {
	Type    EventType
	Version int
	Source  Source
}

// File is the name of the schema file under schemas/.
func (s SchemaVersion) File() string { return fmt.Sprintf("%s.v%d.json", s.Type, s.Version) }

// SchemaURL is the $id of the schema and the CloudEvents dataschema.
func (s SchemaVersion) SchemaURL() string { return schemaBaseURL + s.File() }

// CEType is the CloudEvents type attribute, e.g. "org.prontuario.lab.LabResultRecorded.v1".
func (s SchemaVersion) CEType() string { return ceType(s.Source, s.Type, s.Version) }

// Registered lists every event type and version this package knows, sorted by
// type then version.
func Registered() []SchemaVersion {
	var out []SchemaVersion
	for t, versions := range registry {
		for v, r := range versions {
			out = append(out, SchemaVersion{Type: t, Version: v, Source: r.source})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Type != out[j].Type {
			return out[i].Type < out[j].Type
		}
		return out[i].Version < out[j].Version
	})
	return out
}

// CurrentVersion is the version producers emit for an event type.
func CurrentVersion(t EventType) (int, bool) {
	best := 0
	for v := range registry[t] {
		if v > best {
			best = v
		}
	}
	return best, best > 0
}

// SourceOf returns the service that emits events of type t.
func SourceOf(t EventType) (Source, bool) {
	for _, r := range registry[t] {
		return r.source, true
	}
	return "", false
}
