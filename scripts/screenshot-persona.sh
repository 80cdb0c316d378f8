#!/usr/bin/env bash
# Renders the TB persona built from the sample account and the three shipped cases (loaded
# together with `dchain case load`) and the sample's journey map seen as that persona
# (`map --persona TB`) as HTML, opens them in headless Chromium, takes PNG screenshots, and
# fails when a page logs a console error or the evidence, the ★ marks or the CJK text is missing.
#
#   scripts/screenshot-persona.sh    # writes out/persona{,.zh}.{html,png}, out/map-persona.{html,png}
#   OUT=/tmp/shots DCHAIN_BIN=path/to/dchain scripts/screenshot-persona.sh
#
# Runs in a throwaway database (see scripts/lib/scratch-db.sh); installs Chromium and a CJK
# font with apt-get when missing and running as root.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${OUT:-$root/out}
mkdir -p "$out"

. "$root/scripts/lib/screenshot.sh"
screenshot_setup screenshot-persona

. "$root/scripts/lib/scratch-db.sh"
scratch_db persona
export DCHAIN_USER=screenshot
DCHAIN="$bin" scripts/load-sample.sh >/dev/null
"$bin" case load gov-contract-dip platform-signup-dropoff soe-hidden-eb >/dev/null
"$bin" persona build --role TB --format json --out "$work/tb.json"
id=$(python3 -c 'import json,sys; print(next(r["id"] for r in json.load(open(sys.argv[1])) if r["persona"]["level"] == "manager"))' "$work/tb.json")
"$bin" persona note "$id" --text "先逐条讲清验收标准和运维责任，再谈价格 (trainer's note)" >/dev/null
"$bin" persona show "$id" --format html --out "$out/persona.html"
"$bin" persona show "$id" --format html --lang zh --out "$out/persona.zh.html"
"$bin" map 市数据局 --today 2026-09-01 --persona TB --format html --out "$out/map-persona.html"

for part in '合同条款不清晰' '7 people · 4 accounts' 'class="frustrations"' '先逐条讲清验收标准'; do
    grep -q "$part" "$out/persona.html" || fail "the persona HTML lacks $part"
done
grep -q '用户画像' "$out/persona.zh.html" || fail "the zh persona HTML lacks its title"
for part in 'as the TB sees it' '★'; do
    grep -q "$part" "$out/map-persona.html" || fail "the focused map lacks $part"
done

shoot() {
    local page=$1 png=$2 size=$3 log="$work/chromium-$(basename "$2").log"
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --enable-logging=stderr --v=0 --window-size="$size" --screenshot="$png" "file://$page" 2>"$log" >/dev/null || true
    [ -s "$png" ] || { cat "$log" >&2; fail "no screenshot of $page"; }
    if grep -E 'CONSOLE|Uncaught|Failed to load|net::ERR_' "$log" >&2; then fail "console errors in $page (above)"; fi
}
shoot "$out/persona.html" "$out/persona.png" 1400,1400
shoot "$out/persona.zh.html" "$out/persona.zh.png" 1400,1400
shoot "$out/map-persona.html" "$out/map-persona.png" 2000,1400

echo "screenshots: $out/persona.png $out/persona.zh.png $out/map-persona.png; no console errors"
