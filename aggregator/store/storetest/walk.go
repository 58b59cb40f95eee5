package storetest

import (
	"slices"
	"testing"

	"github.com/prontuario/prontuario/aggregator/history"
)

// walk reads a whole list page by page, fetch(nil) being the first page and
// fetch(&last) the page after last, and checks the keyset paging contract:
// pages of at most limit items, Total the number of matches on every page,
// HasNext set on every page but the last, and the items, in order, exactly
// wantIDs: no duplicate, no gap.
func walk[T any](t testing.TB, limit int, wantIDs []string, id func(T) string, fetch func(after *T) (history.Page[T], error)) {
	t.Helper()
	var got []string
	var after *T
	for pages := 1; ; pages++ {
		if pages > len(wantIDs)/limit+2 {
			t.Fatalf("still paging after %d pages; ids so far %v", pages-1, got)
		}
		page, err := fetch(after)
		if err != nil {
			t.Fatalf("page %d: %v", pages, err)
		}
		if len(page.Items) > limit || (len(page.Items) == 0 && len(wantIDs) > 0) {
			t.Fatalf("page %d has %d items, want 1..%d", pages, len(page.Items), limit)
		}
		if page.Total != len(wantIDs) {
			t.Fatalf("page %d: Total = %d, want %d", pages, page.Total, len(wantIDs))
		}
		for _, it := range page.Items {
			got = append(got, id(it))
		}
		if more := len(got) < len(wantIDs); page.HasNext != more {
			t.Fatalf("page %d (items %d of %d): HasNext = %v, want %v", pages, len(got), len(wantIDs), page.HasNext, more)
		}
		if !page.HasNext {
			break
		}
		after = &page.Items[len(page.Items)-1]
	}
	if !slices.Equal(got, wantIDs) {
		t.Fatalf("walked ids\n got %v\nwant %v", got, wantIDs)
	}
}
