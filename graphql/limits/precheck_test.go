package limits

import (
	"errors"
	"strings"
	"testing"

	"github.com/graphql-go/graphql/language/parser"
)

func TestNesting(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat("{", MaxNesting+1) + strings.Repeat("}", MaxNesting+1)
	var tc *TooComplexError
	if err := Nesting(deep); !errors.As(err, &tc) || tc.Actual != MaxNesting+1 {
		t.Errorf("Nesting(%d levels) = %v", MaxNesting+1, err)
	}
	for _, ok := range []string{
		`{ a(s: "` + strings.Repeat("{", 200) + `") }`,
		`{ a(s: """` + strings.Repeat("[", 200) + `""") }`,
		"{ a # " + strings.Repeat("(", 200) + "\n }",
		strings.Repeat("{", MaxNesting),
	} {
		if err := Nesting(ok); err != nil {
			t.Errorf("Nesting counted brackets in strings or comments: %v", err)
		}
	}
}

func TestFragmentCycles(t *testing.T) {
	t.Parallel()
	for src, cyclic := range map[string]bool{
		`{ ...A } fragment A on Query { ...A }`: true,
		`{ ...A } fragment A on Query { item { ...B } } fragment B on Item { ...C } fragment C on Item { child { ...B } }`: true,
		`{ ...A } fragment A on Query { ... on Query { ...A } }`:                                                           true,
		`{ ...A ...B } fragment A on Query { ...B } fragment B on Query { item { name } }`:                                 false,
		`{ ...Missing }`: false,
	} {
		doc, err := parser.Parse(parser.ParseParams{Source: src})
		if err != nil {
			t.Fatal(err)
		}
		var fc *FragmentCycleError
		if err := FragmentCycles(doc); errors.As(err, &fc) != cyclic {
			t.Errorf("FragmentCycles(%s) = %v, want cyclic %v", src, err, cyclic)
		}
	}
}
