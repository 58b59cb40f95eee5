package auth

import (
	"context"
	"fmt"
)

// Role is what a principal may read.
type Role string

// Roles of the API.
const (
	// Auditor reads everything, including the audit trail and the access log.
	Auditor Role = "auditor"
	// Billing reads everything but clinical values, the audit trail and the access log.
	Billing Role = "billing"
	// Clinician reads everything but the audit trail and the access log.
	Clinician Role = "clinician"
)

// Roles returns every role, in a fixed order.
func Roles() []Role { return []Role{Auditor, Billing, Clinician} }

// ParseRole returns the role named s.
func ParseRole(s string) (Role, error) {
	for _, r := range Roles() {
		if string(r) == s {
			return r, nil
		}
	}
	return "", fmt.Errorf("unknown role %q (want auditor, billing or clinician)", s)
}

// Principal is an authenticated caller.
type Principal struct {
	// Subject names who is calling, for the access log.
	Subject string
	Role    Role
}

// MayReadClinicalValues reports whether the principal may read vital signs,
// complaints, lab values and imaging findings.
func (p Principal) MayReadClinicalValues() bool { return p.Role != Billing }

// MayReadAudit reports whether the principal may read the audit trail and the access log.
func (p Principal) MayReadAudit() bool { return p.Role == Auditor }

type principalKey struct{}

// WithPrincipal returns a context carrying p.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// FromContext returns the principal WithPrincipal stored, if any.
func FromContext(ctx context.Context) (Principal, bool) {
	p, ok := ctx.Value(principalKey{}).(Principal)
	return p, ok
}
