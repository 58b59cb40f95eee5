package broker_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/prontuario/prontuario/internal/broker"
)

func TestRetentionTrimsBySizeButNeverByAge(t *testing.T) {
	t.Parallel()
	b := startBroker(t, broker.Config{
		Topics:                 []string{"big", "old"},
		RetentionBytes:         16 << 10,
		RetentionCheckInterval: 20 * time.Millisecond,
	})
	cl := newClient(t, b.Addr())

	// Records stamped a year ago: a default Kafka (7 days) would delete them.
	produce(t, cl, "old", time.Now().AddDate(-1, 0, 0), []byte("a"), []byte("b"))
	value := bytes.Repeat([]byte("x"), 1<<10) // the client does not compress
	for range 64 {                            // 64 batches of ~1 KiB each: 4 times the cap
		produce(t, cl, "big", time.Now(), value)
	}

	// Each record batch is a little over 1 KiB, so at most 15 fit in 16 KiB.
	deadline := time.Now().Add(10 * time.Second)
	for {
		earliest, next := offsets(t, cl, "big")
		if next != 64 {
			t.Fatalf("big next offset = %d, want 64", next)
		}
		if next-earliest <= 15 {
			t.Logf("big: earliest %d, next %d", earliest, next)
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("size-based retention left %d records of ~1 KiB in topic big, want at most 15", next-earliest)
		}
		time.Sleep(10 * time.Millisecond) // polling interval, not a wait for an event
	}
	if earliest, _ := offsets(t, cl, "old"); earliest != 0 {
		t.Errorf("old records were deleted by age: earliest offset %d, want 0", earliest)
	}
}
