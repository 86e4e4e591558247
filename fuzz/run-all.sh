#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600) each, one after another, on one core, and keeps
# each run's libFuzzer log in logs/<target>.log (the figures in README.md come from these logs).
# Usage: fuzz/run-all.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(parse_bytes formula catalog_toml observations_csv roundtrip)
mkdir -p logs
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t"
    echo "== $t: ${secs}s" >&2
    cargo +nightly fuzz run -O "$t" "corpus/$t" "seeds/$t" -- \
        -max_total_time="$secs" -timeout=10 -print_final_stats=1 >"logs/$t.log" 2>&1
    echo "== $t: exit $?" >&2
done
