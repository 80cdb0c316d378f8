#!/usr/bin/env bash
# Benchmark (not a test): 200 `dchain log` commands one after another vs 200
# `psql -X -c` commands doing the same inserts in one transaction, against the
# same throwaway server in the same run (in alternating rounds of 50). Prints
# both times and their ratio.
# Usage: scripts/bench-log.sh [N]   (DCHAIN=path/to/dchain, default the release build)
set -euo pipefail
N=${1:-200}
D=${DCHAIN:-.build/release/dchain}
[ -x "$D" ] || { echo "bench-log: build first (make release); $D not found" >&2; exit 1; }
PSQL="$(pg_config --bindir)/psql"
[ -x "$PSQL" ] || PSQL=$(ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -1)

HOME_DIR=$(mktemp -d /tmp/dchain-bench.XXXXXX)
chmod 755 "$HOME_DIR" # the embedded cluster's server runs as postgres when run as root
export DCHAIN_HOME="$HOME_DIR" DCHAIN_USER=bench TZ=UTC
unset DCHAIN_DB
cleanup() { "$D" db stop >/dev/null 2>&1 || true; rm -rf "$HOME_DIR"; }
trap cleanup EXIT

"$D" account add 市数据局 --kind government >/dev/null
"$D" stakeholder add 市数据局 王局长 --title 局长 >/dev/null
"$D" stakeholder add 市数据局 李处长 --title 处长 >/dev/null
"$D" deal add 市数据局 政务云 --pipeline government --on 2026-01-01 >/dev/null
URL=$("$D" db url)
conn() { "$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$URL" "$@"; }
# psql writes as the same login dchain uses (the OS user's admin login, when the cluster made
# one), so both sides pay the same row-level security and triggers; else as the URL's user.
ME=$(id -un)
if [ "$(conn -At -c "SELECT count(*) FROM pg_roles WHERE rolname = '$ME' AND NOT rolsuper")" = 1 ]; then
    LOGIN_URL=$(conn -At -c "SELECT 'host=' || current_setting('unix_socket_directories') || ' port=' || current_setting('port') || ' dbname=' || current_database()")" user=$ME"
else
    LOGIN_URL=$URL
fi
login_conn() { "$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$LOGIN_URL" "$@"; }
echo "psql side connects as: $(login_conn -At -c 'SELECT session_user')"
read -r ACC DEAL STAGE WANG LI < <(conn -At -F ' ' -c "SELECT a.id, d.id, d.stage_id,
    (SELECT id FROM stakeholder WHERE name = '王局长'), (SELECT id FROM stakeholder WHERE name = '李处长')
    FROM account a JOIN deal d ON d.account_id = a.id")

now_ns() { date +%s%N; }

# Warm up both paths once (server caches, page cache of the binaries).
"$D" log 市数据局 --channel call --deal 政务云 --with 王局长:1 >/dev/null
conn -c "SELECT 1" >/dev/null

dchain_log() {
    "$D" log 市数据局 --channel call --deal 政务云 --on "2026-05-01 10:00" --summary "bench $1" \
        --with "王局长:1:interested" --with "李处长:-1:anxious" --pain "李处长:付款节点 $1:low" >/dev/null
}
psql_log() {
    login_conn -c "BEGIN;
      WITH t AS (INSERT INTO touchpoint (account_id, deal_id, stage_id, at, channel, direction, summary, logged_by)
                 VALUES ($ACC, $DEAL, $STAGE, '2026-05-01 10:00', 'call', 'outbound', 'psql $1', 'bench') RETURNING id)
      , p AS (INSERT INTO participant (account_id, touchpoint_id, stakeholder_id, emotion, emotion_label)
              SELECT $ACC, t.id, v.s, v.e, v.l FROM t, (VALUES ($WANG, 1, 'interested'), ($LI, -1, 'anxious')) AS v(s, e, l) RETURNING 1)
      INSERT INTO pain_point (account_id, touchpoint_id, stakeholder_id, deal_id, stage_id, kind, text, severity, raised_on)
      SELECT $ACC, t.id, $LI, $DEAL, $STAGE, 'pain', '付款节点 $1', 'low', '2026-05-01' FROM t;
      COMMIT;" >/dev/null
}

# Four rounds of N/4 commands a side, the side that goes first alternating, so
# both see the same drift of a shared machine (other tenants, autovacuum).
dchain_ns=0; psql_ns=0; ROUNDS=4; i=0
for round in $(seq 1 $ROUNDS); do
    n=$(( N / ROUNDS + (round <= N % ROUNDS ? 1 : 0) ))
    for side in $([ $((round % 2)) = 1 ] && echo "dchain psql" || echo "psql dchain"); do
        t0=$(now_ns)
        for j in $(seq 1 "$n"); do "${side}_log" "$((i + j))"; done
        t1=$(now_ns)
        if [ "$side" = dchain ]; then dchain_ns=$((dchain_ns + t1 - t0)); else psql_ns=$((psql_ns + t1 - t0)); fi
    done
    i=$((i + n))
done

landed=$(conn -At -c "SELECT count(*) FROM touchpoint WHERE summary LIKE 'bench %' OR summary LIKE 'psql %'")
dchain_ms=$(( dchain_ns / 1000000 )); psql_ms=$(( psql_ns / 1000000 ))
echo "touchpoints written: $landed (expected $((2 * N)))"
awk -v n="$N" -v d="$dchain_ms" -v p="$psql_ms" 'BEGIN {
    printf "dchain log: %d runs in %d ms (%.1f ms each)\n", n, d, d / n
    printf "psql -c   : %d runs in %d ms (%.1f ms each)\n", n, p, p / n
    printf "ratio dchain/psql: %.2f (goal <= 1.50)\n", d / p }'
