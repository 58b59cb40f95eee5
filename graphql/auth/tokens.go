package auth

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
)

// MinTokenLength is the shortest token ParseTokens accepts. It only stops
// obvious mistakes; real tokens should be 32 or more random characters, as
// the development tokens are.
const MinTokenLength = 8

// ErrNoTokens is returned by FromEnv when no token is configured.
var ErrNoTokens = errors.New("no auth tokens configured: set PRONTUARIO_AUTH_TOKENS or PRONTUARIO_AUTH_TOKENS_FILE")

var subjectPattern = regexp.MustCompile(`^[A-Za-z0-9._@-]{1,64}$`)

// Tokens authenticates bearer tokens. The zero value accepts none.
type Tokens struct {
	byHash map[[sha256.Size]byte]Principal
}

// ParseTokens parses "token=role" or "token=role:subject" entries separated
// by commas or new lines; blank lines and lines starting with '#' are
// ignored. It reports every bad entry at once, without echoing tokens.
func ParseTokens(spec string) (*Tokens, error) {
	t := &Tokens{byHash: map[[sha256.Size]byte]Principal{}}
	var errs []error
	n := 0
	for _, line := range strings.Split(spec, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		for _, entry := range strings.Split(line, ",") {
			entry = strings.TrimSpace(entry)
			if entry == "" {
				continue
			}
			n++
			if err := t.add(entry); err != nil {
				errs = append(errs, fmt.Errorf("auth token entry %d: %w", n, err))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if len(t.byHash) == 0 {
		return nil, ErrNoTokens
	}
	return t, nil
}

func (t *Tokens) add(entry string) error {
	token, rest, ok := strings.Cut(entry, "=")
	if !ok {
		return errors.New(`want "token=role" or "token=role:subject"`)
	}
	token = strings.TrimSpace(token)
	if len(token) < MinTokenLength {
		return fmt.Errorf("token is shorter than %d characters", MinTokenLength)
	}
	if strings.ContainsAny(token, " \t") {
		return errors.New("token contains white space")
	}
	roleName, subject, named := strings.Cut(strings.TrimSpace(rest), ":")
	role, err := ParseRole(roleName)
	if err != nil {
		return err
	}
	hash := sha256.Sum256([]byte(token))
	if !named {
		subject = string(role) + "-" + hex.EncodeToString(hash[:4])
	}
	if !subjectPattern.MatchString(subject) {
		return fmt.Errorf("subject %q must be 1-64 letters, digits or ._@-", subject)
	}
	if _, dup := t.byHash[hash]; dup {
		return errors.New("token is listed twice")
	}
	t.byHash[hash] = Principal{Subject: subject, Role: role}
	return nil
}

// Len returns the number of tokens.
func (t *Tokens) Len() int { return len(t.byHash) }

// Authenticate returns the principal of token. It compares hashes, so the
// time it takes does not depend on how much of a token matched.
func (t *Tokens) Authenticate(token string) (Principal, bool) {
	if t == nil || token == "" {
		return Principal{}, false
	}
	p, ok := t.byHash[sha256.Sum256([]byte(token))]
	return p, ok
}

// BearerToken returns the token of an "Authorization: Bearer <token>" header.
func BearerToken(r *http.Request) (string, bool) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}
