package storetest

import (
	"slices"
	"testing"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/store"
)

func searchTests[S Store[S]]() []test[S] {
	return []test[S]{
		{"name_search_matches_word_prefixes_ignoring_case_and_accents", testNameSearch[S]},
		{"renamed_patient_is_found_by_the_new_name_only", testRename[S]},
	}
}

func testNameSearch[S Store[S]](t *testing.T, s S) {
	mustCommit(t, s, store.Batch{Patients: []history.Patient{
		patient("P-1", "Maria Oliveira", "1985-07-10"),
		patient("P-2", "João Maria Santos", "1990-02-01"),
		patient("P-3", "Mariana Olivetti", "1985-07-10"),
		patient("P-4", "Ana Clara d'Ávila", "2001-12-24"),
		history.NewPatient("P-5"), // no demographics: never matches a name
	}})
	for _, tc := range []struct {
		name, birthDate string
		want            []string
	}{
		{name: "oliv mar", want: []string{"P-1", "P-3"}},
		{name: "MARIA", want: []string{"P-1", "P-2", "P-3"}},
		{name: "maria oliveira", want: []string{"P-1"}},
		{name: "joao", want: []string{"P-2"}},
		{name: "JOÃO santos", want: []string{"P-2"}},
		{name: "avila", want: []string{"P-4"}},
		{name: "liveira", want: nil}, // a prefix of a word, not a substring
		{name: "maria", birthDate: "1985-07-10", want: []string{"P-1", "P-3"}},
		{birthDate: "1985-07-10", want: []string{"P-1", "P-3"}},
		{birthDate: "1985-07-11", want: nil},
	} {
		page := result(s.Patients(ctx(t), history.PatientQuery{Name: tc.name, BirthDate: tc.birthDate, Limit: 10})).must(t)
		got := ids(page.Items, func(p history.Patient) string { return p.ID })
		if !slices.Equal(got, tc.want) || page.Total != len(tc.want) || page.HasNext {
			t.Errorf("search %q born %q: got %v (total %d, next %v), want %v", tc.name, tc.birthDate, got, page.Total, page.HasNext, tc.want)
		}
	}
}

func testRename[S Store[S]](t *testing.T, s S) {
	mustCommit(t, s, store.Batch{Patients: []history.Patient{patient("P-1", "Maria Oliveira", "1985-07-10")}})
	loaded, _, err := s.Load(ctx(t), []string{"P-1"}, nil)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	p := loaded["P-1"]
	p.Demographics.Name, p.Demographics.BirthDate = "Maria Souza", "1985-07-11"
	mustCommit(t, s, store.Batch{Patients: []history.Patient{p}})

	for _, tc := range []struct {
		q     history.PatientQuery
		found bool
	}{
		{history.PatientQuery{Name: "souza", Limit: 1}, true},
		{history.PatientQuery{Name: "oliveira", Limit: 1}, false},
		{history.PatientQuery{BirthDate: "1985-07-11", Limit: 1}, true},
		{history.PatientQuery{BirthDate: "1985-07-10", Limit: 1}, false},
	} {
		if page := result(s.Patients(ctx(t), tc.q)).must(t); (page.Total == 1) != tc.found {
			t.Errorf("search %+v after rename: total %d, found want %v", tc.q, page.Total, tc.found)
		}
	}
}
