#!/usr/bin/env bash
# Issue 14's long run: 1,000,000 steps of DQN on CartPole-v1 (the default preset's settings,
# replay buffer of 50,000, no early stop, a resumable checkpoint every 100,000 steps), with the
# process's resident memory and open files sampled every second from /proc. Prints the samples,
# the spread of each while training with a full buffer, and the peak after the last step.
#
#     bash Benchmarks/long_run_memory.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${1:-}" = "--no-build" ] || swift build -c release --product dojo
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
.build/release/dojo train --env CartPole-v1 --agent dqn --seed 1 --steps 1000000 \
    --set stop_on_reward_threshold=false --set eval_freq=0 --set checkpoint_freq=100000 \
    --out "$out/run" --quiet &
pid=$!
echo "seconds,timesteps,rss_mb,open_files"
start=$(date +%s)
while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/VmRSS/ {print $2 / 1024}' "/proc/$pid/status" 2>/dev/null || true)
    files=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l)
    steps=$(tail -n 1 "$out/run/progress.csv" 2>/dev/null | cut -d, -f1)
    [ -n "$rss" ] && echo "$(( $(date +%s) - start )),${steps:-0},$rss,$files" | tee -a "$out/samples.csv"
    sleep 1
done
wait "$pid"
awk -F, '$2 ~ /^[0-9]+$/ && $2 >= 50000 && $2 < 1000000 {
    if (n == 0 || $3 < lo) lo = $3; if ($3 > hi) hi = $3
    if (n == 0 || $4 < flo) flo = $4; if ($4 > fhi) fhi = $4; n++
}
$2 == 1000000 && $3 > end { end = $3 }
END {
    printf "training, buffer full (%d samples): resident %.1f to %.1f MB, open files %d to %d\n", n, lo, hi, flo, fhi
    printf "after the last step (final evaluation, episode.gif, plots): resident up to %.1f MB\n", end
}' "$out/samples.csv"
