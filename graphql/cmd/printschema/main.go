// Command printschema writes the GraphQL API's SDL to standard output:
//
//	go run ./graphql/cmd/printschema > graphql/schema.graphql
//
// (or go generate ./graphql/schema). A test fails when the committed file
// drifts from the schema built in code.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/prontuario/prontuario/graphql/schema"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "printschema:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	sdl, err := schema.Print()
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, sdl)
	return err
}
