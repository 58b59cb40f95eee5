package server

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"net/http"
)

// The query page is a small self-contained HTML and JavaScript page, not
// the GraphiQL bundle: GraphiQL's build (React, CodeMirror) is not
// available offline here, and the page must work on a machine without
// internet. Both files are embedded in the binary; nothing is fetched from
// elsewhere, and the Content-Security-Policy says so.
//
//go:embed assets/page.html assets/page.js
var assets embed.FS

// page is the rendered query page and its Content-Security-Policy.
type page struct {
	html []byte
	csp  string
}

func newPage() (page, error) {
	html, err := assets.ReadFile("assets/page.html")
	if err != nil {
		return page{}, fmt.Errorf("query page: %w", err)
	}
	js, err := assets.ReadFile("assets/page.js")
	if err != nil {
		return page{}, fmt.Errorf("query page: %w", err)
	}
	const marker = "/*SCRIPT*/"
	if !bytes.Contains(html, []byte(marker)) {
		return page{}, fmt.Errorf("query page: page.html lacks %s", marker)
	}
	sum := sha256.Sum256(js)
	return page{
		html: bytes.Replace(html, []byte(marker), js, 1),
		csp: "default-src 'none'; connect-src 'self'; style-src 'unsafe-inline'; " +
			"script-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; " +
			"form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
	}, nil
}

func (p page) serve(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", p.csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	_, _ = w.Write(p.html) // the browser went away: nothing to do
}
