#!/usr/bin/env bash
# Benchmark (not a test): the pipeline report on a large synthetic pipeline.
#
# Generates ACCOUNTS accounts with TPA touchpoints each (default 20,000 × 100 =
# 2,000,000 touchpoints) with `dchain dev seed` into a throwaway embedded
# cluster, then, in the same run against the same server, times
#   dchain report pipeline --format json        (query, build, render, write)
#   dchain report pipeline --format html        (the same, streamed as HTML)
#   psql running the report's own SQL            (`dchain report pipeline --sql`)
# RUNS times each, alternating, after one warm-up of each, and prints the
# medians, their ratios to psql (goal <= 1.5) and dchain's peak resident memory
# per format (goal < 150 MB, from /usr/bin/time).
#
# Usage: scripts/bench-report.sh [ACCOUNTS] [TPA]
#   DCHAIN=path/to/dchain (default .build/release/dchain; build with make release)
#   RUNS=5 SEED=1 TODAY=2026-05-01 KEEP=1 (keep the cluster in the printed directory)
#   RLS=0 skips the manager-vs-admin (row-level security) comparison at the end (default: run it)
#   MAIN=0 skips the dchain-vs-psql runs (only the seed and the RLS comparison)
set -euo pipefail
ACCOUNTS=${1:-20000}
TPA=${2:-100}
RUNS=${RUNS:-5}
SEED=${SEED:-1}
TODAY=${TODAY:-2026-05-01}
D=${DCHAIN:-.build/release/dchain}
. "$(dirname "$0")/lib/bench.sh"
bench_setup bench-report

# Every account in one team, so the manager of the row-level security comparison sees them all.
bench_seed --team bench-team

URL=$("$D" db url)
conn() { "$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$URL" "$@"; }
conn -At -F ' ' -c "SELECT 'rows:', (SELECT count(*) FROM account) || ' accounts', (SELECT count(*) FROM deal) || ' deals',
    (SELECT count(*) FROM deal WHERE status = 'open') || ' open deals', (SELECT count(*) FROM touchpoint) || ' touchpoints',
    (SELECT count(*) FROM participant) || ' participants', pg_size_pretty(pg_database_size(current_database())) || ' on disk'"

SQL="$HOME_DIR/report.sql"
"$D" report pipeline --today "$TODAY" --sql --out "$SQL"
OUT="$HOME_DIR/out"
mkdir -p "$OUT"

run_dchain() { /usr/bin/time -f '%M' -o "$OUT/rss" "$D" report pipeline --today "$TODAY" --format json --out "$OUT/report.json"; }
run_html() { /usr/bin/time -f '%M' -o "$OUT/rss-html" "$D" report pipeline --today "$TODAY" --format html --out "$OUT/report.html"; }
run_psql() { conn -f "$SQL" -o "$OUT/psql.txt"; }

if [ "${MAIN:-1}" != 0 ]; then
# Warm-up: server caches and the page cache of both binaries.
run_dchain; run_html; run_psql

dchain_ms=(); html_ms=(); psql_ms=(); rss_kb=(); html_kb=()
for i in $(seq 1 "$RUNS"); do
    a=$(now_ns); run_dchain; b=$(now_ns); run_psql; c=$(now_ns); run_html; d=$(now_ns)
    dchain_ms+=( $(( (b - a) / 1000000 )) ); psql_ms+=( $(( (c - b) / 1000000 )) ); html_ms+=( $(( (d - c) / 1000000 )) )
    rss_kb+=( "$(tail -1 "$OUT/rss")" ); html_kb+=( "$(tail -1 "$OUT/rss-html")" )
    echo "run $i: dchain json ${dchain_ms[-1]} ms (peak ${rss_kb[-1]} kB), html ${html_ms[-1]} ms (peak ${html_kb[-1]} kB), psql ${psql_ms[-1]} ms"
done
dm=$(median "${dchain_ms[@]}"); pm=$(median "${psql_ms[@]}"); peak=$(max "${rss_kb[@]}")
hm=$(median "${html_ms[@]}"); hpeak=$(max "${html_kb[@]}")
bytes=$(wc -c < "$OUT/report.json"); hbytes=$(wc -c < "$OUT/report.html")
python3 - "$OUT/report.json" <<'EOF' 2>/dev/null || true
import json, sys
d = json.load(open(sys.argv[1]))
print("report: %d open deals, %d red flags, %d heat-map cells, %d funnel stages" % (
    len(d["coverage"]), len(d["red_flags"]), len(d["emotion_heatmap"]), len(d["funnel"])))
EOF
awk -v d="$dm" -v p="$pm" -v k="$peak" -v b="$bytes" -v r="$RUNS" 'BEGIN {
    printf "dchain report pipeline --format json: median %d ms of %d runs (%.1f MB of JSON)\n", d, r, b / 1048576
    printf "psql -f (the same SQL)             : median %d ms of %d runs\n", p, r
    printf "ratio dchain/psql: %.2f (goal <= 1.50)\n", d / p
    printf "dchain peak memory: %.1f MB (goal < 150 MB)\n", k / 1024 }'
awk -v h="$hm" -v p="$pm" -v k="$hpeak" -v b="$hbytes" -v r="$RUNS" 'BEGIN {
    printf "dchain report pipeline --format html: median %d ms of %d runs (%.1f MB of HTML)\n", h, r, b / 1048576
    printf "ratio dchain html/psql: %.2f\n", h / p
    printf "dchain html peak memory: %.1f MB (goal < 150 MB)\n", k / 1024 }'
fi
if [ "${RLS:-1}" = 0 ]; then echo "RLS=0: skipped the manager-vs-admin comparison"; exit 0; fi

# --- Team mode: what row-level security costs the report. The same report, same data, run
# as a manager (policies compare every row's team with the manager's) and as an admin (the
# policy lets every row through). For a like-for-like comparison the manager's team holds every
# account (seeded so). Goal: manager/admin <= 1.10.
conn -c "SELECT dchain_login_create(l, NULL, g) FROM (VALUES ('bench_manager', 'manager'), ('bench_admin', 'admin')) v(l, g)
         WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = l)" \
     -c "INSERT INTO app_user (login, name, team_id, role) VALUES
           ('bench_manager', 'Bench Manager', (SELECT id FROM team WHERE name = 'bench-team'), 'manager'),
           ('bench_admin', 'Bench Admin', NULL, 'admin') ON CONFLICT (login) DO NOTHING" \
     -c "VACUUM ANALYZE" >/dev/null
SOCKET="$HOME_DIR/run"
PORT=$(printf '%s' "$URL" | sed -E 's#.*[?&]port=([0-9]+).*#\1#')
run_as() { DCHAIN_DB="host=$SOCKET port=$PORT dbname=dchain user=$1" "$D" report pipeline --today "$TODAY" --format json --out "$OUT/$1.json"; }
run_as bench_manager; run_as bench_admin
cmp -s "$OUT/bench_manager.json" "$OUT/bench_admin.json" || echo "warning: the manager's and the admin's reports differ" >&2
manager_ms=(); admin_ms=()
for i in $(seq 1 "$RUNS"); do
    a=$(now_ns); run_as bench_manager; b=$(now_ns); run_as bench_admin; c=$(now_ns)
    manager_ms+=( $(( (b - a) / 1000000 )) ); admin_ms+=( $(( (c - b) / 1000000 )) )
    echo "rls run $i: manager ${manager_ms[-1]} ms, admin ${admin_ms[-1]} ms"
done
mm=$(median "${manager_ms[@]}"); am=$(median "${admin_ms[@]}")
awk -v m="$mm" -v a="$am" -v r="$RUNS" 'BEGIN {
    printf "report as a manager (row-level security filtering): median %d ms of %d runs\n", m, r
    printf "report as an admin (every row)                     : median %d ms of %d runs\n", a, r
    printf "ratio manager/admin: %.2f (goal <= 1.10)\n", m / a }'
