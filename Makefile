# Prontuario. Every target here is what CI and the README use.
GO          ?= go
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
# make test must stay under 15 minutes on 2 cores; the long fault runs are in e2e-long.
TEST_TIMEOUT ?= 14m
BIN         := .prontuario/bin

.PHONY: run build test test-short lint fmt bench bench-memory e2e e2e-long clean

## run: the whole hospital on embedded defaults (kfake broker, SQLite everywhere).
run: build
	$(BIN)/prontuario run

## build: every binary into .prontuario/bin.
build:
	@mkdir -p $(BIN)
	$(GO) build -o $(BIN)/ ./internal/cmd/... ./domains/... ./aggregator/... ./graphql/... ./e2e/...

## test: every test, including the short e2e scenarios and the headless
## Chromium test of the query page (skipped, saying so, without /usr/bin/chromium).
## Needs PostgreSQL server binaries (see .ci/run).
test:
	$(GO) test -tags browser -count=1 -timeout $(TEST_TIMEOUT) ./...

## test-short: unit tests only.
test-short:
	$(GO) test -short -count=1 ./...

## lint: formatting, vet and staticcheck (pinned, fetched through the module proxy).
## ST1005 is off: Validate errors start with the field they are about
## ("BatchSize must be ..."), as watermill's Config types do.
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) -checks inherit,-ST1005 ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

## bench: the benchmark table (e2e/BENCHMARKS.md).
bench:
	$(GO) run ./e2e/cmd/bench -runs 3 -backlog 100000 -events 15000 -mongo-events 300 -fresh-for 20s -queries 200 -rss-events 250000

## bench-memory: the aggregator process's memory over the issue's full
## million events, once (about 15 minutes); prints the benchmark's lines.
bench-memory:
	$(GO) test -run '^$$' -bench '^BenchmarkAggregatorRSS$$' -benchtime 1x -timeout 60m ./e2e/bench -bench.runs 1 -bench.rss-events 1000000

## e2e: the black-box scenarios (also part of make test).
e2e:
	$(GO) test -count=1 -timeout $(TEST_TIMEOUT) ./e2e/...

## e2e-long: the long fault runs (20+ crash cycles, 30 s broker outage).
e2e-long:
	$(GO) test -tags long -count=1 -timeout 80m ./e2e/...

clean:
	rm -rf .prontuario
