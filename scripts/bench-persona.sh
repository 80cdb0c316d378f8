#!/usr/bin/env bash
# Benchmark (not a test): `dchain persona build` on a large synthetic data set.
#
# Generates ACCOUNTS accounts with TPA touchpoints each (default 20,000 × 100, the data set of
# scripts/bench-report.sh, same seed) with `dchain dev seed` into a throwaway embedded cluster,
# then, in the same run against the same server, times
#   dchain persona build --format json      (the SQL-side aggregates, building, storing, writing)
#   psql running the same aggregates         (`dchain persona build --sql`)
# RUNS times each, alternating, after one warm-up of each, and prints the medians, their ratio
# (goal <= 1.5) and dchain's peak resident memory (goal < 150 MB, from /usr/bin/time).
#
# Usage: scripts/bench-persona.sh [ACCOUNTS] [TPA]
#   DCHAIN=path/to/dchain (default .build/release/dchain; build with make release)
#   RUNS=5 SEED=1 TODAY=2026-05-01 KEEP=1 (keep the cluster in the printed directory)
set -euo pipefail
ACCOUNTS=${1:-20000}
TPA=${2:-100}
RUNS=${RUNS:-5}
SEED=${SEED:-1}
TODAY=${TODAY:-2026-05-01}
D=${DCHAIN:-.build/release/dchain}
. "$(dirname "$0")/lib/bench.sh"
bench_setup bench-persona

bench_seed

URL=$("$D" db url)
conn() { "$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$URL" "$@"; }
conn -At -F ' ' -c "SELECT 'rows:', (SELECT count(*) FROM account) || ' accounts', (SELECT count(*) FROM buying_influence) || ' buying influences',
    (SELECT count(*) FROM participant) || ' participants', (SELECT count(*) FROM participant WHERE quote IS NOT NULL) || ' quotes',
    (SELECT count(*) FROM pain_point) || ' pain points', pg_size_pretty(pg_database_size(current_database())) || ' on disk'"

SQL="$HOME_DIR/persona.sql"
"$D" persona build --sql --out "$SQL"
OUT="$HOME_DIR/out"
mkdir -p "$OUT"

run_dchain() { /usr/bin/time -f '%M' -o "$OUT/rss" "$D" persona build --format json --out "$OUT/personas.json"; }
run_psql() { conn -f "$SQL" -o "$OUT/psql.txt"; }

# Warm-up: server caches and the page cache of both binaries.
run_dchain; run_psql

dchain_ms=(); psql_ms=(); rss_kb=()
for i in $(seq 1 "$RUNS"); do
    a=$(now_ns); run_dchain; b=$(now_ns); run_psql; c=$(now_ns)
    dchain_ms+=( $(( (b - a) / 1000000 )) ); psql_ms+=( $(( (c - b) / 1000000 )) )
    rss_kb+=( "$(tail -1 "$OUT/rss")" )
    echo "run $i: dchain ${dchain_ms[-1]} ms (peak ${rss_kb[-1]} kB), psql ${psql_ms[-1]} ms"
done
dm=$(median "${dchain_ms[@]}"); pm=$(median "${psql_ms[@]}"); peak=$(max "${rss_kb[@]}")
bytes=$(wc -c < "$OUT/personas.json")
python3 - "$OUT/personas.json" <<'PY' 2>/dev/null || true
import json, sys
d = json.load(open(sys.argv[1]))
print("personas: %d built; people per persona: %s" % (len(d), ", ".join(
    "%s/%s %d" % (r["persona"]["role"], r["persona"]["level"], r["persona"]["evidence"]["people"]) for r in d)))
tb = [r for r in d if r["persona"]["role"] == "TB" and r["persona"]["level"] == "manager"]
if tb and tb[0]["persona"]["frustrations"]:
    f = tb[0]["persona"]["frustrations"][0]
    print("TB/manager top frustration: %s (%d people, %d accounts)" % (f["text"], f["evidence"]["people"], f["evidence"]["accounts"]))
PY
awk -v d="$dm" -v p="$pm" -v k="$peak" -v b="$bytes" -v r="$RUNS" 'BEGIN {
    printf "dchain persona build --format json: median %d ms of %d runs (%.1f MB of JSON)\n", d, r, b / 1048576
    printf "psql -f (the same aggregates)     : median %d ms of %d runs\n", p, r
    printf "ratio dchain/psql: %.2f (goal <= 1.50)\n", d / p
    printf "dchain peak memory: %.1f MB (goal < 150 MB)\n", k / 1024 }'
