package schema

import (
	"math"
	"strconv"
	"time"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
)

const dateLayout = "2006-01-02"

func newDateTime() *graphql.Scalar {
	parse := func(v any) any {
		s, ok := v.(string)
		if !ok {
			return nil
		}
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil || t.UTC().Year() < 1 || t.UTC().Year() > 9999 {
			return nil // years the stores cannot index
		}
		return t.UTC()
	}
	return graphql.NewScalar(graphql.ScalarConfig{
		Name:        "DateTime",
		Description: "An instant, as an RFC 3339 string with a time zone (e.g. 2026-03-02T10:00:00Z). Output is in UTC.",
		Serialize: func(v any) any {
			switch t := v.(type) {
			case time.Time:
				return t.UTC().Format(time.RFC3339Nano)
			case *time.Time:
				if t != nil {
					return t.UTC().Format(time.RFC3339Nano)
				}
			}
			return nil
		},
		ParseValue: parse,
		ParseLiteral: func(v ast.Value) any {
			if s, ok := v.(*ast.StringValue); ok {
				return parse(s.Value)
			}
			return nil
		},
	})
}

func newDate() *graphql.Scalar {
	parse := func(v any) any {
		s, ok := v.(string)
		if !ok {
			return nil
		}
		if _, err := time.Parse(dateLayout, s); err != nil {
			return nil
		}
		return s
	}
	return graphql.NewScalar(graphql.ScalarConfig{
		Name:        "Date",
		Description: "A calendar date, YYYY-MM-DD.",
		Serialize:   parse,
		ParseValue:  parse,
		ParseLiteral: func(v ast.Value) any {
			if s, ok := v.(*ast.StringValue); ok {
				return parse(s.Value)
			}
			return nil
		},
	})
}

func newLong() *graphql.Scalar {
	parse := func(v any) any {
		switch n := v.(type) {
		case int:
			return int64(n)
		case int64:
			return n
		case float64:
			if n == math.Trunc(n) && math.Abs(n) < 1<<53 {
				return int64(n)
			}
		}
		return nil
	}
	return graphql.NewScalar(graphql.ScalarConfig{
		Name:        "Long",
		Description: "A 64-bit integer (Kafka offsets, event counts), as a JSON number.",
		Serialize: func(v any) any {
			switch n := v.(type) {
			case int64:
				return n
			case int32:
				return int64(n)
			case int:
				return int64(n)
			}
			return nil
		},
		ParseValue: parse,
		ParseLiteral: func(v ast.Value) any {
			if i, ok := v.(*ast.IntValue); ok {
				if n, err := strconv.ParseInt(i.Value, 10, 64); err == nil {
					return n
				}
			}
			return nil
		},
	})
}
