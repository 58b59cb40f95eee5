package kafkatest

import (
	"crypto/rand"
	"encoding/hex"
	"strings"
	"testing"
)

// maxTestNameLen bounds the part of a unique name taken from the test name,
// keeping names well under Kafka's 249-character topic limit.
const maxTestNameLen = 100

// UniqueName returns prefix, the test's name and a random suffix, joined by
// dots and restricted to the characters Kafka allows in topic names, so it
// can name a topic or a consumer group no other test uses.
func UniqueName(t testing.TB, prefix string) string {
	t.Helper()
	name := sanitize(t.Name())
	if len(name) > maxTestNameLen {
		name = name[:maxTestNameLen]
	}
	var suffix [4]byte
	if _, err := rand.Read(suffix[:]); err != nil {
		t.Fatalf("kafkatest: random name: %v", err)
	}
	return sanitize(prefix) + "." + name + "." + hex.EncodeToString(suffix[:])
}

func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-' {
			return r
		}
		return '_'
	}, s)
}
