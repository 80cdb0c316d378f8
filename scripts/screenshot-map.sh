#!/usr/bin/env bash
# Renders the journey map of a sample account (市数据局, the government case with
# the contract-negotiation dip) as HTML with `dchain map`, opens it in headless
# Chromium, takes a PNG screenshot and an A3 PDF, and fails when the page logs
# a console error, a resource fails to load, or the grid, the emotion curve or
# the decision-chain chart is missing.
#
#   scripts/screenshot-map.sh                 # writes out/map{,-full,-future}.png, out/map.html, out/map.pdf
#   OUT=/tmp/shots scripts/screenshot-map.sh
#   DCHAIN_BIN=path/to/dchain scripts/screenshot-map.sh
#
# The sample goes into a throwaway database: on DCHAIN_DB's server when set,
# else in a throwaway embedded cluster. Chromium (Debian's `chromium`) and a
# CJK font are installed with apt-get when missing and running as root.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${OUT:-$root/out}
today=2026-05-01
mkdir -p "$out"

. "$root/scripts/lib/screenshot.sh"
screenshot_setup screenshot-map

psql="$(pg_config --bindir)/psql"
. "$root/scripts/lib/scratch-db.sh"
scratch_db shot
export DCHAIN_USER=screenshot

"$bin" db migrate >/dev/null
"$psql" -q -v ON_ERROR_STOP=1 "$url" >/dev/null <<'SQL'
CREATE TEMP VIEW gs AS SELECT s.key, s.id FROM stage s JOIN pipeline p ON p.id = s.pipeline_id WHERE p.key = 'government';
INSERT INTO account (id, name, kind, code, region) VALUES (1, '市数据局', 'government', 'SJJ', '江州市');
INSERT INTO unit (account_id, id, name) VALUES (1, 1, '局领导'), (1, 2, '信息化处'), (1, 3, '数据应用科');
INSERT INTO stakeholder (account_id, id, name, title, unit_id, level, reports_to) VALUES
    (1, 1, '王局长', '局长', 1, 'executive', NULL),
    (1, 2, '李处长', '信息化处处长', 2, 'manager', 1),
    (1, 3, '张科长', '数据应用科科长', 3, 'manager', 2),
    (1, 4, '陈工', '系统工程师', 2, 'staff', 2);
INSERT INTO deal (account_id, id, name, pipeline_id, stage_id, method, amount)
SELECT 1, 1, '政务数据共享平台', p.id, (SELECT id FROM gs WHERE key = 'contract'), 'public-tender', 3800000
FROM pipeline p WHERE p.key = 'government';
INSERT INTO deal_stage_history (account_id, deal_id, stage_id, entered_on)
SELECT 1, 1, gs.id, v.d::date FROM (VALUES ('needs', '2025-09-01'), ('approval', '2025-09-29'), ('intention', '2025-12-01'),
    ('specification', '2025-12-29'), ('tender-notice', '2026-02-05'), ('bidding', '2026-02-24'), ('evaluation', '2026-03-12'),
    ('award', '2026-03-20'), ('contract', '2026-03-27')) AS v (k, d) JOIN gs ON gs.key = v.k;
INSERT INTO buying_influence (account_id, deal_id, stakeholder_id, role, influence, stance, rating, personal_win, valid_from) VALUES
    (1, 1, 1, 'EB', 'high', 'supporter', 2, NULL, '2025-09-01'),
    (1, 1, 2, 'TB', 'high', 'skeptic', -1, '验收一次通过，不担审计风险', '2025-09-01'),
    (1, 1, 3, 'UB', 'medium', 'supporter', 2, NULL, '2025-09-01'),
    (1, 1, 4, 'Coach', 'low', 'champion', 4, NULL, '2025-09-01'),
    (1, 1, 4, 'UB', 'low', 'champion', 4, NULL, '2025-09-01');
INSERT INTO touchpoint (account_id, id, deal_id, stage_id, at, channel, direction, summary, response)
SELECT 1, v.id, 1, gs.id, v.at::timestamptz, v.ch, v.dir, v.summary, v.resp FROM (VALUES
    (1, 'needs', '2025-09-03 10:00', 'visit', 'outbound', '首次拜访，了解数据共享需求', NULL),
    (2, 'needs', '2025-09-18 14:30', 'site-survey', 'outbound', '现场调研各科室数据交换', NULL),
    (3, 'approval', '2025-10-15 09:00', 'meeting', 'outbound', '立项汇报', NULL),
    (4, 'approval', '2025-11-20 16:00', 'call', 'inbound', '陈工告知预算已报财政局', NULL),
    (5, 'intention', '2025-12-05 11:00', 'email', 'outbound', '发送采购意向解读', NULL),
    (6, 'intention', '2025-12-15 15:00', 'demo', 'outbound', '平台演示', NULL),
    (7, 'specification', '2026-01-10 10:00', 'meeting', 'outbound', '需求论证会', '提供第三方合规参数建议'),
    (8, 'specification', '2026-01-25 10:00', 'tender-document', 'outbound', '提交招标文件技术参数建议', NULL),
    (9, 'tender-notice', '2026-02-10 20:00', 'wechat', 'inbound', '陈工提醒公告下周发布', NULL),
    (10, 'bidding', '2026-02-28 10:00', 'bid-clarification', 'outbound', '投标澄清', NULL),
    (11, 'evaluation', '2026-03-14 09:30', 'event', 'outbound', '述标答辩', NULL),
    (12, 'award', '2026-03-22 17:00', 'call', 'outbound', '中标后致电感谢', NULL),
    (13, 'contract', '2026-03-30 14:00', 'contract-review', 'outbound', '合同评审会', NULL),
    (14, 'contract', '2026-04-08 10:00', 'meeting', 'outbound', '逐条过合同条款', '承诺一周内给出合同修订稿'),
    (15, 'contract', '2026-04-20 09:00', 'email', 'outbound', '陈工转达法务意见', NULL)
) AS v (id, k, at, ch, dir, summary, resp) JOIN gs ON gs.key = v.k;
INSERT INTO participant (account_id, touchpoint_id, stakeholder_id, emotion, emotion_label, quote) VALUES
    (1, 1, 1, 1, 'interested', '数据要跑起来，群众少跑腿'), (1, 1, 2, 0, 'neutral', NULL),
    (1, 2, 2, 1, 'interested', NULL), (1, 2, 4, 2, 'trusting', '我们科里天天手工导数据'),
    (1, 3, 1, 1, 'satisfied', '预算今年要落地'), (1, 3, 2, 0, 'neutral', NULL),
    (1, 4, 4, 1, 'trusting', NULL),
    (1, 5, 2, NULL, NULL, NULL),
    (1, 6, 3, 2, 'delighted', '这个界面我们科员都能用'), (1, 6, 4, 2, 'delighted', NULL),
    (1, 7, 2, -1, 'anxious', '参数不能有倾向性'), (1, 7, 3, 1, 'interested', NULL),
    (1, 8, 2, 0, 'neutral', NULL),
    (1, 9, 4, 1, 'trusting', '公告下周发'),
    (1, 10, 2, -1, 'confused', '实施周期要说清楚'),
    (1, 11, 1, 1, 'satisfied', NULL),
    (1, 12, 1, 2, 'satisfied', '祝贺中标'), (1, 12, 4, 3, 'delighted', NULL),
    (1, 13, 2, -2, 'frustrated', '合同条款不清晰，验收标准写得太含糊'), (1, 13, 1, 0, 'neutral', NULL),
    (1, 14, 2, -1, 'anxious', NULL), (1, 14, 3, NULL, NULL, NULL),
    (1, 15, 4, 0, 'neutral', NULL);
INSERT INTO pain_point (account_id, id, touchpoint_id, stakeholder_id, deal_id, stage_id, kind, text, severity, status, response, raised_on)
SELECT 1, v.id, v.tp, v.who, 1, gs.id, v.kind, v.text, v.sev, v.status, v.resp, v.d::date FROM (VALUES
    (1, 1, 1, 'needs', 'need', '跨部门数据共享难', 'high', 'addressed', '提供共享交换方案', '2025-09-03'),
    (2, 2, 4, 'needs', 'pain', '手工导数据耗时', 'medium', 'resolved', '演示自动化交换', '2025-09-18'),
    (3, 7, 2, 'specification', 'pain', '招标参数合规风险', 'high', 'addressed', '提供第三方合规参数建议', '2026-01-10'),
    (4, 10, 2, 'bidding', 'pain', '实施周期不明确', 'medium', 'resolved', '澄清函中给出里程碑', '2026-02-28'),
    (5, 13, 2, 'contract', 'pain', '合同条款不清晰', 'high', 'open', NULL, '2026-03-30'),
    (6, 13, 1, 'contract', 'need', '付款节点与财政拨款对齐', 'medium', 'open', NULL, '2026-03-30')
) AS v (id, tp, who, k, kind, text, sev, status, resp, d) JOIN gs ON gs.key = v.k;
INSERT INTO plan_item (account_id, uid, deal_id, stakeholder_id, stage_id, role, rule, action, channel, due, priority, why)
SELECT 1, v.uid, 1, v.who, gs.id, v.role, v.rule, v.action, v.ch, v.due::date, v.prio, v.why FROM (VALUES
    ('shot-1', 2, 'contract', 'TB', 'dip-follow-up', '逐条澄清合同条款，附验收标准样例', 'meeting', '2026-05-06', 'high', 'TB 在合同评审会上情绪 -2'),
    ('shot-2', 3, 'implementation', 'UB', 'stage-playbook', '制定科员培训计划', 'training', '2026-06-15', 'medium', '实施阶段 UB 要会用'),
    ('shot-3', 4, 'implementation', 'Coach', 'coach-cadence', '邀请陈工参加上线启动会', 'event', '2026-07-01', 'medium', '保持内线')
) AS v (uid, who, k, role, rule, action, ch, due, prio, why) JOIN gs ON gs.key = v.k;
-- Experience surveys for the metrics lane (the stage comes from the deal's history): NPS at approval and at the
-- contract dip, the UB's CSAT and the Coach's CES at the demo, the TB's CSAT at contract; the targets.
INSERT INTO survey (account_id, stakeholder_id, deal_id, surveyed_on, kind, score, comment) VALUES
    (1, 1, 1, '2025-10-15', 'nps', 9, NULL), (1, 2, 1, '2025-10-15', 'nps', 7, NULL),
    (1, 3, 1, '2025-12-15', 'csat', 5, NULL), (1, 4, 1, '2025-12-15', 'ces', 6, NULL),
    (1, 2, 1, '2026-03-30', 'nps', 4, '合同条款不清晰'), (1, 1, 1, '2026-04-08', 'nps', 8, NULL),
    (1, 2, 1, '2026-04-08', 'csat', 2, NULL);
INSERT INTO metric_target (kind, pipeline_id, value) VALUES ('nps', NULL, 30), ('csat', NULL, 4);
SQL

"$bin" map 市数据局 --today "$today" --lang zh --format html --out "$out/map.html"
"$bin" map 市数据局 --today "$today" --lang zh --future --format html --out "$out/map-future.html"

for part in '<table class="journey">' 'class="curve"' '<polyline' 'class="chain"' 'id="moments"' 'NPS -50'; do
    grep -q "$part" "$out/map.html" || fail "the HTML lacks $part"
done

# Console messages, failed loads and JavaScript errors are logged to stderr at --v=0.
shoot() {
    local page=$1 png=$2 size=$3 log="$work/chromium-$(basename "$2").log"
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --enable-logging=stderr --v=0 --window-size="$size" --screenshot="$png" "file://$page" 2>"$log" >/dev/null || true
    [ -s "$png" ] || { cat "$log" >&2; fail "no screenshot of $page"; }
    if grep -E 'CONSOLE|Uncaught|Failed to load|net::ERR_' "$log" >&2; then fail "console errors in $page (above)"; fi
}
shoot "$out/map.html" "$out/map.png" 1600,1100
shoot "$out/map.html" "$out/map-full.png" 1600,2800      # the whole page: grid, curve, moments, chart
shoot "$out/map-future.html" "$out/map-future.png" 1600,1100

# Print to PDF: the map asks for A3 landscape (1191 × 842 pt).
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$out/map.pdf" "file://$out/map.html" 2>/dev/null >/dev/null || true
[ -s "$out/map.pdf" ] || fail "no PDF printed"
grep -aqE 'MediaBox \[0 0 119[01](\.[0-9]+)? 84[12](\.[0-9]+)?\]' "$out/map.pdf" || fail "the PDF is not A3 landscape"

echo "screenshots: $out/map.png $out/map-full.png $out/map-future.png; PDF: $out/map.pdf (A3 landscape); no console errors"
