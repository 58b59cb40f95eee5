package codec_test

import (
	"slices"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"

	"github.com/prontuario/prontuario/aggregator/store/internal/codec"
)

func TestTimeKeysSortInTimeOrder(t *testing.T) {
	saoPaulo := time.FixedZone("BRT", -3*60*60)
	times := []time.Time{
		{}, // the zero time, year 1
		time.Date(1985, 7, 10, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 2, 9, 0, 0, 999999999, saoPaulo), // 12:00:00.999999999Z
		time.Date(2026, 3, 2, 12, 0, 1, 0, time.UTC),
		time.Date(2026, 3, 2, 12, 0, 1, 1, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
	}
	var keys []string
	for _, tm := range times {
		k, err := codec.TimeKey(tm)
		if err != nil {
			t.Fatalf("TimeKey(%v): %v", tm, err)
		}
		if len(k) != len("2026-03-02T12:10:00.000000000Z") {
			t.Errorf("TimeKey(%v) = %q: not fixed width", tm, k)
		}
		back, err := codec.ParseTimeKey(k)
		if err != nil || !back.Equal(tm) || back.Location() != time.UTC {
			t.Errorf("ParseTimeKey(%q) = %v, %v; want %v in UTC", k, back, err, tm)
		}
		keys = append(keys, k)
	}
	if !slices.IsSorted(keys) {
		t.Errorf("keys of increasing times are not sorted: %q", keys)
	}
}

func TestTimeKeyRejectsYearsBeyondFourDigits(t *testing.T) {
	for _, tm := range []time.Time{time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)} {
		if k, err := codec.TimeKey(tm); err == nil {
			t.Errorf("TimeKey(year %d) = %q, want an error", tm.Year(), k)
		}
	}
	for _, s := range []string{"", "2026-03-02T12:10:00Z", "2026-03-02T12:10:00.000000000+0", "2026-13-02T12:10:00.000000000Z"} {
		if _, err := codec.ParseTimeKey(s); err == nil {
			t.Errorf("ParseTimeKey(%q) succeeded, want an error", s)
		}
	}
}

type doc struct {
	At    time.Time  `bson:"at"`
	Maybe *time.Time `bson:"maybe"`
	Times []time.Time
}

func TestDocumentsRoundTripWithNanosecondsInUTC(t *testing.T) {
	c := codec.New()
	at := time.Date(2026, 3, 2, 9, 0, 0, 123456789, time.FixedZone("BRT", -3*60*60))
	in := doc{At: at, Maybe: &at, Times: []time.Time{{}, at}}
	raw, err := c.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if got := bson.Raw(raw).Lookup("at").StringValue(); got != "2026-03-02T12:00:00.123456789Z" {
		t.Errorf("stored time = %q, want the UTC time key", got)
	}
	var out doc
	if err := c.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	utc := at.UTC()
	want := doc{At: utc, Maybe: &utc, Times: []time.Time{{}, utc}}
	if !out.At.Equal(want.At) || out.At.Location() != time.UTC || !out.Maybe.Equal(utc) || !slices.Equal(out.Times, want.Times) {
		t.Errorf("round trip = %+v, want %+v", out, want)
	}
}

func TestDecodesDatetimeAndNullWrittenByOthers(t *testing.T) {
	c := codec.New()
	raw, err := bson.Marshal(bson.D{{Key: "at", Value: primitive.NewDateTimeFromTime(time.UnixMilli(1772452800123))}, {Key: "maybe", Value: nil}})
	if err != nil {
		t.Fatal(err)
	}
	var out doc
	if err := c.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	if !out.At.Equal(time.UnixMilli(1772452800123)) || out.At.Location() != time.UTC || out.Maybe != nil {
		t.Errorf("decoded %+v, want the datetime in UTC and a nil pointer", out)
	}
}
