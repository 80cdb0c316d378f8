#!/usr/bin/env bash
# Installs what dchain needs to build and run on Debian: libpq (headers and
# pkg-config file) and the PostgreSQL server. As root it uses apt; otherwise
# it prints the command to run.
set -euo pipefail

missing=()
pkg-config --exists libpq 2>/dev/null || missing+=(libpq-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
# pgTAP and pg_prove: the SQL-level check of row-level security (scripts/check-pgtap.sh).
pgmajor=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
pgmajor=${pgmajor:-15}
ls /usr/share/postgresql/"$pgmajor"/extension/pgtap.control >/dev/null 2>&1 || missing+=(postgresql-"$pgmajor"-pgtap)
command -v pg_prove >/dev/null 2>&1 || missing+=(libtap-parser-sourcehandler-pgtap-perl)
[ "${NEED_PYTHON_VENV:-0}" = 1 ] && ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1 && missing+=(python3-venv)

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ]; then
    echo "ensure-deps: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # Debian's postgresql package starts a cluster of its own; dchain does not use it.
else
    echo "ensure-deps: missing ${missing[*]}; install them with:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
