package schema

import (
	"testing"

	"github.com/prontuario/prontuario/aggregator/history"
)

// version is a version of a record whose state is a map of sub-records,
// made by the event named ev.
func version(ev string, subs map[string]string) history.Version[map[string]string] {
	return history.Version[map[string]string]{State: subs, Provenance: history.Provenance{EventID: ev}}
}

func TestIntroducedBy(t *testing.T) {
	t.Parallel()
	type vs = []history.Version[map[string]string]
	cases := []struct {
		name     string
		versions vs
		key      string
		want     string // the value looked for
		event    string // "" when none
	}{
		{"single_version_is_the_origin", vs{version("e1", map[string]string{"a": "1"})}, "a", "1", "e1"},
		{"later_versions_about_other_sub_records_do_not_count",
			vs{version("e1", map[string]string{"a": "1"}), version("e2", map[string]string{"a": "1", "b": "2"}),
				version("e3", map[string]string{"a": "1", "b": "3"})}, "a", "1", "e1"},
		{"sub_record_added_by_a_later_version_dates_from_it",
			vs{version("e1", map[string]string{"a": "1"}), version("e2", map[string]string{"a": "1", "b": "2"})}, "b", "2", "e2"},
		{"a_correction_dates_from_the_correcting_version",
			vs{version("e1", map[string]string{"a": "1"}), version("e2", map[string]string{"a": "9"}),
				version("e3", map[string]string{"a": "9", "b": "2"})}, "a", "9", "e2"},
		{"a_value_that_changed_and_came_back_dates_from_its_return",
			vs{version("e1", map[string]string{"a": "1"}), version("e2", map[string]string{"a": "2"}),
				version("e3", map[string]string{"a": "1"}), version("e4", map[string]string{"a": "1"})}, "a", "1", "e3"},
		{"a_superseded_value_dates_from_the_version_that_recorded_it",
			vs{version("e1", map[string]string{"a": "1"}), version("e2", map[string]string{"a": "2"}),
				version("e3", map[string]string{"a": "3"})}, "a", "2", "e2"},
		{"a_value_no_version_holds_has_none",
			vs{version("e1", map[string]string{"a": "1"})}, "a", "7", ""},
		{"a_gap_without_the_sub_record_ends_the_run",
			vs{version("e1", map[string]string{"a": "1"}), version("e2", map[string]string{}),
				version("e3", map[string]string{"a": "1"})}, "a", "1", "e3"},
		{"no_versions_no_origin", nil, "a", "1", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			find := func(s map[string]string) (string, bool) { v, ok := s[c.key]; return v, ok }
			var p history.Provenance
			ok := false
			if n := len(c.versions); n > 0 {
				p, ok = introducedBy(c.versions[:n-1], c.versions[n-1], find, c.want)
			}
			if ok != (c.event != "") || p.EventID != c.event {
				t.Errorf("introducedBy = %q, %v; want %q", p.EventID, ok, c.event)
			}
		})
	}
}
