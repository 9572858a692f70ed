#!/usr/bin/env bash
# Load test of the public FAQ: seeds N synthetic Q&As (default 5000; set
# CROCEVIA_BENCH_FAQ_N=100000 for the national scale) into a fresh SQLite
# data folder (or DATABASE_URL, a PostgreSQL database), serves it on
# loopback and drives it with 32 clients, reporting req/s, latency
# percentiles and the server's resident memory.
#
#   scripts/faq-load.sh            # 10 s per URL
#   DURATION=30s scripts/faq-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
addr=127.0.0.1:${PORT:-8097}
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
go build -o "$dir/crocevia" ./cmd/crocevia
CROCEVIA_FAQ_LOAD_DATA=$dir CROCEVIA_FAQ_LOAD_DATABASE=${DATABASE_URL:-} \
	go test ./internal/questions/ -run '^TestFAQSeedLoadData$' -count=1 -timeout 60m >/dev/null
"$dir/crocevia" serve -addr "$addr" -data "$dir" -database "${DATABASE_URL:-}" -log-level error &
pid=$!
for _ in $(seq 50); do curl -fs "http://$addr/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
go run ./scripts/load -base "http://$addr" -c 32 -d "${DURATION:-10s}" -pid "$pid" \
	/faq/1 /faq/2500 '/faq?q=permesso' '/faq?q=tessera+sanitaria' '/api/v1/faq?q=permesso+soggiorno' /faq
