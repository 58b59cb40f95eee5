package server

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"net/http"
	"path"
	"strings"
)

// The query page is GraphiQL 3.8.3 on React 18.3.1, their UMD builds
// vendored unmodified in assets/graphiql (from the npm registry; licenses
// in assets/graphiql/LICENSES.txt; GraphiQL 4 and later ship no UMD
// build), and a small script starting it. Everything is embedded in the
// binary and served from the API's own URL as /graphql?asset=<name>:
// nothing is fetched from elsewhere, so the page works without internet,
// and the Content-Security-Policy says so.
//
//go:embed assets/page.html assets/page.js assets/graphiql
var assets embed.FS

// page is the rendered query page, its Content-Security-Policy and its assets.
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
		csp: "default-src 'none'; connect-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
			"style-src 'self' 'unsafe-inline'; " +
			"script-src 'self' 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; " +
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

// serveAsset answers GET ?asset=<name> with a file of assets/graphiql.
// They are public code, so no token is needed.
func (p page) serveAsset(w http.ResponseWriter, name string) {
	if name != path.Base(name) || strings.HasPrefix(name, ".") {
		http.NotFound(w, nil)
		return
	}
	body, err := assets.ReadFile("assets/graphiql/" + name)
	if err != nil {
		http.NotFound(w, nil)
		return
	}
	h := w.Header()
	switch path.Ext(name) {
	case ".js":
		h.Set("Content-Type", "text/javascript; charset=utf-8")
	case ".css":
		h.Set("Content-Type", "text/css; charset=utf-8")
	default:
		h.Set("Content-Type", "text/plain; charset=utf-8")
	}
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "public, max-age=86400")
	_, _ = w.Write(body)
}
