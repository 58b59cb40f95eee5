// Package study is the imaging service's domain: an imaging study (FHIR
// ImagingStudy) from its order through its acquisition to the
// radiologist's report (FHIR DiagnosticReport) and the report's amendments.
//
// Types have unexported fields and validating constructors. Commands
// report every invalid field at once in a *ValidationError whose field
// names are those of the service's JSON API ("studyInstanceUid"); a change
// the study's state forbids (reporting before the study was performed,
// performing it twice) is an error wrapping ErrConflict.
//
// The full state of a study is the contracts.ImagingStudyState its events
// carry ([Study.State]); the repository stores it and rebuilds the study
// with [Restore].
package study
