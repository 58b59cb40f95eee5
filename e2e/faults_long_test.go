//go:build long

package e2e

import "time"

// The long fault runs of `make e2e-long`.
const (
	brokerOutage   = 30 * time.Second
	outagePatients = 5000 // an upper bound: the load runs for the outage + 10 s
	crashCycles    = 20
	crashPatients  = 120
)
