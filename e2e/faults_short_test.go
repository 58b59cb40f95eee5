//go:build !long

package e2e

import "time"

// The short fault runs of `make test`.
const (
	brokerOutage   = 5 * time.Second
	outagePatients = 1000 // an upper bound: the load runs for the outage + 10 s
	crashCycles    = 3
	crashPatients  = 15
)
