package rebuild_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/prontuario/prontuario/aggregator/pipeline"
	"github.com/prontuario/prontuario/aggregator/store/sqlitestore"
	"github.com/prontuario/prontuario/contracts"
	"github.com/prontuario/prontuario/internal/kafkax"
	"github.com/prontuario/prontuario/internal/testinfra/kafkatest"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// rig is one test's broker and topics, its read store and a live
// aggregator writing to the store's active generation, bound per batch as
// the aggregator command does.
type rig struct {
	t      *testing.T
	kcfg   kafkax.Config
	topics map[string]string // contracts topic -> this test's topic
	live   pipeline.Config
	path   string
	store  *sqlitestore.Store
	pub    message.Publisher
}

func newRig(t *testing.T) *rig {
	t.Helper()
	kb := kafkatest.Start(t)
	r := &rig{t: t, kcfg: kafkax.Config{Brokers: []string{kb.Addr()}}.WithDefaults().WithFastRebalance(), topics: map[string]string{}}
	var names []string
	for _, topic := range contracts.SourceTopics() {
		r.topics[topic] = kafkatest.UniqueName(t, topic)
		names = append(names, r.topics[topic])
	}
	dlq := kafkatest.UniqueName(t, "dlq")
	kb.CreateTopics(t, append(names, dlq)...)
	r.live = pipeline.Config{ConsumerGroup: kafkatest.UniqueName(t, "live"), Topics: names, DeadLetterTopic: dlq}
	r.path = filepath.Join(t.TempDir(), "read.db")
	r.store = openStore(t, r.path)
	pub, err := kafkax.NewPublisher(r.kcfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pub.Close() })
	r.pub = pub
	return r
}

func openStore(t *testing.T, path string) *sqlitestore.Store {
	t.Helper()
	s, err := sqlitestore.Open(context.Background(), sqlitestore.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// following is the live aggregator's store: the active generation, bound
// once per batch (pipeline.GenerationBinder), like the command's.
type following struct{ *sqlitestore.Store }

func (f following) BindGeneration(ctx context.Context) (pipeline.Store, error) {
	return f.BindActive(ctx)
}

// run starts a pipeline with cfg into s until the test ends.
func (r *rig) run(cfg pipeline.Config, s pipeline.Store) {
	r.t.Helper()
	sub, err := kafkax.NewSubscriber(r.kcfg, cfg.ConsumerGroup, nil)
	if err != nil {
		r.t.Fatal(err)
	}
	p, err := pipeline.New(cfg, sub, r.pub, s, nil, quiet())
	if err != nil {
		r.t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	r.t.Cleanup(func() {
		stop()
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			r.t.Errorf("pipeline %s: %v", cfg.ConsumerGroup, err)
		}
		sub.Close()
	})
}

// startLive starts the live aggregator.
func (r *rig) startLive() { r.run(r.live, following{r.store}) }

// settled waits until group has committed every message of the topics.
func (r *rig) settled(group string) {
	r.t.Helper()
	admin, err := kafkax.NewAdmin(r.kcfg)
	if err != nil {
		r.t.Fatal(err)
	}
	defer admin.Close()
	waitFor(r.t, "group "+group+" to consume everything", func() bool {
		end, err := admin.EndOffsets(r.live.Topics)
		if err != nil {
			r.t.Fatal(err)
		}
		done, err := admin.CommittedOffsets(group, r.live.Topics)
		if err != nil {
			r.t.Fatal(err)
		}
		return done.Reached(end)
	})
}

// publishPoison publishes a message on the triage topic that cannot be decoded.
func (r *rig) publishPoison(like contracts.Event) {
	r.t.Helper()
	m, err := contracts.Encode(like)
	if err != nil {
		r.t.Fatal(err)
	}
	msg := message.NewMessage("poison-"+like.ID, []byte(`{not json`))
	for k, v := range m.Headers {
		msg.Metadata.Set(k, v)
	}
	if err := r.pub.Publish(r.topics[contracts.TopicTriage], msg); err != nil {
		r.t.Fatal(err)
	}
}

// control consumes every topic from the beginning, with a group of its own,
// into a store of its own: the read model a clean build yields.
func (r *rig) control() *sqlitestore.Store {
	r.t.Helper()
	s := openStore(r.t, r.controlPath())
	cfg := r.live
	cfg.ConsumerGroup = kafkatest.UniqueName(r.t, "control")
	cfg.RecordDeadLettersOnly = true
	r.run(cfg, s)
	r.settled(cfg.ConsumerGroup)
	return s
}

// controlPath is the file of the control store.
func (r *rig) controlPath() string { return filepath.Join(filepath.Dir(r.path), "control.db") }

// progress is a progress writer safe to read while the rebuild writes it.
type progress struct {
	mu  sync.Mutex
	buf []byte
}

func (p *progress) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.buf = append(p.buf, b...)
	return len(b), nil
}

func (p *progress) String() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return string(p.buf)
}
