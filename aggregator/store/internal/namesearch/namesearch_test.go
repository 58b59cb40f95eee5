package namesearch_test

import (
	"slices"
	"testing"

	"github.com/prontuario/prontuario/aggregator/store/internal/namesearch"
)

func TestWordsAreLowercaseWithoutAccents(t *testing.T) {
	for name, want := range map[string][]string{
		"Maria Oliveira":         {"maria", "oliveira"},
		"  JOÃO   da Conceição ": {"joao", "da", "conceicao"},
		"Maria-José d'Ávila":     {"maria", "jose", "d", "avila"},
		"Ana Clara 2ª":           {"ana", "clara", "2ª"},
		" -- ":                   nil,
	} {
		if got := namesearch.Words(name); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestPrefixesCoverEveryPrefixOfEveryWordOnce(t *testing.T) {
	got := namesearch.Prefixes("Ana Anabela")
	want := []string{"a", "an", "ana", "anab", "anabe", "anabel", "anabela"}
	if !slices.Equal(got, want) {
		t.Errorf("Prefixes = %q, want %q", got, want)
	}
	if got := namesearch.Prefixes("Zoë"); !slices.Equal(got, []string{"z", "zo", "zoe"}) {
		t.Errorf("Prefixes(Zoë) = %q: want prefixes cut at characters, not bytes", got)
	}
}
