package main

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
)

// tokenSet is what the launcher tells the GraphQL API and the person.
type tokenSet struct {
	env       string // PRONTUARIO_AUTH_TOKENS value to pass on ("" = the operator configured tokens)
	printable string
}

// roles a development token is made for.
func roles() []string { return []string{"auditor", "billing", "clinician"} }

// devTokens returns the development tokens: none when the operator configured
// PRONTUARIO_AUTH_TOKENS or PRONTUARIO_AUTH_TOKENS_FILE; otherwise the ones
// saved in path by an earlier run, or new random ones saved there.
func devTokens(getenv func(string) string, path string) (tokenSet, error) {
	if getenv("PRONTUARIO_AUTH_TOKENS") != "" || getenv("PRONTUARIO_AUTH_TOKENS_FILE") != "" {
		return tokenSet{}, nil
	}
	raw, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return tokenSet{}, fmt.Errorf("read dev tokens: %w", err)
	}
	env := strings.TrimSpace(string(raw))
	if env == "" {
		var pairs []string
		for _, r := range roles() {
			b := make([]byte, 16)
			if _, err := rand.Read(b); err != nil {
				return tokenSet{}, err
			}
			pairs = append(pairs, "dev-"+r+"-"+hex.EncodeToString(b)+"="+r)
		}
		env = strings.Join(pairs, ",")
		if err := os.WriteFile(path, []byte(env+"\n"), 0o600); err != nil {
			return tokenSet{}, fmt.Errorf("save dev tokens: %w", err)
		}
	}
	var b strings.Builder
	for _, pair := range strings.Split(env, ",") {
		tok, role, _ := strings.Cut(pair, "=")
		fmt.Fprintf(&b, "  %-10s %s\n", role, tok)
	}
	return tokenSet{env: env, printable: b.String()}, nil
}
