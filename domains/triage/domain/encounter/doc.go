// Package encounter is the triage service's domain: an encounter
// ("atendimento") from the patient's arrival to its disposition, with the
// triage assessments made along the way.
//
// Types have unexported fields and validating constructors: a *Patient,
// *Vitals or *Assessment that exists is valid. Constructors and commands
// report every invalid field at once in a *ValidationError, whose field
// names are those of the service's JSON API ("vitals.heartRate"). A change
// the encounter's state forbids (triaging or closing a closed encounter)
// is an error wrapping ErrConflict.
//
// The full state of an encounter is the contracts.EncounterState its
// events carry ([Encounter.State]); the repository stores it as is and
// rebuilds the encounter with [Restore]. This package imports nothing else
// of ours.
package encounter
