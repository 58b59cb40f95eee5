package main

import (
	"fmt"
	"net"
	"strings"
)

// component is one process of the hospital.
type component struct {
	// name is the binary's name and how the launcher refers to it.
	name string
	// addrEnv is the variable holding its listen address, and defaultAddr its default.
	addrEnv, defaultAddr string
	// healthPath is polled over HTTP until it answers 200; "" means a TCP connect suffices.
	healthPath string
	// urlPath is appended to the printed URL.
	urlPath string
}

// hospital lists the components in start order: the broker first, the API last.
func hospital() []component {
	return []component{
		{name: brokerComponent, addrEnv: "PRONTUARIO_BROKER_ADDR", defaultAddr: "127.0.0.1:9092"},
		{name: "triage", addrEnv: "PRONTUARIO_TRIAGE_ADDR", defaultAddr: "127.0.0.1:8081", healthPath: "/healthz"},
		{name: "prescription", addrEnv: "PRONTUARIO_PRESCRIPTION_ADDR", defaultAddr: "127.0.0.1:8082", healthPath: "/healthz"},
		{name: "lab", addrEnv: "PRONTUARIO_LAB_ADDR", defaultAddr: "127.0.0.1:8083", healthPath: "/healthz"},
		{name: "imaging", addrEnv: "PRONTUARIO_IMAGING_ADDR", defaultAddr: "127.0.0.1:8084", healthPath: "/healthz"},
		{name: "aggregator", addrEnv: "PRONTUARIO_AGGREGATOR_ADDR", defaultAddr: "127.0.0.1:8090", healthPath: "/healthz"},
		{name: "graphql", addrEnv: "PRONTUARIO_GRAPHQL_ADDR", defaultAddr: "127.0.0.1:8080", healthPath: "/healthz", urlPath: "/graphql"},
	}
}

// addr is the component's listen address under getenv.
func (c component) addr(getenv func(string) string) string {
	if v := getenv(c.addrEnv); v != "" {
		return v
	}
	return c.defaultAddr
}

// dialAddr turns a listen address such as ":8081" into one a client can dial.
func dialAddr(listen string) string {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return listen
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}

// url is how a person reaches the component.
func (c component) url(getenv func(string) string) string {
	a := dialAddr(c.addr(getenv))
	if c.healthPath == "" {
		return a
	}
	return fmt.Sprintf("http://%s%s", a, c.urlPath)
}

// brokerComponent is the embedded broker's name in [hospital].
const brokerComponent = "broker"

// externalKafka reports whether the operator pointed the hospital at a Kafka
// of their own (PRONTUARIO_KAFKA_BROKERS), in which case the embedded broker
// is not started.
func externalKafka(getenv func(string) string) bool {
	return getenv("PRONTUARIO_KAFKA_BROKERS") != ""
}

// serviceURLEnv maps each domain service to the variable the simulator reads
// its base URL from.
var serviceURLEnv = map[string]string{
	"triage":       "PRONTUARIO_TRIAGE_URL",
	"prescription": "PRONTUARIO_PRESCRIPTION_URL",
	"lab":          "PRONTUARIO_LAB_URL",
	"imaging":      "PRONTUARIO_IMAGING_URL",
}

// simulatorEnv is the environment of the demo simulator: the launcher's own
// plus every domain service's URL as the launcher started it, so overridden
// PRONTUARIO_<DOMAIN>_ADDR values reach it.
func simulatorEnv(base []string, getenv func(string) string) []string {
	env := append([]string(nil), base...)
	for _, c := range hospital() {
		if v, ok := serviceURLEnv[c.name]; ok && getenv(v) == "" {
			env = append(env, v+"="+c.url(getenv))
		}
	}
	return env
}

// envFor returns the environment a component's process gets: the launcher's
// own, plus the defaults that point every service at .prontuario/ and at
// the embedded broker (wherever PRONTUARIO_BROKER_ADDR put it).
func envFor(c component, base []string, dataDir string, getenv func(string) string) []string {
	env := append([]string(nil), base...)
	set := func(k, v string) {
		prefix := k + "="
		for _, kv := range env {
			if strings.HasPrefix(kv, prefix) {
				return
			}
		}
		env = append(env, prefix+v)
	}
	set(c.addrEnv, c.defaultAddr)
	set("PRONTUARIO_BROKER_DATA_DIR", dataDir+"/broker")
	for _, b := range hospital() {
		if b.name == brokerComponent {
			set("PRONTUARIO_KAFKA_BROKERS", dialAddr(b.addr(getenv)))
		}
	}
	set("PRONTUARIO_LOG_FORMAT", "text")
	for _, d := range []string{"triage", "prescription", "lab", "imaging"} {
		set("PRONTUARIO_"+strings.ToUpper(d)+"_DATABASE_URL", "sqlite:"+dataDir+"/"+d+".db")
	}
	// One aggregator replica: static group members, so a crash and restart
	// takes its place in the consumer group at once.
	set("PRONTUARIO_AGGREGATOR_INSTANCE_ID", "aggregator-1")
	set("PRONTUARIO_READSTORE", "sqlite")
	set("PRONTUARIO_READSTORE_PATH", dataDir+"/readmodel.db")
	return env
}
