// Package obstest helps tests observe a process: read its metrics the way
// Prometheus does (over HTTP, in the text exposition format) and capture
// its logs to check what they carry.
package obstest

import (
	"bufio"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Series are the samples of one scrape by series name with its labels, as
// exposed: `name{label="value",...}` with labels in alphabetical order, or
// just `name` without labels.
type Series map[string]float64

// Scrape GETs url (a /metrics endpoint) and returns its samples.
func Scrape(t testing.TB, url string) Series {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("scrape %s: %v", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("scrape %s: status %d", url, resp.StatusCode)
	}
	series := Series{}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		i := strings.LastIndexByte(line, ' ')
		if line == "" || strings.HasPrefix(line, "#") || i < 0 {
			continue
		}
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			t.Fatalf("scrape %s: line %q: %v", url, line, err)
		}
		series[line[:i]] = v
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("scrape %s: %v", url, err)
	}
	return series
}

// Serve serves reg on an httptest server until the test ends and returns
// the URL of its /metrics.
func Serve(t testing.TB, reg *prometheus.Registry) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + "/metrics"
}

// Eventually scrapes url until cond holds for the samples, or fails the
// test after 30 s.
func Eventually(t testing.TB, url, what string, cond func(Series) bool) Series {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		s := Scrape(t, url)
		if cond(s) {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 30s", what)
		}
		time.Sleep(20 * time.Millisecond) // polling interval
	}
}
