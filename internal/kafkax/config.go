package kafkax

import (
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/prontuario/prontuario/contracts"
)

// Defaults applied by [Config.WithDefaults] to zero-valued fields.
const (
	DefaultClientID          = "prontuario"
	DefaultSessionTimeout    = 10 * time.Second
	DefaultHeartbeatInterval = 3 * time.Second
)

// Fast consumer-group timings set by [Config.WithFastRebalance].
const (
	FastSessionTimeout    = 2 * time.Second
	FastHeartbeatInterval = 200 * time.Millisecond
)

// SASL mechanisms accepted in SASLConfig.Mechanism.
const (
	SASLPlain       = "PLAIN"
	SASLSCRAMSHA256 = "SCRAM-SHA-256"
	SASLSCRAMSHA512 = "SCRAM-SHA-512"
)

// Config says how to reach the Kafka cluster. The zero value of each field
// means "use the default"; see [Config.WithDefaults].
type Config struct {
	// Brokers are the bootstrap host:port addresses, default
	// [contracts.DefaultBrokerAddr].
	Brokers []string

	// ClientID names this process in the broker's logs, default
	// [DefaultClientID].
	ClientID string

	// TLS encrypts the connections; off by default.
	TLS TLSConfig

	// SASL authenticates the connections; off by default.
	SASL SASLConfig

	// SessionTimeout is how long a consumer-group member may go without a
	// heartbeat before the broker evicts it and gives its partitions to
	// the others, default [DefaultSessionTimeout]. It must lie within the
	// broker's group.min/max.session.timeout.ms (6 s to 5 min by default).
	SessionTimeout time.Duration

	// HeartbeatInterval is how often a member heartbeats, and so how soon
	// it notices a rebalance, default [DefaultHeartbeatInterval]. It must
	// be below SessionTimeout; a third of it is customary.
	HeartbeatInterval time.Duration
}

// TLSConfig enables TLS towards the brokers.
type TLSConfig struct {
	// Enabled turns TLS on. The other fields are errors without it.
	Enabled bool
	// CAFile is a PEM bundle of the CAs that sign the brokers' certificates;
	// empty trusts the system roots.
	CAFile string
	// CertFile and KeyFile are the PEM client certificate and key, for
	// brokers that require mutual TLS. Both or neither.
	CertFile string
	KeyFile  string
	// InsecureSkipVerify accepts any broker certificate. Tests only.
	InsecureSkipVerify bool
}

// SASLConfig enables SASL authentication towards the brokers.
type SASLConfig struct {
	// Mechanism is [SASLPlain], [SASLSCRAMSHA256] or [SASLSCRAMSHA512];
	// empty disables SASL. PLAIN sends the password as is: use it with TLS.
	Mechanism string
	// User and Password are required with a Mechanism.
	User     string
	Password string
}

// WithDefaults returns a copy of c with every zero-valued field set to its
// default.
func (c Config) WithDefaults() Config {
	if len(c.Brokers) == 0 {
		c.Brokers = []string{contracts.DefaultBrokerAddr}
	}
	if c.ClientID == "" {
		c.ClientID = DefaultClientID
	}
	if c.SessionTimeout == 0 {
		c.SessionTimeout = DefaultSessionTimeout
	}
	if c.HeartbeatInterval == 0 {
		c.HeartbeatInterval = DefaultHeartbeatInterval
	}
	return c
}

// WithFastRebalance returns a copy of c whose consumer groups notice
// rebalances within [FastHeartbeatInterval] and evict a silent member after
// [FastSessionTimeout]: for tests and single-machine setups, against a broker
// whose minimum session timeout allows it (internal/testinfra/kafkatest's
// does; a default Kafka or internal/broker does not).
func (c Config) WithFastRebalance() Config {
	c.SessionTimeout = FastSessionTimeout
	c.HeartbeatInterval = FastHeartbeatInterval
	return c
}

// Validate reports every problem of c, joined. Call it on the result of
// [Config.WithDefaults].
func (c Config) Validate() error {
	var errs []error
	if len(c.Brokers) == 0 {
		errs = append(errs, errors.New("Brokers must not be empty"))
	}
	for _, b := range c.Brokers {
		if _, _, err := net.SplitHostPort(b); err != nil {
			errs = append(errs, fmt.Errorf("broker %q: %w", b, err))
		}
	}
	if c.ClientID == "" {
		errs = append(errs, errors.New("ClientID must not be empty"))
	}
	if c.SessionTimeout <= 0 {
		errs = append(errs, fmt.Errorf("SessionTimeout must be positive, got %s", c.SessionTimeout))
	}
	if c.HeartbeatInterval <= 0 || c.HeartbeatInterval >= c.SessionTimeout {
		errs = append(errs, fmt.Errorf("HeartbeatInterval must be positive and below SessionTimeout (%s), got %s", c.SessionTimeout, c.HeartbeatInterval))
	}
	errs = append(errs, c.TLS.validate(), c.SASL.validate())
	return errors.Join(errs...)
}

func (t TLSConfig) validate() error {
	var errs []error
	if !t.Enabled && (t.CAFile != "" || t.CertFile != "" || t.KeyFile != "" || t.InsecureSkipVerify) {
		errs = append(errs, errors.New("TLS settings are given but TLS is not enabled"))
	}
	if (t.CertFile == "") != (t.KeyFile == "") {
		errs = append(errs, errors.New("TLS CertFile and KeyFile go together: give both or neither"))
	}
	return errors.Join(errs...)
}

func (s SASLConfig) validate() error {
	var errs []error
	switch strings.ToUpper(s.Mechanism) {
	case "":
		if s.User != "" || s.Password != "" {
			errs = append(errs, errors.New("SASL User/Password are given but no SASL Mechanism"))
		}
		return errors.Join(errs...)
	case SASLPlain, SASLSCRAMSHA256, SASLSCRAMSHA512:
	default:
		errs = append(errs, fmt.Errorf("SASL Mechanism %q: want %s, %s or %s", s.Mechanism, SASLPlain, SASLSCRAMSHA256, SASLSCRAMSHA512))
	}
	if s.User == "" {
		errs = append(errs, errors.New("SASL User is required with a Mechanism"))
	}
	if s.Password == "" {
		errs = append(errs, errors.New("SASL Password is required with a Mechanism"))
	}
	return errors.Join(errs...)
}
