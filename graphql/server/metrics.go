package server

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/prontuario/prontuario/graphql/gqlerr"
)

// Metrics are the API's Prometheus instruments. Labels take bounded
// values: root fields the schema defines (a document naming others is
// rejected before it is measured) and error codes. Safe for concurrent use;
// a nil *Metrics records nothing.
type Metrics struct {
	duration *prometheus.HistogramVec
	errors   *prometheus.CounterVec
}

// NewMetrics creates prontuario_graphql_request_duration_seconds{field} and
// prontuario_graphql_errors_total{code} and registers them with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "prontuario_graphql_request_duration_seconds",
			Help: "Time to answer a GraphQL request that reached execution, by the root fields it selected " +
				"(a request selecting several counts once under each).",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"field"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "prontuario_graphql_errors_total",
			Help: "Errors in GraphQL responses, by extensions.code (UNAUTHENTICATED, BAD_USER_INPUT, INTERNAL, ...).",
		}, []string{"code"}),
	}
	reg.MustRegister(m.duration, m.errors)
	return m
}

// observe records one answered request.
func (m *Metrics) observe(resp response, took time.Duration) {
	if m == nil {
		return
	}
	for _, f := range resp.fields {
		m.duration.WithLabelValues(f).Observe(took.Seconds())
	}
	for _, e := range resp.errors {
		m.errors.WithLabelValues(codeLabel(e.code())).Inc()
	}
}

// codeLabel is code when it is one of the API's, else INTERNAL: sanitize
// gives every error a code, so any other value is a bug, not client input.
func codeLabel(code gqlerr.Code) string {
	switch code {
	case gqlerr.Unauthenticated, gqlerr.Forbidden, gqlerr.BadUserInput, gqlerr.NotFound, gqlerr.QueryTooComplex, gqlerr.Internal:
		return string(code)
	}
	return string(gqlerr.Internal)
}
