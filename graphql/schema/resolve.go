package schema

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/graphql/auth"
	"github.com/prontuario/prontuario/graphql/gqlerr"
)

// from adapts a function of the parent value to a resolver. A parent of
// another type is a bug of this package, reported as INTERNAL.
func from[S any](f func(S) any) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		s, ok := p.Source.(S)
		if !ok {
			return nil, gqlerr.NewInternal(fmt.Errorf("field %s.%s: parent is %T, want %T",
				p.Info.ParentType.Name(), p.Info.FieldName, p.Source, s))
		}
		return f(s), nil
	}
}

// clinical guards a field holding a clinical value: principals who may not
// read clinical values get null and a FORBIDDEN error at the field's path.
func clinical(resolve graphql.FieldResolveFn) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		who, err := principal(p.Context)
		if err != nil {
			return nil, err
		}
		if !who.MayReadClinicalValues() {
			return nil, gqlerr.New(gqlerr.Forbidden, fmt.Sprintf("role %s may not read clinical values", who.Role))
		}
		return resolve(p)
	}
}

// principal returns the caller the HTTP handler authenticated.
func principal(ctx context.Context) (auth.Principal, error) {
	p, ok := auth.FromContext(ctx)
	if !ok {
		return auth.Principal{}, gqlerr.New(gqlerr.Unauthenticated, "no authenticated principal")
	}
	return p, nil
}

// auditorOnly returns the caller when it may read audit data, else FORBIDDEN.
func auditorOnly(ctx context.Context, field string) (auth.Principal, error) {
	who, err := principal(ctx)
	if err != nil {
		return who, err
	}
	if !who.MayReadAudit() {
		return who, gqlerr.New(gqlerr.Forbidden, fmt.Sprintf("%s is for auditors only, not role %s", field, who.Role))
	}
	return who, nil
}

// maxIDLength bounds the ids a client may send.
const maxIDLength = 128

// idArg returns the ID argument name, or BAD_USER_INPUT when it is blank or too long.
func idArg(p graphql.ResolveParams, name string) (string, error) {
	id, _ := p.Args[name].(string)
	if strings.TrimSpace(id) == "" {
		return "", gqlerr.New(gqlerr.BadUserInput, fmt.Sprintf("%s must not be blank", name))
	}
	if len(id) > maxIDLength {
		return "", gqlerr.New(gqlerr.BadUserInput, fmt.Sprintf("%s is longer than %d characters", name, maxIDLength))
	}
	return id, nil
}

// storeError turns a store failure into INTERNAL, keeping the detail for
// the server's log; cancellation by the client stays recognizable.
func storeError(op string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return gqlerr.NewInternal(fmt.Errorf("%s: request ended: %w", op, err))
	}
	return gqlerr.NewInternal(fmt.Errorf("%s: %w", op, err))
}

// timeOrNil returns t, or nil (GraphQL null) when t is the zero time.
func timeOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// ptrTime returns *t, or nil when t is nil or zero.
func ptrTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return timeOrNil(*t)
}

// stringOrNil returns s, or nil when s is empty.
func stringOrNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nonNull(t graphql.Output) graphql.Output { return graphql.NewNonNull(t) }

func listOf(t graphql.Output) graphql.Output {
	return graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(t)))
}
