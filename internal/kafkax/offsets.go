package kafkax

import (
	"errors"
	"fmt"

	"github.com/IBM/sarama"
)

// Offsets maps topic -> partition -> offset (the next offset to read).
type Offsets map[string]map[int32]int64

// Total is the sum of the offsets.
func (o Offsets) Total() int64 {
	var n int64
	for _, ps := range o {
		for _, off := range ps {
			n += off
		}
	}
	return n
}

// Reached reports whether o is at or past target on every partition of target.
func (o Offsets) Reached(target Offsets) bool {
	for topic, ps := range target {
		for p, want := range ps {
			if o[topic][p] < want {
				return false
			}
		}
	}
	return true
}

// Admin reads topic end offsets and consumer-group offsets. It is safe for
// concurrent use; Close it when done.
type Admin struct {
	client sarama.Client
	admin  sarama.ClusterAdmin
}

// NewAdmin connects to the brokers of cfg.
func NewAdmin(cfg Config) (*Admin, error) {
	cfg = cfg.WithDefaults()
	sc, err := SaramaConfig(cfg)
	if err != nil {
		return nil, err
	}
	client, err := sarama.NewClient(cfg.Brokers, sc)
	if err != nil {
		return nil, fmt.Errorf("kafka client: %w", err)
	}
	admin, err := sarama.NewClusterAdminFromClient(client)
	if err != nil {
		client.Close()
		return nil, fmt.Errorf("kafka admin: %w", err)
	}
	return &Admin{client: client, admin: admin}, nil
}

// Close releases the connections.
func (a *Admin) Close() error { return a.admin.Close() } // closes the client too

func (a *Admin) partitions(topics []string) (map[string][]int32, error) {
	out := map[string][]int32{}
	for _, t := range topics {
		ps, err := a.client.Partitions(t)
		if err != nil {
			return nil, fmt.Errorf("partitions of %s: %w", t, err)
		}
		out[t] = ps
	}
	return out, nil
}

// EndOffsets returns the end offset of every partition of topics.
func (a *Admin) EndOffsets(topics []string) (Offsets, error) {
	parts, err := a.partitions(topics)
	if err != nil {
		return nil, err
	}
	out := Offsets{}
	for t, ps := range parts {
		out[t] = map[int32]int64{}
		for _, p := range ps {
			off, err := a.client.GetOffset(t, p, sarama.OffsetNewest)
			if err != nil {
				return nil, fmt.Errorf("end offset of %s/%d: %w", t, p, err)
			}
			out[t][p] = off
		}
	}
	return out, nil
}

// CommittedOffsets returns a group's committed offsets on topics, 0 where
// it has committed none (also for a group that does not exist yet).
func (a *Admin) CommittedOffsets(group string, topics []string) (Offsets, error) {
	parts, err := a.partitions(topics)
	if err != nil {
		return nil, err
	}
	out := Offsets{}
	for t, ps := range parts {
		out[t] = map[int32]int64{}
		for _, p := range ps {
			out[t][p] = 0
		}
	}
	resp, err := a.admin.ListConsumerGroupOffsets(group, parts)
	if errors.Is(err, sarama.ErrGroupIDNotFound) {
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("offsets of group %s: %w", group, err)
	}
	for t, ps := range parts {
		for _, p := range ps {
			if blk := resp.GetBlock(t, p); blk != nil && blk.Offset > 0 {
				out[t][p] = blk.Offset
			}
		}
	}
	return out, nil
}
