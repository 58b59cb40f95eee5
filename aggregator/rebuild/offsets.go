package rebuild

import (
	"errors"
	"fmt"

	"github.com/IBM/sarama"
)

// offsets maps topic -> partition -> offset (the next offset to read).
type offsets map[string]map[int32]int64

// total is the sum of the offsets.
func (o offsets) total() int64 {
	var n int64
	for _, ps := range o {
		for _, off := range ps {
			n += off
		}
	}
	return n
}

// reached reports whether o is at or past target on every partition.
func (o offsets) reached(target offsets) bool {
	for topic, ps := range target {
		for p, want := range ps {
			if o[topic][p] < want {
				return false
			}
		}
	}
	return true
}

// broker reads end offsets and consumer-group offsets.
type broker struct {
	client sarama.Client
	admin  sarama.ClusterAdmin
}

func newBroker(brokers []string, cfg *sarama.Config) (*broker, error) {
	client, err := sarama.NewClient(brokers, cfg)
	if err != nil {
		return nil, fmt.Errorf("kafka client: %w", err)
	}
	admin, err := sarama.NewClusterAdminFromClient(client)
	if err != nil {
		client.Close()
		return nil, fmt.Errorf("kafka admin: %w", err)
	}
	return &broker{client: client, admin: admin}, nil
}

func (b *broker) Close() error { return b.admin.Close() } // closes the client too

func (b *broker) partitions(topics []string) (map[string][]int32, error) {
	out := map[string][]int32{}
	for _, t := range topics {
		ps, err := b.client.Partitions(t)
		if err != nil {
			return nil, fmt.Errorf("partitions of %s: %w", t, err)
		}
		out[t] = ps
	}
	return out, nil
}

// ends returns the end offset of every partition of topics.
func (b *broker) ends(topics []string) (offsets, error) {
	parts, err := b.partitions(topics)
	if err != nil {
		return nil, err
	}
	out := offsets{}
	for t, ps := range parts {
		out[t] = map[int32]int64{}
		for _, p := range ps {
			off, err := b.client.GetOffset(t, p, sarama.OffsetNewest)
			if err != nil {
				return nil, fmt.Errorf("end offset of %s/%d: %w", t, p, err)
			}
			out[t][p] = off
		}
	}
	return out, nil
}

// committed returns a group's committed offsets on topics (0 where none).
func (b *broker) committed(group string, topics []string) (offsets, error) {
	parts, err := b.partitions(topics)
	if err != nil {
		return nil, err
	}
	out := offsets{}
	resp, err := b.admin.ListConsumerGroupOffsets(group, parts)
	if errors.Is(err, sarama.ErrGroupIDNotFound) {
		// A group that has committed nothing yet.
		for t, ps := range parts {
			out[t] = map[int32]int64{}
			for _, p := range ps {
				out[t][p] = 0
			}
		}
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("offsets of group %s: %w", group, err)
	}
	for t, ps := range parts {
		out[t] = map[int32]int64{}
		for _, p := range ps {
			if blk := resp.GetBlock(t, p); blk != nil && blk.Offset > 0 {
				out[t][p] = blk.Offset
			}
		}
	}
	return out, nil
}
