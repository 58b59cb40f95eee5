package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"

	"github.com/prontuario/prontuario/contracts"
)

// Composition assembles a patient's history the way Prontuario replaces:
// API composition, calling the four services' GET endpoints at once and
// merging their answers by encounter.
type Composition struct {
	Clinic
}

// ComposedEncounter is one encounter with every record of it.
type ComposedEncounter struct {
	Encounter     *contracts.EncounterState
	Prescriptions []contracts.PrescriptionState
	LabOrders     []contracts.LabOrderState
	Studies       []contracts.ImagingStudyState
}

// Patient fetches the four lists concurrently, merges them and summarizes
// the result.
func (c Composition) Patient(ctx context.Context, id string) (Summary, error) {
	var (
		encounters    struct{ Encounters []contracts.EncounterState }
		prescriptions struct{ Prescriptions []contracts.PrescriptionState }
		labOrders     struct{ LabOrders []contracts.LabOrderState }
		studies       struct{ ImagingStudies []contracts.ImagingStudyState }
		wg            sync.WaitGroup
		errs          = make([]error, 4)
	)
	for i, call := range []struct {
		url string
		out any
	}{
		{c.Triage + "/v1/patients/" + id + "/encounters", &encounters},
		{c.Prescription + "/v1/patients/" + id + "/prescriptions", &prescriptions},
		{c.Lab + "/v1/patients/" + id + "/lab-orders", &labOrders},
		{c.Imaging + "/v1/patients/" + id + "/imaging-studies", &studies},
	} {
		wg.Go(func() { errs[i] = c.get(ctx, call.url, call.out) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return Summary{}, err
	}
	merged := map[string]*ComposedEncounter{}
	of := func(encounterID string) *ComposedEncounter {
		if merged[encounterID] == nil {
			merged[encounterID] = &ComposedEncounter{}
		}
		return merged[encounterID]
	}
	for i, e := range encounters.Encounters {
		of(e.EncounterID).Encounter = &encounters.Encounters[i]
	}
	for _, p := range prescriptions.Prescriptions {
		of(p.EncounterID).Prescriptions = append(of(p.EncounterID).Prescriptions, p)
	}
	for _, o := range labOrders.LabOrders {
		of(o.EncounterID).LabOrders = append(of(o.EncounterID).LabOrders, o)
	}
	for _, s := range studies.ImagingStudies {
		of(s.EncounterID).Studies = append(of(s.EncounterID).Studies, s)
	}
	return summarize(merged), nil
}

func summarize(merged map[string]*ComposedEncounter) Summary {
	var s Summary
	for _, e := range merged {
		s.Encounters++
		if e.Encounter != nil {
			s.Triaged += boolInt(e.Encounter.Triage != nil)
			s.Closed += boolInt(e.Encounter.ClosedAt != nil)
		}
		s.Prescriptions += len(e.Prescriptions)
		for _, rx := range e.Prescriptions {
			s.Items += len(rx.Items)
		}
		s.LabOrders += len(e.LabOrders)
		for _, o := range e.LabOrders {
			s.LabResults += len(o.Results)
		}
		s.Studies += len(e.Studies)
		for _, st := range e.Studies {
			s.Reports += boolInt(st.Report != nil)
		}
	}
	return s
}

// get decodes the JSON answer of a GET into out.
func (c Composition) get(ctx context.Context, url string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		return fmt.Errorf("GET %s: %d %s", url, resp.StatusCode, body)
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("GET %s: decode: %w", url, err)
	}
	return nil
}
