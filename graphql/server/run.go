package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"
	"github.com/graphql-go/graphql/language/source"

	"github.com/prontuario/prontuario/graphql/gqlerr"
	"github.com/prontuario/prontuario/graphql/limits"
	"github.com/prontuario/prontuario/graphql/schema"
)

// run checks the document, awaits events and executes: nothing resolves
// before the document passed every check.
func (h *Handler) run(ctx context.Context, r *http.Request, req request, media string) response {
	docError := http.StatusOK
	if media == mediaGraphQLResponse {
		docError = http.StatusBadRequest
	}
	doc, errs := h.check(ctx, req)
	if len(errs) > 0 {
		return requestFailed(docError, errs)
	}
	fields := rootFields(doc, req.OperationName)
	awaited, err := h.awaitEvents(ctx, r.Header.Values(awaitHeader))
	if err != nil {
		status := http.StatusBadRequest
		if gqlerr.CodeOf(err) == gqlerr.Internal {
			h.logInternal(ctx, err)
			status = http.StatusInternalServerError
		}
		resp := failed(status, err)
		resp.fields = fields
		return resp
	}
	var accesses *schema.AccessBatch
	if singleRootField(doc, req.OperationName) {
		ctx, accesses = schema.WithEagerAccessBatch(ctx, h.accessLog)
	} else {
		ctx, accesses = schema.WithAccessBatch(ctx)
	}
	ctx, budget := schema.WithNodeBudget(ctx, h.cfg.Limits.MaxNodes)
	res := graphql.Execute(graphql.ExecuteParams{
		Schema:        h.schema,
		AST:           doc,
		OperationName: req.OperationName,
		Args:          req.Variables,
		Context:       ctx,
	})
	// Every read of the request is logged in one durable write, before
	// anything is served: if it fails, nothing is.
	if err := accesses.Flush(ctx, h.accessLog); err != nil {
		err = gqlerr.NewInternal(err)
		h.logInternal(ctx, err)
		resp := failed(http.StatusInternalServerError, err)
		resp.fields = fields
		return resp
	}
	// The estimate assumed lists without `first` hold ListSize items; an
	// answer that turned out larger than MaxNodes is refused whole (the
	// reads it made are logged all the same).
	if budget.Exceeded() {
		resp := failed(docError, &gqlerr.Error{Code: gqlerr.QueryTooComplex,
			Message: fmt.Sprintf("the answer holds more than %d objects (lists without `first` are longer than the %d assumed); "+
				"ask for fewer records or raise the limit", budget.Max(), h.cfg.Limits.ListSize),
			Extra: map[string]any{"measure": limits.MeasureNodes, "limit": budget.Max(), "actual": budget.Used()}})
		resp.fields = fields
		return resp
	}
	resp := response{executed: true, data: res.Data, errors: h.sanitize(ctx, res.Errors), status: http.StatusOK, fields: fields}
	if awaited != nil {
		resp.extensions = map[string]any{"consistency": awaited}
	}
	if res.Data == nil && hasCode(resp.errors, gqlerr.Internal) {
		resp.status = http.StatusInternalServerError
	}
	return resp
}

// check parses and validates the document and checks the limits. graphql-go
// v0.8.1 panics on some malformed documents its parser accepts (e.g. a
// variable without a type): such a panic is the document's fault, and is
// answered BAD_USER_INPUT.
func (h *Handler) check(ctx context.Context, req request) (doc *ast.Document, errs []gqlerrors.FormattedError) {
	defer func() {
		if p := recover(); p != nil {
			h.log.LogAttrs(ctx, slog.LevelWarn, "graphql-go panicked on a document", slog.String("panic", fmt.Sprint(p)))
			doc, errs = nil, []gqlerrors.FormattedError{formatted(gqlerr.New(gqlerr.BadUserInput, "the document is malformed"))}
		}
	}()
	if err := limits.Nesting(req.Query); err != nil {
		return nil, []gqlerrors.FormattedError{formatted(limitsError(err))}
	}
	doc, err := parser.Parse(parser.ParseParams{Source: source.NewSource(&source.Source{Body: []byte(req.Query), Name: "request"})})
	if err != nil {
		return nil, withCode(gqlerrors.FormatErrors(err), gqlerr.BadUserInput)
	}
	if err := limits.FragmentCycles(doc); err != nil {
		return nil, []gqlerrors.FormattedError{formatted(gqlerr.New(gqlerr.BadUserInput, err.Error()))}
	}
	if v := graphql.ValidateDocument(&h.schema, doc, nil); !v.IsValid {
		return nil, withCode(v.Errors, gqlerr.BadUserInput)
	}
	if err := limits.Check(h.cfg.Limits, &h.schema, doc, req.OperationName, req.Variables); err != nil {
		return nil, []gqlerrors.FormattedError{formatted(limitsError(err))}
	}
	return doc, nil
}

func limitsError(err error) error {
	e := &gqlerr.Error{Code: gqlerr.QueryTooComplex, Message: err.Error()}
	var tooComplex *limits.TooComplexError
	if errors.As(err, &tooComplex) {
		e.Extra = map[string]any{"measure": tooComplex.Measure, "limit": tooComplex.Max, "actual": tooComplex.Actual}
	} else {
		e.Code = gqlerr.BadUserInput
	}
	return e
}
