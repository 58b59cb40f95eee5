package sdl

import (
	"testing"

	"github.com/graphql-go/graphql"
)

func TestPrint(t *testing.T) {
	t.Parallel()
	color := graphql.NewEnum(graphql.EnumConfig{Name: "Color", Values: graphql.EnumValueConfigMap{
		"RED": {Value: "r", Description: "Warm."}, "BLUE": {Value: "b", DeprecationReason: "use RED"},
	}})
	thing := graphql.NewObject(graphql.ObjectConfig{Name: "Thing", Description: "A \"\"\"quoted\"\"\" thing.\nTwo lines.", Fields: graphql.Fields{
		"color": {Type: graphql.NewNonNull(color)},
		"named": {Type: graphql.String, Description: `Ends with "a quote"`},
	}})
	query := graphql.NewObject(graphql.ObjectConfig{Name: "Query", Fields: graphql.Fields{
		"thing": {Type: thing, Args: graphql.FieldConfigArgument{"id": {Type: graphql.NewNonNull(graphql.ID)}, "n": {Type: graphql.Int, DefaultValue: 3}}},
		"find": {Type: graphql.NewList(thing), Args: graphql.FieldConfigArgument{
			"q": {Type: graphql.String, Description: "Words.", DefaultValue: "x"},
		}},
	}})
	s, err := graphql.NewSchema(graphql.SchemaConfig{Query: query})
	if err != nil {
		t.Fatal(err)
	}
	want := `type Query {
  find(
    """Words."""
    q: String = "x"
  ): [Thing]
  thing(id: ID!, n: Int = 3): Thing
}

enum Color {
  BLUE @deprecated(reason: "use RED")
  """Warm."""
  RED
}

"""
A \"""quoted\""" thing.
Two lines.
"""
type Thing {
  color: Color!
  """
  Ends with "a quote"
  """
  named: String
}
`
	if got := Print(&s); got != want {
		t.Errorf("Print =\n%s\nwant\n%s", got, want)
	}
}
