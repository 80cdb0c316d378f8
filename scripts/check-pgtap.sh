#!/usr/bin/env bash
# Row-level security checked at the SQL level with pgTAP, independently of the
# Swift tests: a throwaway database (scripts/lib/scratch-db.sh) is migrated by
# dchain, tests/pgtap/setup.sql lays out two teams as the superuser, then
# pg_prove runs each tests/pgtap/<login>.sql connected AS that login (a rep of
# each team, the admin, the trainer) — never as a superuser.
#
#   scripts/check-pgtap.sh             # builds dchain if needed
#   DCHAIN_BIN=path/to/dchain scripts/check-pgtap.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bin=${DCHAIN_BIN:-${DCHAIN:-}}
if [ -n "$bin" ] && [ ! -x "$bin" ]; then bin=$(command -v "$bin" || echo "$bin"); fi
if [ -z "$bin" ]; then
    swift build --product dchain >&2
    bin="$(swift build --show-bin-path)/dchain"
fi
command -v pg_prove >/dev/null || { echo "pg_prove not found: run scripts/ensure-deps.sh"; exit 1; }

psql="$(pg_config --bindir)/psql"
unset DCHAIN_DB  # the embedded cluster: its superuser sets up, its logins are checked
. "$root/scripts/lib/scratch-db.sh"
scratch_db pgtap

"$bin" db migrate >/dev/null
"$psql" -q -X -v ON_ERROR_STOP=1 "$url" -f "$root/tests/pgtap/setup.sql" >/dev/null

# The embedded cluster's socket, port and database, for pg_prove's psql (as PG* variables).
export PGHOST="$DCHAIN_HOME/run" PGPORT=$(printf '%s' "$url" | sed -E 's#.*[?&]port=([0-9]+).*#\1#') PGDATABASE=dchain
status=0
for login in tap_rep_north tap_rep_south tap_admin tap_trainer; do
    PGUSER=$login PGOPTIONS="-c search_path=public,tap" pg_prove "$root/tests/pgtap/$login.sql" || status=1
done
exit $status
