package httpx

import (
	"context"
	"strings"
)

// RouteUnmatched is the route label of requests no route matched.
const RouteUnmatched = "unmatched"

// routeSlot is where the handler that matched a request writes its route
// pattern, for the middleware outside it ([Instrument]) to read afterwards:
// the inner request is a copy (r.WithContext), so r.Pattern set on it is
// not seen from outside.
type routeSlot struct{ pattern string }

type routeKey struct{}

func withRouteSlot(ctx context.Context) (context.Context, *routeSlot) {
	s := &routeSlot{}
	return context.WithValue(ctx, routeKey{}, s), s
}

// recordRoute notes the pattern that matched, if an [Instrument] asked for it.
func recordRoute(ctx context.Context, pattern string) {
	if s, ok := ctx.Value(routeKey{}).(*routeSlot); ok && s.pattern == "" {
		s.pattern = pattern
	}
}

// routeLabel is the path part of a ServeMux pattern ("POST /v1/x/{id}" ->
// "/v1/x/{id}"; the method is a label of its own), or RouteUnmatched.
func routeLabel(pattern string) string {
	if pattern == "" {
		return RouteUnmatched
	}
	if i := strings.IndexByte(pattern, ' '); i >= 0 {
		pattern = strings.TrimLeft(pattern[i+1:], " \t")
	}
	return pattern
}
