package rebuild_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/aggregator/history"
	"github.com/prontuario/prontuario/aggregator/pipeline"
	"github.com/prontuario/prontuario/aggregator/rebuild"
	"github.com/prontuario/prontuario/aggregator/store/sqlitestore"
	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestRebuildYieldsTheLiveReadModelAndSwitchesReadersToIt(t *testing.T) {
	kb := kafkatest.Start(t)
	kcfg := kafkax.Config{Brokers: []string{kb.Addr()}}.WithDefaults().WithFastRebalance()
	topics := map[string]string{}
	var names []string
	for _, topic := range contracts.SourceTopics() {
		topics[topic] = kafkatest.UniqueName(t, topic)
		names = append(names, topics[topic])
	}
	dlq := kafkatest.UniqueName(t, "dlq")
	kb.CreateTopics(t, append(names, dlq)...)
	live := pipeline.Config{ConsumerGroup: kafkatest.UniqueName(t, "live"), Topics: names, DeadLetterTopic: dlq}

	ctx := context.Background()
	s, err := sqlitestore.Open(ctx, sqlitestore.Config{Path: filepath.Join(t.TempDir(), "read.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	pub, err := kafkax.NewPublisher(kcfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()

	// The live aggregator.
	sub, err := kafkax.NewSubscriber(kcfg, live.ConsumerGroup, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(live, sub, pub, s, nil, quiet())
	if err != nil {
		t.Fatal(err)
	}
	pctx, stopLive := context.WithCancel(ctx)
	liveDone := make(chan error, 1)
	go func() { liveDone <- p.Run(pctx) }()
	defer func() { stopLive(); <-liveDone; sub.Close() }()

	var all []contracts.Event
	for i, pid := range []string{"P-1", "P-2", "P-3"} {
		all = append(all, encounterEvents(t, pid, "E-"+pid, i)...)
	}
	publish(t, pub, topics, all)
	waitFor(t, "the live model", func() bool { return appliedCount(t, s) == int64(len(all)) })

	before := snapshot(t, s, []string{"P-1", "P-2", "P-3"})
	var progress bytes.Buffer
	res, err := rebuild.Run(ctx, rebuild.Config{
		Kafka: kcfg, Live: live, Generation: "g_test", PollInterval: 50 * time.Millisecond,
		SwitchGrace: 1500 * time.Millisecond, KeepOld: true, Progress: &progress,
	}, s, func(ctx context.Context, name string) (pipeline.Store, error) { return s.OpenGeneration(ctx, name) }, quiet())
	if err != nil {
		t.Fatalf("rebuild: %v", err)
	}
	if active, _ := s.ActiveGeneration(ctx); active != "g_test" || res.Previous == "g_test" {
		t.Fatalf("active generation %q after rebuild (previous %q)", active, res.Previous)
	}
	if res.Replayed < int64(len(all)) {
		t.Errorf("replayed %d messages, want at least %d", res.Replayed, len(all))
	}
	if !strings.Contains(progress.String(), "replaying [") || !strings.Contains(progress.String(), "ETA") {
		t.Errorf("no progress bar printed: %q", progress.String())
	}
	after := snapshot(t, s, []string{"P-1", "P-2", "P-3"})
	if before != after {
		t.Fatalf("rebuilt model differs from the live one:\nlive    %s\nrebuilt %s", before, after)
	}
}

// snapshot renders every document of the patients, with the fields that
// legitimately differ between two builds (ingestion times, store revisions)
// cleared.
func snapshot(t *testing.T, s *sqlitestore.Store, patientIDs []string) string {
	t.Helper()
	ctx := context.Background()
	var out []any
	for _, id := range patientIDs {
		p, err := s.Patient(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		p.Revision = 0
		out = append(out, clearIngested(t, p))
		page, err := s.Encounters(ctx, history.EncounterQuery{PatientID: id, Limit: history.MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range page.Items {
			e.Revision = 0
			out = append(out, clearIngested(t, e))
		}
	}
	b, _ := json.Marshal(out)
	return string(b)
}

// clearIngested renders v as generic JSON with every "ingestedAt" removed.
func clearIngested(t *testing.T, v any) any {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(any)
	walk = func(x any) {
		switch x := x.(type) {
		case map[string]any:
			delete(x, "ingestedAt")
			for _, v := range x {
				walk(v)
			}
		case []any:
			for _, v := range x {
				walk(v)
			}
		}
	}
	walk(doc)
	return doc
}

func appliedCount(t *testing.T, s *sqlitestore.Store) int64 {
	t.Helper()
	fresh, err := s.Freshness(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var n int64
	for _, f := range fresh {
		n += f.AppliedCount
	}
	return n
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func publish(t *testing.T, pub message.Publisher, topics map[string]string, events []contracts.Event) {
	t.Helper()
	for _, e := range events {
		m, err := contracts.Encode(e)
		if err != nil {
			t.Fatal(err)
		}
		msg := message.NewMessage(watermill.NewUUID(), m.Body)
		for k, v := range m.Headers {
			msg.Metadata.Set(k, v)
		}
		if err := pub.Publish(topics[e.Topic()], msg); err != nil {
			t.Fatal(err)
		}
	}
}

// encounterEvents is a small but complete encounter: opening, triage, a
// prescription, and an imaging study through its report.
func encounterEvents(t *testing.T, patientID, encounterID string, day int) []contracts.Event {
	t.Helper()
	base := time.Date(2026, 1, 1+day, 9, 0, 0, 0, time.UTC)
	enc := contracts.EncounterState{PatientID: patientID, EncounterID: encounterID, ArrivedAt: base, Status: contracts.EncounterStatusOpen,
		Patient: contracts.Patient{ID: patientID, Name: "Ana Souza " + patientID, BirthDate: "1970-01-01", Sex: "female"}}
	tri := enc
	tri.Triage = &contracts.TriageAssessment{Acuity: 2, ChiefComplaint: "Dyspnea", NurseID: "N-2", AssessedAt: base.Add(5 * time.Minute),
		Vitals: contracts.Vitals{HeartRate: 110, Systolic: 150, Diastolic: 90, RespiratoryRate: 24, TemperatureC: 37.9, SpO2: 91, PainScore: 3}}
	study := contracts.ImagingStudyState{PatientID: patientID, EncounterID: encounterID, StudyID: "IS-" + encounterID, Status: contracts.StudyStatusOrdered,
		Modality: "XR", ProcedureCode: "XRCHEST", BodySite: "Chest", OrderedBy: "PR-1", OrderedAt: base.Add(10 * time.Minute)}
	done := study
	done.Status, done.StudyInstanceUID, done.Technologist = contracts.StudyStatusPerformed, "1.2.3.4", "T-1"
	performed := base.Add(30 * time.Minute)
	done.PerformedAt = &performed
	reported := done
	reported.Status = contracts.StudyStatusReported
	reported.Report = &contracts.ImagingReport{Findings: "Bilateral infiltrates.", Impression: "Pneumonia.", Radiologist: "RAD-1",
		Status: contracts.ReportStatusFinal, FinalizedAt: base.Add(time.Hour)}
	steps := []struct {
		p       contracts.Payload
		version int64
		when    time.Time
	}{
		{contracts.EncounterOpened{EncounterState: enc}, 1, base},
		{contracts.TriageRecorded{EncounterState: tri}, 2, base.Add(5 * time.Minute)},
		{contracts.ImagingStudyOrdered{ImagingStudyState: study}, 1, base.Add(10 * time.Minute)},
		{contracts.ImagingStudyPerformed{ImagingStudyState: done}, 2, performed},
		{contracts.ImagingReportFinalized{ImagingStudyState: reported}, 3, base.Add(time.Hour)},
	}
	var out []contracts.Event
	for _, s := range steps {
		e, err := contracts.NewEvent(s.p, contracts.Meta{OccurredAt: s.when, RecordedAt: s.when, AggregateVersion: s.version})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}
