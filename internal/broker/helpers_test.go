package broker_test

import (
	"context"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
	"github.com/twmb/franz-go/pkg/kversion"

	"github.com/prontuario/prontuario/internal/broker"
)

// startBroker starts a broker on a free port with a fresh data dir unless
// cfg says otherwise, and closes it at cleanup.
func startBroker(t *testing.T, cfg broker.Config) *broker.Broker {
	t.Helper()
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	if cfg.DataDir == "" {
		cfg.DataDir = t.TempDir()
	}
	b, err := broker.Start(cfg)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(b.Close)
	return b
}

func newClient(t *testing.T, addr string) *kgo.Client {
	t.Helper()
	// OffsetCommit and OffsetFetch v10 name topics by ID; cap them at v9
	// so the helpers below can name topics.
	versions := kversion.Stable()
	versions.SetMaxKeyVersion(8, 9)
	versions.SetMaxKeyVersion(9, 9)
	cl, err := kgo.NewClient(
		kgo.SeedBrokers(addr),
		kgo.MaxVersions(versions),
		kgo.RecordPartitioner(kgo.ManualPartitioner()),
		kgo.ProducerBatchCompression(kgo.NoCompression()),
	)
	if err != nil {
		t.Fatalf("kgo.NewClient: %v", err)
	}
	t.Cleanup(cl.Close)
	return cl
}

func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// produce writes values to partition 0 of topic, stamped with ts.
func produce(t *testing.T, cl *kgo.Client, topic string, ts time.Time, values ...[]byte) {
	t.Helper()
	recs := make([]*kgo.Record, 0, len(values))
	for _, v := range values {
		recs = append(recs, &kgo.Record{Topic: topic, Partition: 0, Value: v, Timestamp: ts})
	}
	if err := cl.ProduceSync(testCtx(t), recs...).FirstErr(); err != nil {
		t.Fatalf("produce to %s: %v", topic, err)
	}
}

// offsets returns the earliest and next offsets of partition 0 of topic.
func offsets(t *testing.T, cl *kgo.Client, topic string) (earliest, next int64) {
	t.Helper()
	get := func(ts int64) int64 {
		req := kmsg.NewPtrListOffsetsRequest()
		rt := kmsg.NewListOffsetsRequestTopic()
		rt.Topic = topic
		rp := kmsg.NewListOffsetsRequestTopicPartition()
		rp.Timestamp = ts
		rt.Partitions = append(rt.Partitions, rp)
		req.Topics = append(req.Topics, rt)
		resp, err := req.RequestWith(testCtx(t), cl)
		if err != nil {
			t.Fatalf("list offsets %s: %v", topic, err)
		}
		p := resp.Topics[0].Partitions[0]
		if err := kerr.ErrorForCode(p.ErrorCode); err != nil {
			t.Fatalf("list offsets %s: %v", topic, err)
		}
		return p.Offset
	}
	return get(-2), get(-1)
}

func commitOffset(t *testing.T, cl *kgo.Client, group, topic string, offset int64) {
	t.Helper()
	req := kmsg.NewPtrOffsetCommitRequest()
	req.Group = group
	req.Generation = -1
	rt := kmsg.NewOffsetCommitRequestTopic()
	rt.Topic = topic
	rp := kmsg.NewOffsetCommitRequestTopicPartition()
	rp.Offset = offset
	rt.Partitions = append(rt.Partitions, rp)
	req.Topics = append(req.Topics, rt)
	resp, err := req.RequestWith(testCtx(t), cl)
	if err != nil {
		t.Fatalf("commit: %v", err)
	}
	if err := kerr.ErrorForCode(resp.Topics[0].Partitions[0].ErrorCode); err != nil {
		t.Fatalf("commit: %v", err)
	}
}

func fetchOffset(t *testing.T, cl *kgo.Client, group, topic string) int64 {
	t.Helper()
	req := kmsg.NewPtrOffsetFetchRequest()
	req.Group = group
	rt := kmsg.NewOffsetFetchRequestTopic()
	rt.Topic = topic
	rt.Partitions = []int32{0}
	req.Topics = append(req.Topics, rt)
	resp, err := req.RequestWith(testCtx(t), cl)
	if err != nil {
		t.Fatalf("offset fetch: %v", err)
	}
	p := resp.Topics[0].Partitions[0]
	if err := kerr.ErrorForCode(p.ErrorCode); err != nil {
		t.Fatalf("offset fetch: %v", err)
	}
	return p.Offset
}

// topicPartitions returns the partition count of every topic the broker has.
func topicPartitions(t *testing.T, cl *kgo.Client) map[string]int {
	t.Helper()
	req := kmsg.NewPtrMetadataRequest()
	resp, err := req.RequestWith(testCtx(t), cl)
	if err != nil {
		t.Fatalf("metadata: %v", err)
	}
	out := make(map[string]int)
	for _, tp := range resp.Topics {
		if tp.Topic != nil {
			out[*tp.Topic] = len(tp.Partitions)
		}
	}
	return out
}
