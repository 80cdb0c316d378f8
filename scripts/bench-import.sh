#!/usr/bin/env bash
# Benchmark (not a test): touchpoints imported in bulk.
#
# In a throwaway embedded cluster, makes ACCOUNTS accounts (default 1,000), each with two
# people (李敏, 赵磊) and a government deal, and writes ROWS touchpoint rows (default
# 1,000,000) with two participants each as a CSV in the import format (docs/import-format.md:
# account, deal, at, channel, direction, summary, response, participants as `log --with`
# takes them, external_id). Then, in the same run against the same server, loads the same
# rows twice, the tables emptied (and checkpointed) before each load:
#   dchain import FILE --type touchpoints   (read, resolve names, check every row, write through
#                                            the touchpoint writer's COPY, all in one transaction)
#   psql \copy of the same rows, already resolved to ids, into touchpoint and participant
#                                           (one transaction, as the superuser: COPY FROM is refused
#                                            where row-level security applies, so psql cannot load as
#                                            dchain's login; dchain's rows also pass the team policies)
# Both loads fire the same triggers (stage from the deal's history, the audit) and check the
# same constraints. Prints the rows/s of each, their ratio (goal dchain >= 0.8 x psql) and
# dchain's peak resident memory (goal < 150 MB, from /usr/bin/time).
#
# Usage: scripts/bench-import.sh [ROWS] [ACCOUNTS]
#   DCHAIN=path/to/dchain (default .build/release/dchain; build with make release)
#   RUNS=1 (more runs alternate which load goes first; medians are printed) KEEP=1 (keep the cluster)
set -euo pipefail
ROWS=${1:-1000000}
ACCOUNTS=${2:-1000}
RUNS=${RUNS:-1}
D=${DCHAIN:-.build/release/dchain}
. "$(dirname "$0")/lib/bench.sh"
bench_setup bench-import
command -v python3 >/dev/null || { echo "bench-import: python3 is needed to write the files" >&2; exit 1; }

"$D" db migrate >/dev/null
URL=$("$D" db url)
conn() { "$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$URL" "$@"; }
conn -c "INSERT INTO account (name, kind) SELECT format('客户%s', lpad(g::text, 5, '0')), 'government'
             FROM generate_series(1, $ACCOUNTS) g" \
     -c "INSERT INTO stakeholder (account_id, name, level) SELECT a.id, n, 'manager' FROM account a, unnest(ARRAY['李敏', '赵磊']) n" \
     -c "INSERT INTO deal (account_id, name, pipeline_id, stage_id)
             SELECT a.id, '数据中台项目', p.id, s.id FROM account a, pipeline p JOIN stage s ON s.pipeline_id = p.id AND s.key = 'needs'
             WHERE p.key = 'government'" \
     -c "INSERT INTO deal_stage_history (account_id, deal_id, stage_id, entered_on)
             SELECT d.account_id, d.id, s.id, v.day FROM deal d, stage s JOIN pipeline p ON p.id = s.pipeline_id AND p.key = 'government',
                  (VALUES ('needs', DATE '2025-01-01'), ('approval', DATE '2025-06-01'), ('intention', DATE '2025-10-01')) v(k, day)
             WHERE s.key = v.k" \
     -c "ANALYZE" >/dev/null
# Autovacuum stays off the loaded tables: it would analyze them in the middle of a load, see none of
# the load's (uncommitted) rows and record them as empty, and every plan made after that — the
# foreign-key checks' among them — would scan the account's touchpoints instead of probing the
# primary key. That cost psql's side up to 3x (145 s instead of 48 s for 200,000 rows).
for t in touchpoint participant pain_point audit_log; do conn -c "ALTER TABLE $t SET (autovacuum_enabled = off)" >/dev/null; done

DATA="$HOME_DIR/data"
mkdir -p "$DATA"
conn -At -F $'\t' -c "SELECT a.name, a.id, d.id, (SELECT id FROM stakeholder WHERE account_id = a.id AND name = '李敏'),
                             (SELECT id FROM stakeholder WHERE account_id = a.id AND name = '赵磊')
                      FROM account a JOIN deal d ON d.account_id = a.id ORDER BY a.id" > "$DATA/ids.tsv"
echo "writing $ROWS touchpoint rows over $ACCOUNTS accounts..."
python3 - "$ROWS" "$DATA" "$(id -un)" <<'EOF'
import csv, datetime, sys
rows, data, login = int(sys.argv[1]), sys.argv[2], sys.argv[3]  # logged_by: dchain records its login
accounts = [line.rstrip("\n").split("\t") for line in open(data + "/ids.tsv", encoding="utf-8")]
channels = ["visit", "meeting", "call", "email", "wechat", "demo", "site-survey", "contract-review"]
labels = ["frustrated", "anxious", "confused", "neutral", "interested", "satisfied", "delighted"]
summaries = ["需求沟通 requirements", "方案汇报 briefing", "技术交流, \"deep dive\"", "商务沟通", "现场调研"]
start = datetime.datetime(2025, 1, 1, 8, 0)
def esc(s):  # COPY text format
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
with open(data + "/touchpoints.csv", "w", encoding="utf-8", newline="") as f, \
     open(data + "/touchpoint.tsv", "w", encoding="utf-8") as t, open(data + "/participant.tsv", "w", encoding="utf-8") as p:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["account", "deal", "at", "channel", "direction", "summary", "response", "participants", "external_id"])
    for i in range(1, rows + 1):
        name, account, deal, li, zhao = accounts[i % len(accounts)]
        at = (start + datetime.timedelta(days=(i * 7919) % 640, minutes=(i * 13) % 600)).strftime("%Y-%m-%d %H:%M")
        channel, direction = channels[i % len(channels)], "inbound" if i % 5 == 0 else "outbound"
        summary, response = summaries[i % len(summaries)] + " #%d" % i, ("已回复 replied" if i % 4 == 0 else "")
        e1, e2 = i % 7 - 3, (i * 3) % 7 - 3
        external = "crm-%d" % i
        w.writerow([name, "数据中台项目", at, channel, direction, summary, response,
                    "李敏:%d:%s; 赵磊:%d:%s" % (e1, labels[e1 + 3], e2, labels[e2 + 3]), external])
        t.write("\t".join([account, str(i), deal, at, channel, direction, esc(summary), esc(response) if response else "\\N",
                           login, external]) + "\n")
        p.write("%s\t%d\t%s\t%d\t%s\n%s\t%d\t%s\t%d\t%s\n" % (account, i, li, e1, labels[e1 + 3], account, i, zhao, e2, labels[e2 + 3]))
EOF
ls -l "$DATA" | awk 'NR > 1 { printf "  %s %.1f MB\n", $NF, $5 / 1048576 }'

empty() {
    conn -c "SET client_min_messages = warning" -c "TRUNCATE touchpoint, participant, audit_log CASCADE" -c "CHECKPOINT" >/dev/null
}
run_dchain() {
    empty
    local a b
    a=$(now_ns)
    /usr/bin/time -f '%M %U %S' -o "$DATA/rss" "$D" import "$DATA/touchpoints.csv" --type touchpoints > "$DATA/dchain.out"
    b=$(now_ns)
    dchain_ms+=( $(( (b - a) / 1000000 )) ); rss_kb+=( "$(tail -1 "$DATA/rss" | cut -d' ' -f1)" )
    cpu_s+=( "$(tail -1 "$DATA/rss" | awk '{ print $2 + $3 }')" )
    n=$(conn -At -c "SELECT count(*) FROM touchpoint"); np=$(conn -At -c "SELECT count(*) FROM participant")
    [ "$n" = "$ROWS" ] && [ "$np" = "$((2 * ROWS))" ] || { echo "bench-import: dchain import left $n touchpoints, $np participants" >&2; exit 1; }
    echo "  dchain import: ${dchain_ms[-1]} ms (its own CPU ${cpu_s[-1]} s), peak ${rss_kb[-1]} kB ($(tail -1 "$DATA/dchain.out"))"
}
run_psql() {
    empty
    local a b
    a=$(now_ns)
    conn -1 -c "\\copy touchpoint (account_id, id, deal_id, at, channel, direction, summary, response, logged_by, external_id) FROM '$DATA/touchpoint.tsv'" \
            -c "\\copy participant (account_id, touchpoint_id, stakeholder_id, emotion, emotion_label) FROM '$DATA/participant.tsv'"
    b=$(now_ns)
    psql_ms+=( $(( (b - a) / 1000000 )) )
    n=$(conn -At -c "SELECT count(*) FROM touchpoint")
    [ "$n" = "$ROWS" ] || { echo "bench-import: psql \\copy left $n touchpoints" >&2; exit 1; }
    echo "  psql \\copy: ${psql_ms[-1]} ms"
}

dchain_ms=(); psql_ms=(); rss_kb=(); cpu_s=()
for i in $(seq 1 "$RUNS"); do
    echo "run $i:"
    if [ $((i % 2)) = 1 ]; then run_dchain; run_psql; else run_psql; run_dchain; fi
done
# The touchpoints as dchain wrote them and as psql did must be the same rows (ids aside).
conn -At -c "SELECT count(*) FILTER (WHERE stage_id IS NULL) FROM touchpoint" | grep -qx 0 \
    || echo "warning: touchpoints without a stage after psql's load" >&2

dm=$(median "${dchain_ms[@]}"); pm=$(median "${psql_ms[@]}"); peak=$(max "${rss_kb[@]}")
awk -v d="$dm" -v p="$pm" -v k="$peak" -v n="$ROWS" -v r="$RUNS" 'BEGIN {
    printf "dchain import --type touchpoints: %.1f s, %d touchpoint rows/s (median of %d; each with 2 participants)\n", d / 1000, n / (d / 1000), r
    printf "psql \\copy (same rows, ids given): %.1f s, %d touchpoint rows/s\n", p / 1000, n / (p / 1000)
    printf "ratio dchain/psql rows/s: %.2f (goal >= 0.80)\n", p / d
    printf "dchain peak memory: %.1f MB (goal < 150 MB)\n", k / 1024 }'
