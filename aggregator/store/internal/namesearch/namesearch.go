// Package namesearch turns patient names into the lowercase, accent-free
// word prefixes both store adapters index, so that "oliv mar", "MARIA" and
// "joao" find "Maria Oliveira" and "João" the same way everywhere.
package namesearch

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// MaxQueryWords caps the words of a name query.
const MaxQueryWords = 8

// Words splits name into its normalized words: lowercase, without
// diacritics, split at anything that is not a letter or digit ("Maria-José
// d'Ávila" -> maria, jose, d, avila). It is safe for concurrent use.
func Words(name string) []string {
	folded, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), name)
	if err != nil {
		folded = name // cannot happen with these transformers; fall back to no folding
	}
	return strings.FieldsFunc(strings.ToLower(folded), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Prefixes returns every prefix of every word of name, deduplicated and
// sorted: a patient matches a query word w exactly when w is one of them.
func Prefixes(name string) []string {
	seen := make(map[string]bool)
	var out []string
	for _, w := range Words(name) {
		r := []rune(w)
		for i := 1; i <= len(r); i++ {
			p := string(r[:i])
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	slices.Sort(out)
	return out
}
