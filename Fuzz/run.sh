#!/usr/bin/env bash
# Builds Dojo's fuzz targets with libFuzzer and AddressSanitizer, replays every past finding,
# then fuzzes each target for SECONDS (default 60) from its checked-in seed corpus. Exits
# non-zero on a crash, a leak, an input slower than 10 s, or an allocation over 256 MB (none
# of the inputs justifies one), leaving the input in findings/.
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
for target in "${targets[@]}"; do
    binary=".build/debug/Fuzz$target"
    flags=(-rss_limit_mb=2048 -malloc_limit_mb=256 -timeout=10 -artifact_prefix="findings/$target-")
    if compgen -G "Regressions/$target/*" >/dev/null; then
        echo "== $target: replaying Regressions/$target"
        "$binary" "${flags[@]}" Regressions/"$target"/*
    fi
    echo "== $target: fuzzing for $seconds s"
    work=$(mktemp -d)
    "$binary" "${flags[@]}" -max_total_time="$seconds" -print_final_stats=1 "$work" "Corpus/$target"
    rm -rf "$work"
done
