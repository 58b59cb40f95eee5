package schema

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/graphql-go/graphql"

	"github.com/prontuario/prontuario/aggregator/history"
)

type patientCursor struct {
	ID string `json:"id"`
}

// Bounds of the name filter (the stores index at most this much).
const (
	maxNameLength = 200
	maxNameWords  = 8
)

// checkName rejects a name filter the stores cannot search by.
func checkName(name string) error {
	if name == "" {
		return nil
	}
	if utf8.RuneCountInString(name) > maxNameLength {
		return badInput(fmt.Sprintf("name is longer than %d characters", maxNameLength))
	}
	words := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	switch {
	case len(words) == 0:
		return badInput("name must contain a letter or a digit")
	case len(words) > maxNameWords:
		return badInput(fmt.Sprintf("name has %d words; at most %d", len(words), maxNameWords))
	}
	return nil
}

func (b *builder) patientsField() *graphql.Field {
	args := pageArgs(b.deps.DefaultFirst, b.deps.MaxFirst)
	args["name"] = &graphql.ArgumentConfig{
		Type:        graphql.String,
		Description: "Case-insensitive: every word must start some word of the name (\"oliv mar\" finds \"Maria Oliveira\").",
	}
	args["birthDate"] = &graphql.ArgumentConfig{Type: b.date}
	return &graphql.Field{
		Type:        nonNull(connection("Patient", b.patient, b.pageInfo)),
		Description: "Patients by name and/or birth date, ordered by id. Each patient returned is logged in the access log.",
		Args:        args,
		Resolve: func(p graphql.ResolveParams) (any, error) {
			who, err := principal(p.Context)
			if err != nil {
				return nil, err
			}
			name, _ := p.Args["name"].(string)
			name = strings.TrimSpace(name)
			if err := checkName(name); err != nil {
				return nil, err
			}
			birthDate, _ := p.Args["birthDate"].(string)
			scope := name + "\x00" + birthDate
			var key patientCursor
			pg, err := b.readPage(p, "patients", scope, &key)
			if err != nil {
				return nil, err
			}
			q := history.PatientQuery{Name: name, BirthDate: birthDate, AfterID: key.ID, Limit: pg.limit}
			res, err := b.deps.Reader.Patients(p.Context, q)
			if err != nil {
				return nil, storeError("search patients", err)
			}
			targets := make([]accessTarget, 0, len(res.Items))
			for _, pat := range res.Items {
				targets = append(targets, accessTarget{patientID: pat.ID})
			}
			if len(targets) == 0 {
				targets = append(targets, accessTarget{}) // the search itself is logged
			}
			if err := b.logAccess(p.Context, who, "patients", targets...); err != nil {
				return nil, err
			}
			nodes := history.Page[patientNode]{Items: patientNodes(res.Items), Total: res.Total, HasNext: res.HasNext}
			return buildConnection(b, nodes, pg, "patients", scope, func(x patientNode) any {
				return patientCursor{ID: x.ID}
			})
		},
	}
}
