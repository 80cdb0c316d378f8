# Sourced by the check scripts: a throwaway database for one run.
#
#   scratch_db NAME      (needs $bin, the dchain binary)
#
# Sets `work` (a temporary directory) and `url` (the database's conninfo) and
# exports DCHAIN_DB=$url and DCHAIN_TZ=UTC. With DCHAIN_DB already set, the
# database is a new one on that server, dropped at exit; otherwise it is
# dchain's embedded cluster in $work/home, stopped at exit. $work is removed
# at exit either way.
scratch_db() {
    scratch_psql="$(pg_config --bindir)/psql"
    work=$(mktemp -d "/tmp/dchain-$1.XXXXXX")
    chmod 755 "$work" # the embedded cluster's server runs as postgres
    trap scratch_db_cleanup EXIT
    if [ -n "${DCHAIN_DB:-}" ]; then
        scratch_dbname="dchain_$1_$$"
        "$scratch_psql" -q "$DCHAIN_DB" -c "CREATE DATABASE $scratch_dbname" >/dev/null
        scratch_admin=$DCHAIN_DB
        case "$DCHAIN_DB" in
            *://*) url=$(printf '%s' "$DCHAIN_DB" | sed -E "s#^([a-z]+://[^/?]*)(/[^?]*)?#\\1/$scratch_dbname#") ;;
            *) url="$DCHAIN_DB dbname=$scratch_dbname" ;;
        esac
    else
        export DCHAIN_HOME="$work/home"
        scratch_embedded=1
        "$bin" db start >/dev/null
        url=$("$bin" db url)
    fi
    export DCHAIN_DB=$url DCHAIN_TZ=UTC
}

scratch_db_cleanup() {
    if [ -n "${scratch_embedded:-}" ]; then DCHAIN_HOME="$work/home" "$bin" db stop >/dev/null 2>&1 || true; fi
    if [ -n "${scratch_admin:-}" ]; then
        "$scratch_psql" -q "$scratch_admin" -c "DROP DATABASE IF EXISTS $scratch_dbname" >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
