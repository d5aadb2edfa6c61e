#!/usr/bin/env bash
# Runs one cargo-fuzz target for a number of seconds and prints what it did.
#
#   scripts/fuzz.sh TARGET [SECONDS] [extra libFuzzer flags…]
#   scripts/fuzz.sh validate 1800
#   scripts/fuzz.sh decide 1800 -max_len=4096
#   scripts/fuzz.sh cmin change          # merge the run's corpus into fuzz/corpus/change, minimise
#
# Targets: validate, decide, change (fuzz/fuzz_targets/). Installs what it
# needs: the nightly toolchain (rustup) and cargo-fuzz (crates.io). Without
# nightly it says so and exits 3. A crash leaves its input in
# fuzz/artifacts/TARGET/ and exits non-zero; replay it with
#   cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/crash-…
# The committed corpora are also replayed on stable by `cargo test --test
# fuzz_corpus`.
#
# Environment: CARGO_TARGET_DIR (default fuzz/target), CARGO_BUILD_JOBS (cargo
# build jobs, default 1), FUZZ_LOG (libFuzzer's output, default
# fuzz/target/fuzz-TARGET.log).
set -euo pipefail

# One block, read whole before it runs: editing this file during a long run
# cannot change what the run does next.
{

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
targets="validate decide change"

usage() {
    echo "usage: $0 TARGET [SECONDS] [libFuzzer flags…]   (TARGET: ${targets// /, })" >&2
    echo "       $0 cmin TARGET" >&2
    exit 2
}

[ $# -ge 1 ] || usage
mode=run
if [ "$1" = cmin ]; then
    mode=cmin
    shift
    [ $# -ge 1 ] || usage
fi
target="$1"
shift
case " $targets " in
    *" $target "*) ;;
    *) echo "unknown fuzz target '$target'" >&2; usage ;;
esac
seconds=1800
if [ $# -ge 1 ] && [[ "$1" =~ ^[0-9]+$ ]]; then
    seconds="$1"
    shift
fi

# The nightly toolchain: cargo-fuzz needs it for the sanitizer and coverage flags.
if ! command -v rustup >/dev/null 2>&1; then
    echo "fuzz.sh: rustup is not installed, so the nightly toolchain cannot be had;" >&2
    echo "         cargo-fuzz needs nightly. Install rustup (https://rustup.rs) first." >&2
    exit 3
fi
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing the nightly toolchain" >&2
    if ! rustup toolchain install nightly --profile minimal; then
        echo "fuzz.sh: the nightly toolchain cannot be installed here; cargo-fuzz needs it." >&2
        echo "         No fuzzing was done. The stable replay of the committed corpus" >&2
        echo "         still runs: cargo test --test fuzz_corpus" >&2
        exit 3
    fi
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked
fi

cd "$here/fuzz"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$here/fuzz/target}"
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"
corpus="corpus/$target"
mkdir -p "$corpus" "artifacts/$target"

if [ "$mode" = cmin ]; then
    # The run's working corpus joins the committed one, then both shrink
    # to the smallest set that keeps the same coverage.
    work="$CARGO_TARGET_DIR/corpus-$target"
    if [ -d "$work" ]; then
        cp -n "$work"/* "$corpus"/ 2>/dev/null || true
    fi
    before=$(find "$corpus" -type f | wc -l)
    # Edges only (no hit counters): the smallest corpus that keeps every edge.
    cargo +nightly fuzz cmin "$target" "$corpus" -- -use_counters=0 -use_value_profile=0
    after=$(find "$corpus" -type f | wc -l)
    echo "fuzz.sh: $target corpus minimised: $before -> $after files ($(du -sh "$corpus" | cut -f1))"
    exit 0
fi

log="${FUZZ_LOG:-$CARGO_TARGET_DIR/fuzz-$target.log}"
mkdir -p "$(dirname "$log")"
cargo +nightly fuzz build "$target"
echo "fuzz.sh: running $target for $seconds s (log: $log)" >&2
start=$(date +%s)
set +e
# A fresh working corpus in the target dir, seeded from the committed one,
# so a run never grows the committed corpus by itself (cmin does that).
work="$CARGO_TARGET_DIR/corpus-$target"
mkdir -p "$work"
cargo +nightly fuzz run "$target" "$work" "$corpus" -- \
    -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 "$@" \
    >"$log" 2>&1
status=$?
set -e
end=$(date +%s)

runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
if [ -z "$runs" ]; then
    runs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#' || true)
fi
rate=$(grep -o 'exec/s: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
cov=$(grep -o 'cov: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
files=$(find "$work" -type f | wc -l)
crashes=$(find "artifacts/$target" -type f -newermt "@$start" 2>/dev/null | wc -l)
echo "fuzz.sh: target=$target wall=$((end - start))s executions=${runs:-?} exec/s=${rate:-?} coverage=${cov:-?} corpus=$files crashes=$crashes"
if [ "$status" -ne 0 ]; then
    echo "fuzz.sh: $target FAILED (exit $status); the last lines of $log:" >&2
    tail -40 "$log" >&2
    exit "$status"
fi
echo "fuzz.sh: $target passed: no crash, hang or disagreement in $((end - start)) s"
exit 0
}
