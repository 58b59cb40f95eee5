package schema

import (
	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/aggregator/history"
)

// recordNode is what the Prescription, LabOrder and ImagingStudy types
// resolve from: one version of a source record and, for the current
// version, the versions it superseded.
type recordNode[T any] struct {
	id         string
	version    history.Version[T]
	superseded []history.Version[T]
	// prior are the record's versions before version, ascending: what,
	// with version, the provenance of its sub-records derives from.
	prior []history.Version[T]
}

// currentNodes returns the current version of each record.
func currentNodes[T any](records []history.Record[T]) []recordNode[T] {
	out := make([]recordNode[T], len(records))
	for i, r := range records {
		out[i] = recordNode[T]{id: r.ID, version: r.Current, superseded: r.Superseded, prior: r.Superseded}
	}
	return out
}

// state adapts a function of a record's state to a resolver.
func state[T any](f func(T) any) graphql.FieldResolveFn {
	return from(func(n recordNode[T]) any { return f(n.version.State) })
}

// stateWithVersions adapts a function of a record's state, of the
// versions before it and of its version (for sub-records' provenance) to
// a resolver.
func stateWithVersions[T any](f func(s T, prior []history.Version[T], last history.Version[T]) any) graphql.FieldResolveFn {
	return from(func(n recordNode[T]) any { return f(n.version.State, n.prior, n.version) })
}

// recordFields are the fields every record type has besides its state:
// its id, version, provenance and superseded versions (of type self).
func recordFields[T any](b *builder, self *graphql.Object, what string) {
	self.AddFieldConfig("id", &graphql.Field{
		Type:    nonNull(graphql.ID),
		Resolve: from(func(n recordNode[T]) any { return n.id }),
	})
	self.AddFieldConfig("version", &graphql.Field{
		Type:        nonNull(b.long),
		Description: "Version of the " + what + " in its source service; grows by one per change.",
		Resolve:     from(func(n recordNode[T]) any { return n.version.Provenance.RecordVersion }),
	})
	self.AddFieldConfig("provenance", &graphql.Field{
		Type:    nonNull(b.provenance),
		Resolve: from(func(n recordNode[T]) any { return n.version.Provenance }),
	})
	self.AddFieldConfig("supersededVersions", &graphql.Field{
		Type: listOf(self),
		Description: "Earlier versions of this " + what + ", oldest first, kept for audit. " +
			"Empty on a superseded version itself.",
		Resolve: from(func(n recordNode[T]) any {
			out := make([]recordNode[T], len(n.superseded))
			for i, v := range n.superseded {
				out[i] = recordNode[T]{id: n.id, version: v, prior: n.superseded[:i:i]}
			}
			return out
		}),
	})
}
