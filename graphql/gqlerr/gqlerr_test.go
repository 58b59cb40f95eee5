package gqlerr

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
)

func TestExtensionsCarryTheCodeAndExtras(t *testing.T) {
	t.Parallel()
	e := &Error{Code: QueryTooComplex, Message: "too deep", Extra: map[string]any{"limit": 12, "code": "overridden?"}}
	want := map[string]any{"code": "QUERY_TOO_COMPLEX", "limit": 12}
	if got := e.Extensions(); !reflect.DeepEqual(got, want) {
		t.Errorf("Extensions() = %v, want %v", got, want)
	}
}

func TestInternalErrorsHideTheirCause(t *testing.T) {
	t.Parallel()
	cause := errors.New("pq: connection refused to 10.0.0.5")
	err := fmt.Errorf("read patient: %w", NewInternal(cause))
	if CodeOf(err) != Internal {
		t.Errorf("CodeOf = %q, want INTERNAL", CodeOf(err))
	}
	if !errors.Is(err, cause) {
		t.Error("the cause is not in the chain for the server's log")
	}
	var e *Error
	if !errors.As(err, &e) || e.Error() != InternalMessage {
		t.Errorf("client message %q, want %q", e.Error(), InternalMessage)
	}
	if CodeOf(cause) != "" {
		t.Error("a plain error has a code")
	}
}
