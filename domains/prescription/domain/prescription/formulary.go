package prescription

// Formulary is the slice of the catalog one prescription is checked
// against: the prescriber (if found), the medications it names that exist,
// and the authorizations of the prescriber's specialty. A caller loads only
// those rows; Issue treats anything absent as unknown.
type Formulary struct {
	prescriber  *Prescriber
	medications map[string]Medication
	authorized  map[string]bool
}

// NewFormulary builds a formulary. prescriber is nil when the prescriber
// is not in the catalog.
func NewFormulary(prescriber *Prescriber, medications []Medication, authorizations []Authorization) Formulary {
	f := Formulary{
		prescriber:  prescriber,
		medications: make(map[string]Medication, len(medications)),
		authorized:  make(map[string]bool, len(authorizations)),
	}
	for _, m := range medications {
		f.medications[m.code] = m
	}
	for _, a := range authorizations {
		f.authorized[a.Key()] = true
	}
	return f
}

func (f Formulary) medication(code string) (Medication, bool) {
	m, ok := f.medications[code]
	return m, ok
}

func (f Formulary) mayPrescribe(specialty, class string) bool {
	return f.authorized[Authorization{specialty: specialty, medicationClass: class}.Key()]
}
