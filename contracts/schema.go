package contracts

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

const schemaBaseURL = "https://prontuario.org/schemas/"

// Schemas holds the JSON Schema (2020-12) files, one per event type and
// version, plus the shared definitions in defs.v1.json.
//
//go:embed schemas/*.json
var Schemas embed.FS

// compiledSchemas is compiled once, on first use; it is read-only afterwards.
var compiledSchemas = sync.OnceValues(compileSchemas)

func compileSchemas() (map[string]*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	files, err := fs.Glob(Schemas, "schemas/*.json")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		raw, err := Schemas.ReadFile(f)
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", f, err)
		}
		if err := c.AddResource(schemaBaseURL+strings.TrimPrefix(f, "schemas/"), doc); err != nil {
			return nil, fmt.Errorf("add %s: %w", f, err)
		}
	}
	out := make(map[string]*jsonschema.Schema)
	for _, sv := range Registered() {
		s, err := c.Compile(sv.SchemaURL())
		if err != nil {
			return nil, fmt.Errorf("compile %s: %w", sv.File(), err)
		}
		out[sv.File()] = s
	}
	return out, nil
}

// CompileSchemas compiles every embedded schema and reports the first problem;
// services call it at start so a broken build fails fast.
func CompileSchemas() error {
	_, err := compiledSchemas()
	return err
}

var printer = message.NewPrinter(language.English)

// validate checks a decoded JSON document against the schema of sv.
func validate(sv SchemaVersion, doc any) error {
	schemas, err := compiledSchemas()
	if err != nil {
		return err
	}
	s, ok := schemas[sv.File()]
	if !ok {
		return &UnknownVersionError{Type: sv.Type, Version: sv.Version}
	}
	err = s.Validate(doc)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return &SchemaError{Type: sv.Type, Version: sv.Version, Violations: []Violation{{Message: err.Error()}}}
	}
	var leaves []Violation
	collectLeaves(ve, &leaves)
	sort.SliceStable(leaves, func(i, j int) bool { return leaves[i].Path < leaves[j].Path })
	return &SchemaError{Type: sv.Type, Version: sv.Version, Violations: leaves}
}

func collectLeaves(ve *jsonschema.ValidationError, out *[]Violation) {
	if len(ve.Causes) == 0 {
		path := ""
		for _, p := range ve.InstanceLocation {
			path += "/" + strings.ReplaceAll(strings.ReplaceAll(p, "~", "~0"), "/", "~1")
		}
		*out = append(*out, Violation{Path: path, Message: ve.ErrorKind.LocalizedString(printer)})
		return
	}
	for _, c := range ve.Causes {
		collectLeaves(c, out)
	}
}
