//go:build !long

package e2e

import "time"

// The short fault runs of `make test`.
const (
	brokerOutage   = 5 * time.Second
	outagePatients = 12
	crashCycles    = 3
	crashPatients  = 15
)
