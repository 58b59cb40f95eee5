package prescription

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// MaxItems is the most medications one prescription may hold.
const MaxItems = 50

// Routes are the accepted administration routes (FHIR route names).
var Routes = []string{
	"oral", "sublingual", "buccal", "intravenous", "intramuscular", "subcutaneous",
	"intradermal", "topical", "transdermal", "inhalation", "nasal", "ophthalmic",
	"otic", "rectal", "vaginal", "enteral",
}

// ItemRequest is one medication a prescriber asks for.
type ItemRequest struct {
	MedicationCode string
	Dose           string   // e.g. "100mg", "1 tablet"
	Route          string   // one of Routes
	Frequency      string   // e.g. "daily", "q8h", "bid"
	Times          []string // optional administration times, HH:MM
}

// item validates r against the formulary and the prescriber's specialty and
// builds the published item, with the medication's name and class.
func (f Formulary) item(c *checker, i int, r ItemRequest, specialty string) contracts.PrescriptionItem {
	at := func(field string) string { return fmt.Sprintf("items[%d].%s", i, field) }
	c.id(at("medicationCode"), r.MedicationCode)
	med, known := f.medication(r.MedicationCode)
	switch {
	case r.MedicationCode == "":
	case !known:
		c.add(at("medicationCode"), ErrNotInFormulary, "medication %q is not in the formulary", r.MedicationCode)
	case specialty != "" && !f.mayPrescribe(specialty, med.class):
		c.add(at("medicationCode"), ErrNotAuthorized, "%s may not prescribe %s (%s)", specialty, med.name, med.class)
	}
	c.text(at("dose"), r.Dose, maxCodeLen)
	if r.Route == "" {
		c.add(at("route"), nil, "is required")
	} else if !slices.Contains(Routes, r.Route) {
		c.add(at("route"), nil, "must be one of %s", strings.Join(Routes, ", "))
	}
	c.text(at("frequency"), r.Frequency, maxCodeLen)
	for j, hm := range r.Times {
		if _, err := time.Parse("15:04", hm); err != nil || len(hm) != len("15:04") {
			c.add(fmt.Sprintf("items[%d].times[%d]", i, j), nil, "must be a time of day as HH:MM, got %q", hm)
		} else if slices.Index(r.Times, hm) < j {
			c.add(fmt.Sprintf("items[%d].times[%d]", i, j), nil, "repeats %s", hm)
		}
	}
	return contracts.PrescriptionItem{
		MedicationCode:  r.MedicationCode,
		MedicationName:  med.name,
		MedicationClass: med.class,
		Dose:            r.Dose,
		Route:           r.Route,
		Frequency:       r.Frequency,
		Times:           slices.Clone(r.Times),
	}
}
