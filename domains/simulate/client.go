package simulate

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Accepted is one command a service accepted (2xx), as its answer says.
type Accepted struct {
	Command string `json:"command"`
	ID      string `json:"id"`
	EventID string `json:"eventId"`
	Version int    `json:"version"`
	// PatientID and EncounterID say whose history the event belongs to.
	PatientID   string `json:"patientId"`
	EncounterID string `json:"encounterId"`
}

// Pauses between the tries of one command: doubling from firstPause up to
// maxPause, for as long as the client's retryFor allows.
const (
	firstPause = 200 * time.Millisecond
	maxPause   = 2 * time.Second
)

// client sends commands, paced by the limiter, and records their outcome.
type client struct {
	// retryFor bounds how long one command is retried after its first try.
	retryFor time.Duration
	http     *http.Client
	limiter  *limiter
	stats    *Stats
	sink     func(Accepted)
}

// RejectedError is a command the service refused (4xx): the simulator's
// traffic includes none on purpose, so it is counted and the journey stops.
type RejectedError struct {
	Command string
	Status  int
	Body    string
}

func (e *RejectedError) Error() string {
	return fmt.Sprintf("%s rejected with %d: %s", e.Command, e.Status, e.Body)
}

// post sends one command with a fresh Idempotency-Key, retrying with the
// same key and a growing pause on a transport error or 5xx (as a careful
// client would: the key makes the retry safe, and a command that committed
// just before its service crashed gets its first answer back).
func (c *client) post(ctx context.Context, command, url string, body any) (Accepted, error) {
	return c.postFor(ctx, "", "", command, url, body)
}

// postFor is post for a command of a patient's encounter, which the
// accepted record then names.
func (c *client) postFor(ctx context.Context, patientID, encounterID, command, url string, body any) (Accepted, error) {
	payload, err := json.Marshal(body)
	if err != nil {
		return Accepted{}, err
	}
	key := newKey()
	var last error
	pause := firstPause
	giveUp := time.Now().Add(c.retryFor)
	for attempt := 0; ; attempt++ {
		if attempt > 0 {
			if time.Now().Add(pause).After(giveUp) {
				c.stats.giveUp()
				return Accepted{}, fmt.Errorf("%s: gave up after %d tries: %w", command, attempt, last)
			}
			select {
			case <-ctx.Done():
				return Accepted{}, ctx.Err()
			case <-time.After(pause):
			}
			pause = min(2*pause, maxPause)
		}
		if err := c.limiter.wait(ctx); err != nil {
			return Accepted{}, err
		}
		start := time.Now()
		acc, status, err := c.send(ctx, url, key, payload)
		c.stats.record(command, status, err, time.Since(start))
		if err == nil && status/100 == 2 {
			acc.Command, acc.PatientID, acc.EncounterID = command, patientID, encounterID
			if command == "OpenEncounter" {
				acc.EncounterID = acc.ID
			}
			if c.sink != nil {
				c.sink(acc)
			}
			return acc, nil
		}
		if err == nil && status/100 == 4 {
			return Accepted{}, &RejectedError{Command: command, Status: status, Body: string(acc.ID)}
		}
		if err == nil {
			err = fmt.Errorf("%s: status %d", command, status)
		}
		last = err
	}
}

func (c *client) send(ctx context.Context, url, key string, payload []byte) (Accepted, int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(payload))
	if err != nil {
		return Accepted{}, 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", key)
	resp, err := c.http.Do(req)
	if err != nil {
		return Accepted{}, 0, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return Accepted{}, resp.StatusCode, err
	}
	if resp.StatusCode/100 != 2 {
		// The problem document travels in ID for the error message.
		return Accepted{ID: string(raw)}, resp.StatusCode, nil
	}
	var acc Accepted
	if err := json.Unmarshal(raw, &acc); err != nil {
		return Accepted{}, resp.StatusCode, fmt.Errorf("decode answer %q: %w", raw, err)
	}
	return acc, resp.StatusCode, nil
}

func newKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// limiter paces commands to a rate; safe for concurrent use.
type limiter struct {
	tick *time.Ticker
}

func newLimiter(rate float64) *limiter {
	return &limiter{tick: time.NewTicker(time.Duration(float64(time.Second) / rate))}
}

func (l *limiter) wait(ctx context.Context) error {
	select {
	case <-l.tick.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (l *limiter) stop() { l.tick.Stop() }
