package main

import (
	"context"

	"github.com/prontuario/prontuario/aggregator/pipeline"
	"github.com/prontuario/prontuario/aggregator/store/readstore"
)

// followActive is the live aggregator's store: it writes to whichever
// generation is active, as a rebuild's switch requires, but resolves it
// once per batch (pipeline.GenerationBinder), so a batch's Load and Commit
// always hit the same generation. Its own Load and Commit, which resolve
// the generation on each call, are used only by callers that do not bind.
type followActive struct{ readstore.Store }

var _ pipeline.GenerationBinder = followActive{}

// BindGeneration returns the store bound to the generation active now.
func (f followActive) BindGeneration(ctx context.Context) (pipeline.Store, error) {
	return readstore.BindActive(ctx, f.Store)
}
