# Sourced by the bench-*.sh scripts: what each needs before its own work.
#
#   bench_setup NAME     (needs $D, the dchain binary)
#   bench_seed [ARG...]  (needs ACCOUNTS, TPA, SEED, TODAY)
#
# Checks the binary and /usr/bin/time (peak memory), finds PostgreSQL's own psql
# (`PSQL`; the one on PATH is a slow wrapper), makes a throwaway embedded cluster
# home (`HOME_DIR`, exported as DCHAIN_HOME with DCHAIN_USER=bench, TZ=UTC) that is
# stopped and removed at exit unless KEEP is set. Also defines now_ns, median, max.
bench_setup() {
    [ -x "$D" ] || { echo "$1: build first (make release); $D not found" >&2; exit 1; }
    [ -x /usr/bin/time ] || { echo "$1: /usr/bin/time is needed for peak memory (apt-get install time)" >&2; exit 1; }
    PSQL="$(pg_config --bindir 2>/dev/null)/psql"
    [ -x "$PSQL" ] || PSQL=$(ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -1)
    HOME_DIR=$(mktemp -d "/tmp/dchain-$1.XXXXXX")
    chmod 755 "$HOME_DIR" # the embedded cluster's server runs as postgres when run as root
    export DCHAIN_HOME="$HOME_DIR" DCHAIN_USER=bench TZ=UTC
    unset DCHAIN_DB DCHAIN_WORKSPACE
    trap bench_cleanup EXIT
}

bench_cleanup() {
    if [ -n "${KEEP:-}" ]; then echo "kept the cluster in $HOME_DIR (DCHAIN_HOME)"; return; fi
    "$D" db stop >/dev/null 2>&1 || true
    rm -rf "$HOME_DIR"
}

now_ns() { date +%s%N; }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
max() { printf '%s\n' "$@" | sort -n | tail -1; }

# Seeds the synthetic data set (`dev seed`) with ACCOUNTS, TPA, SEED and TODAY and says how
# long it took; extra arguments go to `dev seed`.
bench_seed() {
    echo "seeding $ACCOUNTS accounts × $TPA touchpoints (seed $SEED, today $TODAY)..."
    local t0 t1
    t0=$(now_ns)
    "$D" dev seed --accounts "$ACCOUNTS" --touchpoints-per-account "$TPA" --seed "$SEED" --today "$TODAY" "$@"
    t1=$(now_ns)
    awk -v ms=$(( (t1 - t0) / 1000000 )) 'BEGIN { printf "seed took %.1f s\n", ms / 1000 }'
}
