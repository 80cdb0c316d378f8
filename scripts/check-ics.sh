#!/usr/bin/env bash
# Checks `dchain plan --format ics` with an independent RFC 5545 parser
# (Python's icalendar from PyPI) on the sample account: item count, dates,
# UIDs. Uses DCHAIN_DB when set (a throwaway database is created there),
# else a throwaway embedded cluster. Exits non-zero on any failure and ends
# with "N passed, N failed".
#
#   scripts/check-ics.sh              # builds dchain if needed
#   DCHAIN_BIN=path/to/dchain scripts/check-ics.sh   (or DCHAIN=...)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
today=2026-04-25

# DCHAIN_BIN or DCHAIN (as `make test` passes it): a path or a command name.
bin=${DCHAIN_BIN:-${DCHAIN:-}}
if [ -n "$bin" ] && [ ! -x "$bin" ]; then bin=$(command -v "$bin" || echo "$bin"); fi
if [ -z "$bin" ]; then
    swift build --product dchain >&2
    bin="$(swift build --show-bin-path)/dchain"
fi
[ -x "$bin" ] || { echo "dchain binary not found: $bin"; echo "0 passed, 1 failed"; exit 1; }

. "$root/scripts/lib/python-venv.sh"
python_with .build-ics 'icalendar' icalendar

psql="$(pg_config --bindir)/psql"
. "$root/scripts/lib/scratch-db.sh"
scratch_db ics
export DCHAIN_USER=tester

"$bin" db migrate >/dev/null
"$psql" -q -v ON_ERROR_STOP=1 "$url" -f "$root/tests/ics/sample.sql" >/dev/null

"$bin" plan SDJ --today "$today" --format ics --out "$work/plan.ics"
"$bin" plan SDJ --today "$today" --format ics --out "$work/plan2.ics"
"$bin" plan SDJ --today "$today" --format json --out "$work/plan.json"
"$bin" plan SDJ --today "$today" --format ics --lang zh --out "$work/plan.zh.ics"
"$bin" plan SDJ --today "$today" --format ics --event-time 14:30 --event-minutes 45 --out "$work/plan.late.ics"
account=$("$psql" -qAt "$url" -c "SELECT name FROM account WHERE code = 'SDJ'")

"$python" "$root/tests/ics/test_ics.py" --ics "$work/plan.ics" --json "$work/plan.json" --today "$today" \
    --again "$work/plan2.ics" --ics-zh "$work/plan.zh.ics" --account "$account" \
    --ics-late "$work/plan.late.ics" --late 14:30 --late-minutes 45
