#!/usr/bin/env bash
# Benchmark: `dchain map --format json` end to end on an account with 10,000
# touchpoints over 3 deals, against running the same SELECTs the map runs
# through PostgreSQL's own psql, on the same server in the same run.
# Prints both times (median of RUNS) and the ratio; fails when the map takes
# 1 s or more.
#
#   scripts/bench-map.sh                       # builds dchain in release mode
#   DCHAIN_BIN=path/to/dchain RUNS=7 scripts/bench-map.sh
#
# The data goes into a throwaway database on DCHAIN_DB's server when set, else
# on the embedded cluster (`dchain db url`); the database is dropped at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
touchpoints=${TOUCHPOINTS:-10000}
today=2026-05-01

bin=${DCHAIN_BIN:-}
if [ -z "$bin" ]; then
    swift build -c release --product dchain >&2
    bin="$(swift build -c release --show-bin-path)/dchain"
fi
[ -x "$bin" ] || { echo "bench-map: dchain binary not found: $bin" >&2; exit 1; }
psql="$(pg_config --bindir)/psql"

if [ -n "${DCHAIN_DB:-}" ]; then
    admin=$DCHAIN_DB
else
    "$bin" db start >/dev/null
    admin=$("$bin" db url)
fi
dbname="dchain_bench_$$"
case "$admin" in
    *://*) url=$(printf '%s' "$admin" | sed -E "s#^([a-z]+://[^/?]*)(/[^?]*)?#\\1/$dbname#") ;;
    *) url="$admin dbname=$dbname" ;;
esac
work=$(mktemp -d /tmp/dchain-bench.XXXXXX)
cleanup() {
    "$psql" -q "$admin" -c "DROP DATABASE IF EXISTS $dbname" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
"$psql" -q "$admin" -c "CREATE DATABASE $dbname" >/dev/null
export DCHAIN_DB=$url DCHAIN_TZ=UTC DCHAIN_USER=bench
"$bin" db migrate >/dev/null

echo "loading an account with $touchpoints touchpoints over 3 deals..." >&2
"$psql" -q -X -v ON_ERROR_STOP=1 -v n="$touchpoints" "$url" >/dev/null <<'SQL'
CREATE TEMP VIEW gs AS SELECT s.key, s.id, s.position FROM stage s JOIN pipeline p ON p.id = s.pipeline_id WHERE p.key = 'government';
INSERT INTO account (id, name, kind, code) VALUES (1, '基准局', 'government', 'BENCH');
-- 40 people in a tree: 1 at the top, everyone else reports to (id - 1) / 3.
INSERT INTO stakeholder (account_id, id, name, title, level, reports_to)
SELECT 1, g, '干部' || g, '职务' || g, CASE WHEN g = 1 THEN 'executive' WHEN g < 8 THEN 'manager' ELSE 'staff' END,
       CASE WHEN g = 1 THEN NULL ELSE greatest(1, (g - 1) / 3) END
FROM generate_series(1, 40) g;
INSERT INTO deal (account_id, id, name, pipeline_id, stage_id, amount)
SELECT 1, d, '项目' || d, p.id, (SELECT id FROM gs WHERE position = 9), 1000000 * d
FROM generate_series(1, 3) d, pipeline p WHERE p.key = 'government';
-- Touchpoint g is at 2024-01-01 + 2g hours, in stage 1 + 9(g-1)/n; each deal enters stage k when its first touchpoint there happens.
INSERT INTO deal_stage_history (account_id, deal_id, stage_id, entered_on)
SELECT 1, d, gs.id, (timestamp '2024-01-01' + ((gs.position - 1) * :n / 9 + 1) * interval '2 hours')::date
FROM generate_series(1, 3) d JOIN gs ON gs.position <= 9;
INSERT INTO buying_influence (account_id, deal_id, stakeholder_id, role, influence, stance, valid_from)
SELECT 1, d, r.who + d, r.role, 'high', 'neutral', '2024-01-01'
FROM generate_series(1, 3) d, (VALUES (0, 'EB'), (4, 'TB'), (9, 'UB'), (14, 'Coach')) AS r (who, role);
INSERT INTO touchpoint (account_id, id, deal_id, stage_id, at, channel, direction, summary, response)
SELECT 1, g, 1 + g % 3, (SELECT id FROM gs WHERE position = 1 + (g - 1) * 9 / :n),
       timestamp '2024-01-01' + g * interval '2 hours',
       (ARRAY['visit', 'meeting', 'call', 'email', 'wechat', 'demo'])[1 + g % 6],
       CASE WHEN g % 4 = 0 THEN 'inbound' ELSE 'outbound' END, '第 ' || g || ' 次沟通',
       CASE WHEN g % 9 = 0 THEN '回复 ' || g END
FROM generate_series(1, :n) g;
INSERT INTO participant (account_id, touchpoint_id, stakeholder_id, emotion, emotion_label, quote)
SELECT 1, g, 1 + (g * 7 + i * 13) % 40,
       CASE WHEN (g + i) % 11 = 0 THEN NULL ELSE (g * 31 + i * 17) % 7 - 3 END,
       (ARRAY['anxious', 'neutral', 'interested', 'satisfied'])[1 + (g + i) % 4],
       CASE WHEN g % 5 = 0 AND i = 1 THEN '说法 ' || g END
FROM generate_series(1, :n) g, generate_series(1, 3) i WHERE i <= 1 + g % 3;
INSERT INTO pain_point (account_id, touchpoint_id, stakeholder_id, deal_id, stage_id, kind, text, severity, status, response, raised_on)
SELECT 1, t.id, 1 + (t.id * 7 + 13) % 40, t.deal_id, t.stage_id, CASE WHEN t.id % 40 = 0 THEN 'need' ELSE 'pain' END,
       '问题 ' || t.id, (ARRAY['low', 'medium', 'high'])[1 + t.id % 3],
       CASE WHEN t.id % 60 = 0 THEN 'open' ELSE 'addressed' END, CASE WHEN t.id % 60 = 0 THEN NULL ELSE '答复 ' || t.id END,
       t.at::date
FROM touchpoint t WHERE t.id % 20 = 0;
INSERT INTO plan_item (account_id, uid, deal_id, stakeholder_id, rule, action, due, priority, why)
SELECT 1, 'bench-' || g, 1 + g % 3, 1 + g, 'bench', '行动 ' || g, date '2026-05-01' + g, 'medium', '基准'
FROM generate_series(1, 30) g;
ANALYZE;
SQL

# The SELECTs `dchain map BENCH` runs (schema version, resolver, snapshot), with the values it binds;
# its session settings travel in the startup packet, as PGOPTIONS carries them for psql below.
session='-c dchain.user=bench -c search_path="public" -c TimeZone=UTC'
cat > "$work/queries.sql" <<'SQL'
SELECT max(version) AS v FROM schema_migrations;
SELECT a.id, a.name, a.kind, a.code, a.region, a.industry, a.parent_id,
       (SELECT login FROM app_user WHERE id = a.owner_id) AS owner_login, (SELECT name FROM team WHERE id = a.team_id) AS team_name
FROM account a WHERE (a.id::text = 'BENCH') OR a.code = 'BENCH' OR a.name = 'BENCH'
ORDER BY (a.id::text = 'BENCH') DESC, (a.code = 'BENCH') DESC;
SELECT a.id, a.name, a.kind, a.code, a.region, a.industry, a.parent_id,
       (SELECT login FROM app_user WHERE id = a.owner_id) AS owner_login, (SELECT name FROM team WHERE id = a.team_id) AS team_name
FROM account a WHERE a.id = 1;
SELECT account_id, id, name, parent_id FROM unit WHERE account_id = 1 ORDER BY id;
SELECT s.account_id, s.id, s.name, s.title, s.unit_id, u.name AS unit_name, s.level, s.reports_to, s.email, s.phone, s.wechat,
       s.preferred_channel
FROM stakeholder s LEFT JOIN unit u ON u.account_id = s.account_id AND u.id = s.unit_id WHERE s.account_id = 1 ORDER BY s.id;
SELECT d.account_id, d.id, d.name, p.key AS pipeline_key, s.key AS stage_key, d.status, d.method, d.amount, d.currency, d.close_by,
       d.closed_on, d.close_reason, u.login AS owner_login
FROM deal d JOIN stage s ON s.id = d.stage_id JOIN pipeline p ON p.id = d.pipeline_id LEFT JOIN app_user u ON u.id = d.owner_id
WHERE d.account_id = 1 ORDER BY d.id;
SELECT h.deal_id, s.key, h.entered_on FROM deal_stage_history h JOIN stage s ON s.id = h.stage_id
WHERE h.account_id = 1 ORDER BY h.deal_id, h.entered_on, h.id;
SELECT deal_id, stakeholder_id, role, influence, stance, mode, rating, personal_win, valid_from FROM buying_influence
WHERE account_id = 1 AND valid_to IS NULL ORDER BY deal_id, stakeholder_id;
SELECT t.id, t.account_id, t.deal_id, s.key AS stage_key, to_char(t.at, 'YYYY-MM-DD HH24:MI') AS at_local, t.channel, t.direction,
       t.summary, t.response, t.logged_by
FROM touchpoint t LEFT JOIN stage s ON s.id = t.stage_id
WHERE t.account_id = 1 AND (NULL::bigint IS NULL OR t.deal_id = NULL) AND (NULL::date IS NULL OR t.at >= NULL::date) ORDER BY t.at, t.id;
SELECT p.touchpoint_id, p.stakeholder_id, p.emotion, p.emotion_label, p.quote
FROM participant p JOIN touchpoint t ON t.account_id = p.account_id AND t.id = p.touchpoint_id
WHERE p.account_id = 1 AND (NULL::bigint IS NULL OR t.deal_id = NULL) AND (NULL::date IS NULL OR t.at >= NULL::date)
ORDER BY p.touchpoint_id, p.stakeholder_id;
SELECT pp.account_id, pp.id, pp.touchpoint_id, pp.stakeholder_id, pp.deal_id, s.key AS stage_key, pp.kind, pp.text, pp.severity,
       pp.status, pp.response, pp.raised_on
FROM pain_point pp LEFT JOIN stage s ON s.id = pp.stage_id WHERE pp.account_id = 1 ORDER BY pp.id;
SELECT pi.account_id, pi.id, pi.deal_id, pi.stakeholder_id, pi.role, pi.rule, pi.action, pi.channel, pi.theme, pi.due, pi.priority,
       pi.why, pi.status, pi.owner, s.key AS stage_key
FROM plan_item pi LEFT JOIN stage s ON s.id = pi.stage_id WHERE pi.account_id = 1 ORDER BY pi.due, pi.id;
SELECT s.id, p.key AS pipeline_key, s.key, s.position, s.name_en, s.name_zh, s.phase, s.expected_days, s.weight
FROM stage s JOIN pipeline p ON p.id = s.pipeline_id ORDER BY p.id, s.position;
SELECT id, key, name_en, name_zh FROM pipeline ORDER BY id;
SQL

# Milliseconds of one run of a command (wall clock, process start included).
ms() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# Warm up both (caches, the first connection), and check the map is the one we loaded.
"$bin" map BENCH --format json --today "$today" --out "$work/map.json"
PGOPTIONS=$session "$psql" -X -q -f "$work/queries.sql" "$url" >/dev/null
grep -q '"touchpoint_id"' "$work/map.json" || { echo "bench-map: the map has no touchpoints" >&2; exit 1; }

map_runs=() psql_runs=()
for _ in $(seq "$runs"); do
    map_runs+=("$(ms "$bin" map BENCH --format json --today "$today" --out "$work/map.json")")
    psql_runs+=("$(PGOPTIONS=$session ms "$psql" -X -q -f "$work/queries.sql" -o /dev/null "$url")")
done
map_ms=$(printf '%s\n' "${map_runs[@]}" | median)
psql_ms=$(printf '%s\n' "${psql_runs[@]}" | median)
ratio=$(awk -v a="$map_ms" -v b="$psql_ms" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
stages=$(grep -c '"expected_days" :' "$work/map.json" || true)

echo "account with $touchpoints touchpoints over 3 deals (median of $runs runs, process start included)"
echo "  dchain map --format json : ${map_ms} ms  (runs: ${map_runs[*]})"
echo "  psql, the same SELECTs   : ${psql_ms} ms  (runs: ${psql_runs[*]})"
echo "  ratio dchain / psql      : ${ratio}"
if [ "$map_ms" -ge 1000 ]; then
    echo "bench-map: FAIL: the map took ${map_ms} ms (limit 1000 ms)" >&2
    exit 1
fi
echo "  under 1 s: ok"
