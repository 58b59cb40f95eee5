package server

import (
	"slices"
	"testing"

	"github.com/graphql-go/graphql/language/parser"
)

func TestRootFieldsAreTheSelectedOperationsFieldNames(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, doc, operation string
		want                 []string
	}{
		{"one_field", `{ patient(id: "P-1") { id } }`, "", []string{"patient"}},
		{"aliases_count_once_by_name", `{ a: patient(id: "1") { id } b: patient(id: "2") { id } pipelineStatus { checkedAt } }`, "", []string{"patient", "pipelineStatus"}},
		{"named_operation_among_several", `query A { patient(id: "1") { id } } query B { auditTrail(patientId: "1") { totalCount } }`, "B", []string{"auditTrail"}},
		{"fragments_and_inline_fragments", `query { ...F ... on Query { encounter(id: "E") { id } } } fragment F on Query { ...G } fragment G on Query { patients { totalCount } }`, "", []string{"encounter", "patients"}},
		{"introspection", `{ __typename }`, "", []string{"__typename"}},
		{"unknown_operation", `query A { patient(id: "1") { id } }`, "Z", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parser.Parse(parser.ParseParams{Source: tc.doc})
			if err != nil {
				t.Fatal(err)
			}
			if got := rootFields(doc, tc.operation); !slices.Equal(got, tc.want) {
				t.Errorf("rootFields = %v, want %v", got, tc.want)
			}
		})
	}
}
