package sqlitestore

import (
	_ "embed"
	"strings"
)

// generationSchema creates a generation's tables; see tablesOf.
//
//go:embed generation.sql
var generationSchema string

// tables names the tables of one generation, quoted for SQL. Generation
// names are validated (check.Generation), so they are safe in identifiers.
type tables struct {
	name                               string
	patients, namePrefixes, encounters string
	billable, audit, deadLetters       string
	freshness, offsets                 string
}

func tablesOf(generation string) tables {
	q := func(t string) string { return `"` + prefix(generation) + t + `"` }
	return tables{
		name:         generation,
		patients:     q("patients"),
		namePrefixes: q("name_prefixes"),
		encounters:   q("encounters"),
		billable:     q("billable"),
		audit:        q("audit"),
		deadLetters:  q("dead_letters"),
		freshness:    q("freshness"),
		offsets:      q("offsets"),
	}
}

func prefix(generation string) string { return "g_" + generation + "_" }

// all lists every table, for DropGeneration.
func (t tables) all() []string {
	return []string{t.patients, t.namePrefixes, t.encounters, t.billable, t.audit, t.deadLetters, t.freshness, t.offsets}
}

// schema is the DDL creating the generation's tables and indexes.
func (t tables) schema() string {
	return strings.ReplaceAll(generationSchema, "{g}", prefix(t.name))
}
