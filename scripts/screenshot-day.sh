#!/usr/bin/env bash
# Renders a day in the life (the service-window clerk 周婷 of the sample
# account: one observed day, and her typical day over two) as HTML and SVG with
# `dchain day`, opens them in headless Chromium, takes PNG screenshots, and
# fails when a page logs a console error or the emotion curve, the low points
# or the CJK text is missing.
#
#   scripts/screenshot-day.sh        # writes out/day{,-typical}.{html,png}, out/day.svg, out/day-svg.png
#   OUT=/tmp/shots DCHAIN_BIN=path/to/dchain scripts/screenshot-day.sh
#
# Runs in a throwaway database (see scripts/lib/scratch-db.sh); installs
# Chromium and a CJK font with apt-get when missing and running as root.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${OUT:-$root/out}
mkdir -p "$out"

. "$root/scripts/lib/screenshot.sh"
screenshot_setup screenshot-day

. "$root/scripts/lib/scratch-db.sh"
scratch_db day
export DCHAIN_USER=screenshot
A=市数据局
q() { "$bin" "$@" >/dev/null; }
q account add "$A" --kind government
q stakeholder add "$A" 孙丽 --title "业务骨干 Senior Case Officer" --level staff
q stakeholder add "$A" 周婷 --title "窗口工作人员 Service Window Clerk" --level staff --reports-to 孙丽
q deal add "$A" 城市数据中台项目 --pipeline government --method public-tender --amount 4800000 --on 2026-03-02
q role set 城市数据中台项目 周婷 UB --account "$A" --influence low --stance supporter --on 2026-03-02
q observe "$A" --who 周婷 --on 2026-03-26 --from-file scripts/sample/window-clerk-day.txt
# A second day, as CSV, so the typical day has a spread.
cat > "$work/day2.csv" <<'CSV'
time,does,thinks,feels,label,tool,pain,severity
08:40,开窗前登录三个系统,,-2,烦,"受理系统,审批系统,叫号系统",,
09:50,同一件事在三个系统里各录一遍,又是三遍,-3,崩溃,"受理系统,审批系统",同一件事录入三个系统,high
11:30,排队高峰,,0,,叫号系统,,
14:10,帮群众网上预约,,+1,,受理系统,,
16:45,手工汇总报表,,-2,疲惫,Excel,每天手工汇总办件报表,low
CSV
q observe "$A" --who 周婷 --on 2026-03-27 --from-file "$work/day2.csv"

"$bin" day "$A" --who 周婷 --on 2026-03-26 --lang zh --format html --out "$out/day.html"
"$bin" day "$A" --who 周婷 --lang zh --format html --out "$out/day-typical.html"
"$bin" day "$A" --who 周婷 --on 2026-03-26 --lang zh --format svg --out "$out/day.svg"

for part in '<polyline class="curve"' 'class="low"' '同一件事在三个系统里各录一遍' '周婷的一天'; do
    grep -q "$part" "$out/day.html" || fail "the HTML lacks $part"
done
grep -q 'class="spread"' "$out/day-typical.html" || fail "the typical day lacks the spread across days"

shoot() {
    local page=$1 png=$2 size=$3 log="$work/chromium-$(basename "$2").log"
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --enable-logging=stderr --v=0 --window-size="$size" --screenshot="$png" "file://$page" 2>"$log" >/dev/null || true
    [ -s "$png" ] || { cat "$log" >&2; fail "no screenshot of $page"; }
    if grep -E 'CONSOLE|Uncaught|Failed to load|net::ERR_' "$log" >&2; then fail "console errors in $page (above)"; fi
}
shoot "$out/day.html" "$out/day.png" 1400,1500
shoot "$out/day-typical.html" "$out/day-typical.png" 1400,1500
shoot "$out/day.svg" "$out/day-svg.png" 1200,460

echo "screenshots: $out/day.png $out/day-typical.png $out/day-svg.png; no console errors"
