package schema

import (
	"encoding/json"

	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/aggregator/history"
)

// introducedBy returns the provenance of the version of a record that gave
// one of its sub-records (a triage, a lab result, a correction, a report,
// an amendment) the value want. last is the version the sub-record is read
// from and prior the record's versions before it, ascending; find returns
// the sub-record in one version's state, if that version has it.
//
// The answer is the earliest version of the last run of consecutive
// versions in which the sub-record equals want: later versions that left it
// unchanged (a result added to another test of the order) do not count as
// its origin, and a value that changed and came back dates from its
// return. ok is false when no version holds want. Values are compared by
// their JSON encoding, the form the read model stores them in. It is pure.
func introducedBy[T, S any](prior []history.Version[T], last history.Version[T], find func(T) (S, bool), want S) (prov history.Provenance, ok bool) {
	target, err := json.Marshal(want)
	if err != nil {
		return history.Provenance{}, false
	}
	for i := len(prior); i >= 0; i-- {
		v := last
		if i < len(prior) {
			v = prior[i]
		}
		got, has := find(v.State)
		same := false
		if has {
			b, err := json.Marshal(got)
			same = err == nil && string(b) == string(target)
		}
		switch {
		case same:
			prov, ok = v.Provenance, true
		case ok:
			return prov, true // the run ended: prov is its earliest version
		}
	}
	return prov, ok
}

// subNode is what a sub-record type resolves from: its value, the version
// of its record it was read from and the versions before that one, from
// which its provenance is derived on demand (nothing is computed or
// allocated for it unless the provenance is selected).
type subNode[T, S any] struct {
	value S
	prior []history.Version[T]
	last  history.Version[T]
	find  func(T) (S, bool)
}

// subNodes makes the nodes of values, all read from version last (after
// prior), each found in a version by findAt(i).
func subNodes[T, S any](values []S, prior []history.Version[T], last history.Version[T], findAt func(i int) func(T) (S, bool)) []subNode[T, S] {
	out := make([]subNode[T, S], len(values))
	for i, v := range values {
		out[i] = subNode[T, S]{value: v, prior: prior, last: last, find: findAt(i)}
	}
	return out
}

// sub adapts a function of a sub-record's value to a resolver.
func sub[T, S any](f func(S) any) graphql.FieldResolveFn {
	return from(func(n subNode[T, S]) any { return f(n.value) })
}

// provenanceField is the provenance field of a sub-record type: the
// version of its record that gave it its value. It is nullable only where
// the doc says so (a superseded value whose version is not kept).
func provenanceField[T, S any](b *builder, nullable bool, description string) *graphql.Field {
	t := graphql.Output(b.provenance)
	if !nullable {
		t = nonNull(b.provenance)
	}
	return &graphql.Field{
		Type:        t,
		Description: description,
		Resolve: from(func(n subNode[T, S]) any {
			p, ok := introducedBy(n.prior, n.last, n.find, n.value)
			if !ok {
				return nil
			}
			return p
		}),
	}
}
