package auth

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseTokens(t *testing.T) {
	t.Parallel()
	const tokA, tokB = "aaaaaaaaaaaaaaaa-auditor", "bbbbbbbbbbbbbbbb-billing"
	cases := []struct {
		name    string
		spec    string
		wantErr []string // substrings of the error; none means success
		check   map[string]Principal
	}{
		{name: "comma_separated", spec: tokA + "=auditor," + tokB + "=billing:bob",
			check: map[string]Principal{tokA: {Subject: "auditor-" + shortHash(tokA), Role: Auditor}, tokB: {Subject: "bob", Role: Billing}}},
		{name: "lines_with_comments", spec: "# tokens\n" + tokA + " = clinician:dr.who\n\n" + tokB + "=billing\n",
			check: map[string]Principal{tokA: {Subject: "dr.who", Role: Clinician}}},
		{name: "unknown_role", spec: tokA + "=admin", wantErr: []string{"entry 1", `unknown role "admin"`}},
		{name: "short_token", spec: "token1=auditor", wantErr: []string{"shorter than 8"}},
		{name: "no_equals", spec: tokA, wantErr: []string{`want "token=role"`}},
		{name: "duplicate", spec: tokA + "=auditor," + tokA + "=billing", wantErr: []string{"entry 2", "twice"}},
		{name: "bad_subject", spec: tokA + "=auditor:bob smith", wantErr: []string{"subject"}},
		{name: "every_problem_at_once", spec: "short=auditor," + tokA + "=root", wantErr: []string{"entry 1", "entry 2"}},
		{name: "empty", spec: " \n# nothing\n", wantErr: []string{"no auth tokens"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tokens, err := ParseTokens(c.spec)
			if len(c.wantErr) > 0 {
				if err == nil {
					t.Fatalf("ParseTokens(%q) succeeded, want an error", c.spec)
				}
				for _, w := range c.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q lacks %q", err, w)
					}
				}
				if strings.Contains(err.Error(), tokA) {
					t.Errorf("error %q echoes a token", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for tok, want := range c.check {
				if got, ok := tokens.Authenticate(tok); !ok || got != want {
					t.Errorf("Authenticate(%s) = %+v %v, want %+v", tok, got, ok, want)
				}
			}
			if _, ok := tokens.Authenticate(tokA + "x"); ok {
				t.Error("a longer token authenticated")
			}
			if _, ok := tokens.Authenticate(""); ok {
				t.Error("the empty token authenticated")
			}
		})
	}
}

func TestFromEnv(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "tokens")
	if err := os.WriteFile(file, []byte("cccccccccccccccc-file=clinician:carol\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if _, err := FromEnv(env(nil)); !errors.Is(err, ErrNoTokens) {
		t.Errorf("no env: %v, want ErrNoTokens", err)
	}
	if _, err := FromEnv(env(map[string]string{EnvTokens: "x", EnvTokensFile: file})); err == nil || !strings.Contains(err.Error(), "not both") {
		t.Errorf("both set: %v, want an error saying not both", err)
	}
	tokens, err := FromEnv(env(map[string]string{EnvTokensFile: file}))
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := tokens.Authenticate("cccccccccccccccc-file"); !ok || p.Subject != "carol" {
		t.Errorf("token from file: %+v %v", p, ok)
	}
	if _, err := FromEnv(env(map[string]string{EnvTokensFile: file + ".missing"})); err == nil || !strings.Contains(err.Error(), EnvTokensFile) {
		t.Errorf("missing file: %v, want an error naming %s", err, EnvTokensFile)
	}
}

func TestGenerateDevMakesOneWorkingTokenPerRole(t *testing.T) {
	t.Parallel()
	tokens, devs, err := GenerateDev(bytes.NewReader(bytes.Repeat([]byte{7}, 64)))
	if err != nil {
		t.Fatal(err)
	}
	if len(devs) != len(Roles()) || tokens.Len() != len(Roles()) {
		t.Fatalf("%d dev tokens, want one per role", len(devs))
	}
	for _, d := range devs {
		p, ok := tokens.Authenticate(d.Token)
		if !ok || p.Role != d.Role || p.Subject != "dev-"+string(d.Role) {
			t.Errorf("dev token for %s authenticates as %+v %v", d.Role, p, ok)
		}
	}
	if _, _, err := GenerateDev(bytes.NewReader(nil)); err == nil {
		t.Error("GenerateDev without randomness succeeded")
	}
}

func TestBearerToken(t *testing.T) {
	t.Parallel()
	for header, want := range map[string]string{
		"Bearer abc":   "abc",
		"bearer  abc ": "abc",
		"Basic abc":    "",
		"Bearer":       "",
		"":             "",
	} {
		r, err := http.NewRequest(http.MethodGet, "/", nil)
		if err != nil {
			t.Fatal(err)
		}
		r.Header.Set("Authorization", header)
		if got, ok := BearerToken(r); got != want || ok != (want != "") {
			t.Errorf("BearerToken(%q) = %q %v, want %q", header, got, ok, want)
		}
	}
}

func TestRolesDecideWhatMayBeRead(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		role              Role
		clinical, auditOK bool
	}{{Auditor, true, true}, {Billing, false, false}, {Clinician, true, false}} {
		p := Principal{Subject: "x", Role: c.role}
		if p.MayReadClinicalValues() != c.clinical || p.MayReadAudit() != c.auditOK {
			t.Errorf("%s: clinical %v audit %v, want %v %v", c.role, p.MayReadClinicalValues(), p.MayReadAudit(), c.clinical, c.auditOK)
		}
	}
}

func shortHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:4])
}
