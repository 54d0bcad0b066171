#!/usr/bin/env bash
# Builds Dojo's fuzz targets with libFuzzer and AddressSanitizer, replays every past finding,
# then fuzzes each target for SECONDS (default 60) from its checked-in seed corpus, as many
# targets at a time as there are cores. Exits non-zero on a crash, a leak, an input slower
# than 10 s, or an allocation over 256 MB (none of the inputs justifies one), leaving the
# input in findings/.
#
#     bash Fuzz/run.sh [SECONDS] [TARGET...]      TARGET: GridMap Options Configuration SafeTensors
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(GridMap Options Configuration SafeTensors)

swift build -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address -Xswiftc -use-ld=lld

# Swift's runtime asks malloc_usable_size about static objects, which ASan would report.
export ASAN_OPTIONS=check_malloc_usable_size=0:detect_leaks=1
mkdir -p findings

# Replays the target's past findings, then fuzzes it from its corpus into a scratch folder;
# libFuzzer's output goes to findings/TARGET.log, printed when the target fails.
fuzz_one() {
    local target=$1 binary=".build/debug/Fuzz$1" work
    local flags=(-rss_limit_mb=2048 -malloc_limit_mb=256 -timeout=10 -artifact_prefix="findings/$target-")
    work=$(mktemp -d)
    {
        if compgen -G "Regressions/$target/*" >/dev/null; then "$binary" "${flags[@]}" Regressions/"$target"/*; fi &&
            "$binary" "${flags[@]}" -max_total_time="$seconds" -print_final_stats=1 "$work" "Corpus/$target"
    } >"findings/$target.log" 2>&1
    local status=$?
    rm -rf "$work"
    if [ $status -ne 0 ]; then
        echo "== $target: FAILED (status $status)"
        tail -n 60 "findings/$target.log"
        return 1
    fi
    echo "== $target: $(grep -h 'stat::number_of_executed_units' "findings/$target.log" | tail -n 1 | awk '{print $2}') inputs in $seconds s, no finding"
}
export -f fuzz_one
export seconds

# libFuzzer runs on one core, so the targets run side by side, one per core.
printf '%s\n' "${targets[@]}" | xargs -P "$(nproc)" -I{} bash -c 'fuzz_one {}'
