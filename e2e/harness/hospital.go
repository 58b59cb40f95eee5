package harness

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Options choose the stores the hospital runs on.
type Options struct {
	// DomainDSN returns the database URL of a domain service; nil puts each
	// on SQLite in the hospital's data dir.
	DomainDSN func(t testing.TB, domain string) string
	// ReadStore is "sqlite" (default) or "mongodb".
	ReadStore string
	// MongoURI and MongoDatabase locate the MongoDB read store.
	MongoURI, MongoDatabase string
}

// Domains are the four domain services.
func Domains() []string { return []string{"triage", "prescription", "lab", "imaging"} }

// Hospital is every process of Prontuario, each on its own free port.
type Hospital struct {
	Broker     *Proc
	Services   map[string]*Proc // by domain
	Aggregator *Proc
	GraphQL    *Proc
	// BrokerAddr is the Kafka bootstrap address.
	BrokerAddr string
	// URL is each HTTP process's base URL, by name.
	URL map[string]string
	// Tokens are the API's bearer tokens by role.
	Tokens map[string]string
	// Env is the environment every process got (plus its own address).
	Env  []string
	bins Binaries
}

// Start runs the broker, the four services, the aggregator and the GraphQL
// API, in that order, each healthy before the next starts.
func Start(t testing.TB, bins Binaries, o Options) *Hospital {
	t.Helper()
	dir := t.TempDir()
	h := &Hospital{Services: map[string]*Proc{}, URL: map[string]string{}, bins: bins,
		Tokens: map[string]string{"auditor": "tok-auditor", "billing": "tok-billing", "clinician": "tok-clinician"}}
	h.BrokerAddr = FreeAddr(t)
	readStore := o.ReadStore
	if readStore == "" {
		readStore = "sqlite"
	}
	h.Env = append(os.Environ(),
		"PRONTUARIO_KAFKA_BROKERS="+h.BrokerAddr,
		"PRONTUARIO_LOG_FORMAT=text",
		"PRONTUARIO_READSTORE="+readStore,
		"PRONTUARIO_READSTORE_PATH="+filepath.Join(dir, "readmodel.db"),
		"PRONTUARIO_MONGODB_URI="+o.MongoURI,
		"PRONTUARIO_MONGODB_DATABASE="+o.MongoDatabase,
		"PRONTUARIO_AUTH_TOKENS=tok-auditor=auditor,tok-billing=billing,tok-clinician=clinician",
	)
	h.Broker = NewProc("broker", bins.Path("broker"), envWith(h.Env,
		"PRONTUARIO_BROKER_ADDR="+h.BrokerAddr, "PRONTUARIO_BROKER_DATA_DIR="+filepath.Join(dir, "broker")), h.BrokerAddr)
	h.Broker.Start(t)
	for _, d := range Domains() {
		addr := FreeAddr(t)
		dsn := "sqlite:" + filepath.Join(dir, d+".db")
		if o.DomainDSN != nil {
			dsn = o.DomainDSN(t, d)
		}
		up := strings.ToUpper(d)
		h.URL[d] = "http://" + addr
		h.Services[d] = NewProc(d, bins.Path(d), envWith(h.Env, "PRONTUARIO_"+up+"_ADDR="+addr, "PRONTUARIO_"+up+"_DATABASE_URL="+dsn), h.URL[d]+"/healthz")
		h.Services[d].Start(t)
	}
	aggAddr := FreeAddr(t)
	h.URL["aggregator"] = "http://" + aggAddr
	h.Aggregator = NewProc("aggregator", bins.Path("aggregator"), envWith(h.Env, "PRONTUARIO_AGGREGATOR_ADDR="+aggAddr, "PRONTUARIO_AGGREGATOR_INSTANCE_ID=aggregator-1"), h.URL["aggregator"]+"/readyz")
	h.Aggregator.Start(t)
	gqlAddr := FreeAddr(t)
	h.URL["graphql"] = "http://" + gqlAddr
	h.GraphQL = NewProc("graphql", bins.Path("graphql"), envWith(h.Env, "PRONTUARIO_GRAPHQL_ADDR="+gqlAddr), h.URL["graphql"]+"/healthz")
	h.GraphQL.Start(t)
	return h
}

// envWith returns a new slice: base plus kv. (Appending to a shared base
// would let processes overwrite each other's variables.)
func envWith(base []string, kv ...string) []string {
	return append(append(make([]string, 0, len(base)+len(kv)), base...), kv...)
}

// Logs returns every process's output, for a failing test's report.
func (h *Hospital) Logs() string {
	var b strings.Builder
	procs := []*Proc{h.Broker}
	for _, d := range Domains() {
		procs = append(procs, h.Services[d])
	}
	procs = append(procs, h.Aggregator, h.GraphQL)
	for _, p := range procs {
		b.WriteString("==== " + p.Name + "\n" + p.Logs() + "\n")
	}
	return b.String()
}

// Simulator returns a command running the simulator against the hospital.
func (h *Hospital) Simulator(args ...string) *Proc {
	env := envWith(h.Env,
		"PRONTUARIO_TRIAGE_URL="+h.URL["triage"], "PRONTUARIO_PRESCRIPTION_URL="+h.URL["prescription"],
		"PRONTUARIO_LAB_URL="+h.URL["lab"], "PRONTUARIO_IMAGING_URL="+h.URL["imaging"])
	return NewProc("simulate", h.bins.Path("simulate"), env, "", args...)
}
