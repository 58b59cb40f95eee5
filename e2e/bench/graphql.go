package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// AwaitHeader is the GraphQL API's read-your-writes header.
const AwaitHeader = "X-Prontuario-Await-Event"

// GraphQL is a client of the GraphQL API. Its methods are safe for
// concurrent use.
type GraphQL struct {
	// URL is the API's base URL, e.g. http://127.0.0.1:8080.
	URL string
	// Token is sent as the bearer token.
	Token  string
	Client *http.Client
}

// Consistency is the answer's extensions.consistency, present when events
// were awaited.
type Consistency struct {
	Applied  bool     `json:"applied"`
	Pending  []string `json:"pending"`
	WaitedMs int64    `json:"waitedMs"`
}

// Answer is a GraphQL response.
type Answer struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
	Extensions struct {
		Consistency *Consistency `json:"consistency"`
	} `json:"extensions"`
}

// Do posts query with its variables, awaiting the given events (none: no
// header), and returns the answer. An HTTP status other than 200 or any
// GraphQL error is an error.
func (g GraphQL) Do(ctx context.Context, query string, vars map[string]any, await []string) (Answer, error) {
	raw, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return Answer{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.URL+"/graphql", bytes.NewReader(raw))
	if err != nil {
		return Answer{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+g.Token)
	if len(await) > 0 {
		req.Header.Set(AwaitHeader, strings.Join(await, ","))
	}
	resp, err := g.Client.Do(req)
	if err != nil {
		return Answer{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return Answer{}, fmt.Errorf("graphql: read answer: %w", err)
	}
	var a Answer
	if err := json.Unmarshal(body, &a); err != nil {
		return Answer{}, fmt.Errorf("graphql: %d %.200s: %w", resp.StatusCode, body, err)
	}
	if resp.StatusCode != http.StatusOK || len(a.Errors) > 0 {
		return a, fmt.Errorf("graphql: %d %.300s", resp.StatusCode, body)
	}
	return a, nil
}
