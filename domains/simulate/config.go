package simulate

import (
	"errors"
	"fmt"
	"net/url"
	"time"
)

// Config says how much traffic to drive and where.
type Config struct {
	// TriageURL, PrescriptionURL, LabURL and ImagingURL are the services'
	// base URLs. Defaults: http://127.0.0.1:8081 .. :8084.
	TriageURL, PrescriptionURL, LabURL, ImagingURL string
	// Patients is how many patient journeys to run. Default 20.
	Patients int
	// Duration, when set, stops starting new journeys after it; journeys
	// already under way run to their end.
	Duration time.Duration
	// Rate caps the commands per second across all journeys. Default 50.
	Rate float64
	// Concurrency is how many journeys run at once. Default 8.
	Concurrency int
	// Seed makes the clinical content of a run reproducible. Default: the clock.
	Seed int64
	// RequestTimeout bounds one HTTP call. Default 10 s.
	RequestTimeout time.Duration
	// RetryFor bounds how long a command that failed without an answer
	// (transport error or 5xx) is retried with its Idempotency-Key, so one
	// that committed just before its service crashed gets its first answer
	// back once the service is up again. Default 60 s.
	RetryFor time.Duration
}

// WithDefaults fills unset fields.
func (c Config) WithDefaults() Config {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&c.TriageURL, "http://127.0.0.1:8081")
	def(&c.PrescriptionURL, "http://127.0.0.1:8082")
	def(&c.LabURL, "http://127.0.0.1:8083")
	def(&c.ImagingURL, "http://127.0.0.1:8084")
	if c.Patients == 0 {
		c.Patients = 20
	}
	if c.Rate == 0 {
		c.Rate = 50
	}
	if c.Concurrency == 0 {
		c.Concurrency = 8
	}
	if c.Seed == 0 {
		c.Seed = time.Now().UnixNano()
	}
	if c.RequestTimeout == 0 {
		c.RequestTimeout = 10 * time.Second
	}
	if c.RetryFor == 0 {
		c.RetryFor = 60 * time.Second
	}
	return c
}

// Validate reports every problem at once.
func (c Config) Validate() error {
	var errs []error
	for name, u := range map[string]string{"triage": c.TriageURL, "prescription": c.PrescriptionURL, "lab": c.LabURL, "imaging": c.ImagingURL} {
		if p, err := url.Parse(u); err != nil || p.Scheme == "" || p.Host == "" {
			errs = append(errs, fmt.Errorf("%s URL %q is not an absolute URL", name, u))
		}
	}
	if c.Patients < 1 {
		errs = append(errs, fmt.Errorf("patients %d must be >= 1", c.Patients))
	}
	if c.Rate <= 0 {
		errs = append(errs, fmt.Errorf("rate %g must be > 0", c.Rate))
	}
	if c.Concurrency < 1 {
		errs = append(errs, fmt.Errorf("concurrency %d must be >= 1", c.Concurrency))
	}
	if c.Duration < 0 || c.RequestTimeout <= 0 || c.RetryFor < 0 {
		errs = append(errs, errors.New("duration and retry window must not be negative and the request timeout must be positive"))
	}
	return errors.Join(errs...)
}
