#!/usr/bin/env bash
# Checks every OCDS release package the tests wrote (`export ocds` outputs
# kept under .build/ocds-exports/ by Tests/dchainTests/OCDSCommandTests.swift)
# with an independent validator: ../shared/ocds/validate.py, the OCDS 1.1.5
# schemas offline, run by Python's jsonschema (>= 4.18, from PyPI) in a venv
# under .build-ocds/. A deliberately broken package must fail, so a validator
# that passes everything fails this check. Ends with "N passed, N failed".
#
#   swift test --filter OCDS && scripts/check-ocds.sh
#   OCDS_VALIDATOR=path/to/validate.py OCDS_EXPORTS=dir scripts/check-ocds.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# The validator beside the clone (../shared, as CI lays it out); from a git
# worktree, beside the main clone the worktree belongs to.
validator=${OCDS_VALIDATOR:-$root/../shared/ocds/validate.py}
if [ -z "${OCDS_VALIDATOR:-}" ] && [ ! -f "$validator" ] && common=$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
    validator="$(dirname "$(dirname "$common")")/shared/ocds/validate.py"
fi
exports=${OCDS_EXPORTS:-$root/.build/ocds-exports}

[ -f "$validator" ] || { echo "check-ocds: no validator at $validator (the shared/ocds folder beside the clone)"; echo "0 passed, 1 failed"; exit 1; }
shopt -s nullglob
files=("$exports"/*.json)
[ ${#files[@]} -gt 0 ] || { echo "check-ocds: no exports in $exports; run the Swift tests first (swift test --filter OCDS)"; echo "0 passed, 1 failed"; exit 1; }

. "$root/scripts/lib/python-venv.sh"
python_with .build-ocds 'jsonschema, referencing' 'jsonschema>=4.18'

# The negative control: a release without its required date and tag, and an unknown tender status.
broken=$(mktemp /tmp/dchain-ocds-broken.XXXXXX.json)
trap 'rm -f "$broken"' EXIT
printf '%s\n' '{"uri": "urn:x", "version": "1.1", "publishedDate": "2026-01-01T00:00:00Z", "publisher": {"name": "x"},' \
    '"releases": [{"ocid": "o-1", "id": "1", "initiationType": "tender", "tender": {"id": "t", "status": "stalled"}}]}' >"$broken"
if "$python" "$validator" "$broken" >/dev/null 2>&1; then
    echo "check-ocds: the validator accepted a broken package; it checks nothing"
    echo "0 passed, 1 failed"
    exit 1
fi

echo "check-ocds: ${#files[@]} export(s) from the tests against the OCDS 1.1.5 schemas" >&2
"$python" "$validator" "${files[@]}"
