//go:build !linux

package pgtest

import (
	"fmt"
	"syscall"
)

// sysProcAttr runs the child as ourselves: switching users is only
// implemented on Linux.
func sysProcAttr(u *osUser) (*syscall.SysProcAttr, error) {
	if u != nil {
		return nil, fmt.Errorf("%w: running as root is only supported on Linux", ErrNoPostgres)
	}
	return nil, nil
}
