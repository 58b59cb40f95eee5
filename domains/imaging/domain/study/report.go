package study

import (
	"fmt"
	"time"
)

// Report statuses.
const (
	ReportFinal   = "final"
	ReportAmended = "amended"
)

// Report is the radiologist's report of a study; amendments keep the text
// they replaced.
type Report struct {
	findings, impression string
	radiologist          string
	status               string
	finalizedAt          time.Time
	amendments           []Amendment // oldest first
}

// Amendment is a superseded version of a report's text.
type Amendment struct {
	previousFindings, previousImpression string
	reason, radiologist                  string
	amendedAt                            time.Time
}

// ReportInput is what finalizing a report takes.
type ReportInput struct {
	Findings, Impression string
	Radiologist          string
	FinalizedAt          time.Time
}

// FinalizeReport finalizes the report of a performed study, no earlier than
// its acquisition. Before the study is performed it is ErrNotPerformed;
// a second report is ErrAlreadyReported.
func (s *Study) FinalizeReport(in ReportInput, now time.Time) error {
	var c checker
	c.text("findings", in.Findings, maxTextLen, true)
	c.text("impression", in.Impression, maxTextLen, true)
	c.id("radiologist", in.Radiologist)
	c.clinicalTime("finalizedAt", in.FinalizedAt, s.performedAt, now, "the acquisition")
	if err := c.err(); err != nil {
		return err
	}
	switch s.status {
	case StatusOrdered:
		return fmt.Errorf("report study %s: %w", s.id, ErrNotPerformed)
	case StatusReported:
		return fmt.Errorf("report study %s: %w", s.id, ErrAlreadyReported)
	}
	s.report = &Report{findings: in.Findings, impression: in.Impression, radiologist: in.Radiologist, status: ReportFinal, finalizedAt: in.FinalizedAt.UTC()}
	s.status = StatusReported
	s.version++
	return nil
}

// AmendInput is what amending a report takes: new findings, a new
// impression or both (nil keeps the current text).
type AmendInput struct {
	Findings, Impression *string
	Reason               string
	Radiologist          string
	AmendedAt            time.Time
}

// AmendReport replaces the report's findings and/or impression, keeping the
// previous text in an amendment. Only a finalized report can be amended
// (ErrNotReported); an amendment must change something and come after the
// report and its earlier amendments.
func (s *Study) AmendReport(in AmendInput, now time.Time) error {
	var c checker
	if in.Findings == nil && in.Impression == nil {
		c.add("findings", "give new findings, a new impression, or both")
	}
	if in.Findings != nil {
		c.text("findings", *in.Findings, maxTextLen, true)
	}
	if in.Impression != nil {
		c.text("impression", *in.Impression, maxTextLen, true)
	}
	c.text("reason", in.Reason, maxTextLen, true)
	c.id("radiologist", in.Radiologist)
	var notBefore time.Time
	if r := s.report; r != nil {
		notBefore = r.finalizedAt
		if n := len(r.amendments); n > 0 {
			notBefore = r.amendments[n-1].amendedAt
		}
		if (in.Findings != nil || in.Impression != nil) && unchanged(in.Findings, r.findings) && unchanged(in.Impression, r.impression) {
			c.add("", "the amendment changes neither the findings nor the impression")
		}
	}
	c.clinicalTime("amendedAt", in.AmendedAt, notBefore, now, "the report's last version")
	if err := c.err(); err != nil {
		return err
	}
	if s.report == nil {
		return fmt.Errorf("amend report of study %s: %w", s.id, ErrNotReported)
	}
	r := s.report
	r.amendments = append(r.amendments, Amendment{
		previousFindings: r.findings, previousImpression: r.impression,
		reason: in.Reason, radiologist: in.Radiologist, amendedAt: in.AmendedAt.UTC(),
	})
	if in.Findings != nil {
		r.findings = *in.Findings
	}
	if in.Impression != nil {
		r.impression = *in.Impression
	}
	r.status = ReportAmended
	s.version++
	return nil
}

func unchanged(v *string, current string) bool { return v == nil || *v == current }

// Radiologist signed the report.
func (r Report) Radiologist() string { return r.radiologist }

// FinalizedAt is when the report was first finalized, in UTC.
func (r Report) FinalizedAt() time.Time { return r.finalizedAt }

// LastAmendment is the latest amendment, if any.
func (r Report) LastAmendment() (Amendment, bool) {
	if len(r.amendments) == 0 {
		return Amendment{}, false
	}
	return r.amendments[len(r.amendments)-1], true
}

// AmendedAt is when the amendment was made, in UTC.
func (a Amendment) AmendedAt() time.Time { return a.amendedAt }

// Radiologist made the amendment.
func (a Amendment) Radiologist() string { return a.radiologist }
