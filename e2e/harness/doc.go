// Package harness runs the real Prontuario processes for black-box tests:
// it builds the binaries once, starts each as its own OS process on free
// loopback ports, waits for it to be healthy, and stops, kills (SIGKILL) and
// restarts it as an operator would. Tests talk to the processes over HTTP
// and GraphQL only.
package harness
