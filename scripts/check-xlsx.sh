#!/usr/bin/env bash
# Checks `dchain export --format xlsx` with an independent reader (openpyxl
# from PyPI) on the sample account: the workbook opens, one sheet per record
# type with the columns of `dchain export --format csv`, the sample's rows;
# then dchain's own import reads every sheet back and adds nothing.
# Uses DCHAIN_DB when set (a throwaway database is created there), else a
# throwaway embedded cluster. Ends with "N passed, N failed".
#
#   scripts/check-xlsx.sh              # builds dchain if needed
#   DCHAIN_BIN=path/to/dchain scripts/check-xlsx.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bin=${DCHAIN_BIN:-${DCHAIN:-}}
if [ -n "$bin" ] && [ ! -x "$bin" ]; then bin=$(command -v "$bin" || echo "$bin"); fi
if [ -z "$bin" ]; then
    swift build --product dchain >&2
    bin="$(swift build --show-bin-path)/dchain"
fi
[ -x "$bin" ] || { echo "dchain binary not found: $bin"; echo "0 passed, 1 failed"; exit 1; }

. "$root/scripts/lib/python-venv.sh"
python_with .build-xlsx 'openpyxl' openpyxl

. "$root/scripts/lib/scratch-db.sh"
scratch_db xlsx
export DCHAIN_USER=tester TZ=UTC

"$bin" db migrate >/dev/null
DCHAIN="$bin" "$root/scripts/load-sample.sh" >/dev/null
"$bin" export --format xlsx --out "$work/all.xlsx"
"$bin" export --format csv --out "$work/csv" 2>/dev/null

pass=0 fail=0
"$python" - "$work/all.xlsx" "$work/csv" <<'PY' && pass=$((pass + 1)) || fail=$((fail + 1))
import csv, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
types = ["accounts", "units", "stakeholders", "deals", "roles", "touchpoints"]
assert book.sheetnames == types, book.sheetnames
for t in types:
    rows = [[("" if c is None else str(c)) for c in r] for r in book[t].iter_rows(values_only=True)]
    with open(f"{sys.argv[2]}/{t}.csv", encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    # The same header and cells as the CSV (whose formula guard adds a leading ' the sheet does not need).
    width = len(table[0])
    rows = [r + [""] * (width - len(r)) for r in rows]
    unguard = lambda v: v[1:] if v.startswith("'") and v[1:2] in ("=", "+", "-", "@") else v
    assert rows == [[unguard(v) for v in r] for r in table], (t, rows[:3], table[:3])
names = [r[0] for r in book["accounts"].iter_rows(min_row=2, values_only=True)]
assert names == ["市数据局"], names
assert sum(1 for _ in book["stakeholders"].iter_rows(min_row=2)) == 7
assert sum(1 for _ in book["touchpoints"].iter_rows(min_row=2)) >= 19
print("openpyxl: 6 sheets, the CSV's columns and cells, the sample's rows")
PY

for t in accounts units stakeholders deals roles touchpoints; do
    out=$("$bin" import "$work/all.xlsx" --sheet "$t" --type "$t" 2>&1) || true
    case "$out" in
        *"imported"*" 0 added,"*) pass=$((pass + 1)) ;;
        *) echo "dchain import of sheet $t added rows: $out"; fail=$((fail + 1)) ;;
    esac
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
