package auth

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
)

// Environment variables FromEnv reads.
const (
	EnvTokens     = "PRONTUARIO_AUTH_TOKENS"
	EnvTokensFile = "PRONTUARIO_AUTH_TOKENS_FILE"
)

// FromEnv loads the tokens from PRONTUARIO_AUTH_TOKENS or from the file
// PRONTUARIO_AUTH_TOKENS_FILE names (one of them, not both). It returns
// ErrNoTokens when neither is set.
func FromEnv(getenv func(string) string) (*Tokens, error) {
	inline, file := getenv(EnvTokens), getenv(EnvTokensFile)
	switch {
	case inline != "" && file != "":
		return nil, fmt.Errorf("set %s or %s, not both", EnvTokens, EnvTokensFile)
	case inline != "":
		t, err := ParseTokens(inline)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", EnvTokens, err)
		}
		return t, nil
	case file != "":
		spec, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", EnvTokensFile, err)
		}
		t, err := ParseTokens(string(spec))
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", EnvTokensFile, file, err)
		}
		return t, nil
	}
	return nil, ErrNoTokens
}

// DevToken is a generated development token and the role it grants.
type DevToken struct {
	Role  Role
	Token string
}

// GenerateDev makes one random token per role, for local development when
// no token is configured (make run prints them). random is normally
// crypto/rand.Reader; nil means that.
func GenerateDev(random io.Reader) (*Tokens, []DevToken, error) {
	if random == nil {
		random = rand.Reader
	}
	var spec string
	var devs []DevToken
	for _, role := range Roles() {
		buf := make([]byte, 16)
		if _, err := io.ReadFull(random, buf); err != nil {
			return nil, nil, fmt.Errorf("generate dev token: %w", err)
		}
		token := "dev-" + string(role) + "-" + hex.EncodeToString(buf)
		devs = append(devs, DevToken{Role: role, Token: token})
		spec += token + "=" + string(role) + ":dev-" + string(role) + "\n"
	}
	t, err := ParseTokens(spec)
	if err != nil {
		return nil, nil, errors.Join(errors.New("generate dev tokens"), err)
	}
	return t, devs, nil
}
