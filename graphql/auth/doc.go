// Package auth maps bearer tokens to the principals of the GraphQL API: a
// subject (who, as the access log records it) and a role (auditor, billing or
// clinician).
//
// Tokens are configured as "token=role" pairs separated by commas or new
// lines (PRONTUARIO_AUTH_TOKENS, or a file named by
// PRONTUARIO_AUTH_TOKENS_FILE); "token=role:subject" names the subject. Tokens
// are kept only as SHA-256 hashes, and a subject without a name is derived
// from the hash, so neither logs nor the access log ever hold a token.
//
// Tokens and Principal are immutable and safe for concurrent use.
package auth
