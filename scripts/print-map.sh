#!/usr/bin/env bash
# Prints the sample journey map (out/map.html from scripts/screenshot-map.sh, which
# it runs first when the page is missing) to PDF with headless Chromium, turns every
# page into a PNG with pdftoppm, and checks what a machine can: A3 landscape pages,
# one page per band of stages, the title and the first lane label on page one (the
# title is not alone), every lane label on every band page, and no font-size below
# 8 pt in the print stylesheet. Look at the PNGs for the rest.
#
#   scripts/print-map.sh                  # writes out/map-print.pdf, out/map-print-N.png
#   MAP_HTML=path/to/map.html OUT=/tmp/p scripts/print-map.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${OUT:-$root/out}
html=${MAP_HTML:-$out/map.html}
mkdir -p "$out"

fail() { echo "print-map: $*" >&2; exit 1; }

if [ ! -s "$html" ]; then OUT=$out scripts/screenshot-map.sh >&2; fi
[ -s "$html" ] || fail "no map page at $html"
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || fail "chromium is not installed (apt-get install --no-install-recommends chromium, as root)"
for tool in pdftoppm pdftotext pdfinfo; do
    command -v $tool >/dev/null || fail "$tool is missing (apt-get install --no-install-recommends poppler-utils)"
done

pdf=$out/map-print.pdf
rm -f "$pdf" "$out"/map-print-*.png
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$pdf" "file://$html" 2>/dev/null >/dev/null || true
[ -s "$pdf" ] || fail "no PDF printed"
pdftoppm -png -r 60 "$pdf" "$out/map-print"

pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
size=$(pdfinfo "$pdf" | awk '/^Page size:/ { print int($3 + .5) "x" int($5 + .5) }')
[ "$size" = 1191x842 ] || fail "pages are $size pt, not A3 landscape (1191x842)"

# The lane labels and the title as printed in the page (the page's own text, not guessed).
title=$(sed -n 's:.*<h1>\(.*\)</h1>.*:\1:p' "$html" | head -1 | sed 's/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g')
mapfile -t lanes < <(awk '/<table class="journey band">/ { on = 1 } on && /<\/table>/ { exit } on' "$html" \
    | sed -n 's:.*<tr class="lane-[a-z]*"><th class="lane">\([^<]*\)</th>.*:\1:p')
bands=$(grep -c '<table class="journey band">' "$html")
[ -n "$title" ] && [ "${#lanes[@]}" -gt 0 ] && [ "$bands" -gt 0 ] || fail "the page has no title, lane labels or printed bands"

# Chromium may draw CJK text as glyphs pdftotext cannot map back; compare without spaces.
squash() { tr -d ' \n\t'; }
page1=$(pdftotext -f 1 -l 1 "$pdf" - | squash)
[[ "$page1" == *"$(printf %s "$title" | squash)"* ]] || fail "page 1 lacks the title '$title'"
[[ "$page1" == *"$(printf %s "${lanes[0]}" | squash)"* ]] || fail "page 1 lacks the first lane label '${lanes[0]}': the title is alone"
for ((p = 1; p <= bands; p++)); do
    text=$(pdftotext -f $p -l $p "$pdf" - | squash)
    for l in "${lanes[@]}"; do
        [[ "$text" == *"$(printf %s "$l" | squash)"* ]] || fail "band page $p lacks the lane label '$l'"
    done
done
[ "$pages" -gt "$bands" ] || fail "$pages pages for $bands bands: the curve, moments and chart are missing"

# No font size below 8 pt in the page: CSS pt, px (0.75 pt) and rem (of the 16 px root, 12 pt),
# and SVG font-size attributes of fixed-size SVGs (px). The curve's SVG (viewBox 1000 wide, width
# 100%) is drawn across an A3 page, ~1500 px, so its units are larger than px there: left out.
small=$(perl -0pe 's:<svg[^>]*width="100%".*?</svg>::gs' "$html" | grep -oE 'font-size(: *|=")[0-9.]+(pt|px|rem|")' | sed -E 's/font-size(: *|=")//' \
    | awk '{ v = $0 + 0; u = $0; sub(/^[0-9.]+/, "", u); pt = (u == "pt") ? v : (u == "rem") ? v * 12 : v * .75;
             if (pt < 8) print $0 " (" pt " pt)" }')
[ -z "$small" ] || fail "font sizes below 8 pt in the page: $small"

echo "print-map: $pdf: $pages A3 landscape pages, $bands stage bands with ${#lanes[@]} lane labels each, title on page 1; PNGs: $(ls "$out"/map-print-*.png | tr '\n' ' ')"
