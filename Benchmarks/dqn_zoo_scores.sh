#!/usr/bin/env bash
# The zoo preset's final scores over many seeds, Dojo's DQN beside Stable-Baselines3's: plain
# DQN's late collapse on CartPole-v1 makes three seeds (run_dqn.sh) too few to compare scores.
# Scores only: SB3 runs on one torch thread, two seeds at a time, so its times mean nothing
# here; both sides' scores do not depend on threads or timing. Same settings as run_dqn.sh
# (zoo preset, no periodic evaluation, final greedy policy over 100 episodes).
#
#   bash Benchmarks/dqn_zoo_scores.sh [--seeds "1 2 ... N"] [--results FILE]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
seeds="$(seq -s ' ' 1 20)"
results=""
while [ $# -gt 0 ]; do
    case "$1" in
        --seeds) seeds="$2"; shift 2 ;;
        --results) results="$2"; shift 2 ;;
        *) echo "usage: $0 [--seeds \"1 2 ...\"] [--results FILE]" >&2; exit 2 ;;
    esac
done
source "$here/bench_common.sh"
start_results dqn-scores
prepare_sides true
printf '{"side": "meta", "commit": "%s", "dirty": %s, "cores": %s, "date": "%s"}\n' \
    "$commit" "$dirty" "$(nproc)" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$results"

export -f record
export results python here
echo $seeds | tr ' ' '\n' | xargs -P 2 -I{} bash -c 'record sb3-1-thread {} "$python" "$here/sb3_dqn.py" --seed {} --threads 1'
for seed in $seeds; do
    record dojo "$seed" "$dojo" train --env CartPole-v1 --agent dqn --preset zoo --seed "$seed" --json \
        --out "$work/zoo-$seed" --set eval_freq=0 --set n_eval_episodes=100
done

echo "raw results: $results" >&2
"$python" "$here/compare_dqn_scores.py" "$results"
