#!/usr/bin/env bash
# Dojo's DQN against Stable-Baselines3's DQN in one run, on CartPole-v1 with the zoo preset (RL
# Baselines3 Zoo's dqn.yml: same hyperparameters, same step budget, no periodic evaluation on
# either side): wall-clock seconds of training, environment steps and gradient updates per
# second, and the final greedy policy's mean return over 100 episodes, the median over seeds
# 1-3. Then Dojo's default preset alone, over seeds 1-5: `dojo train --seed N` as it comes
# (the preset stops at the first 20-episode evaluation, every 2,500 steps, whose mean return
# reaches 475), its stopped policy scored over 100 episodes, and a run of the full 50,000 steps
# without the early stop, its final policy over 100 episodes.
#
#   bash Benchmarks/run_dqn.sh [--quick] [--results FILE]
#
# Installs torch and stable-baselines3 into Benchmarks/.venv on first use (torch from PyPI is a
# large download; SB3 is told device="cpu"). SB3 runs twice per seed: with torch's default
# thread count (one per core; the issue's setting) and with torch.set_num_threads(1) (the SB3
# maintainers' speed tip, DLR-RM/stable-baselines3#90: on a shared 2-vCPU VM torch's spinning
# OpenMP worker can slow 2-thread updates several-fold). Neither side is pinned: Dojo uses the
# cores it finds. The dojo binary is copied out of .build after the build and run from the copy.
# The sides take turns seed by seed (SB3, Dojo, SB3 on one thread), so a machine whose speed
# drifts (shared cloud cores) shifts all of them alike. The raw JSON lines go to FILE (a new
# /tmp/dojo-dqn-*.jsonl by default, kept after the run); compare_dqn.py prints the tables from it.
# --quick checks the plumbing: 5,000 steps and seed 1 only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
seeds="1 2 3"
default_seeds="1 2 3 4 5"
steps=()
results=""
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) seeds="1"; default_seeds="1"; steps=(5000); shift ;;
        --results) results="$2"; shift 2 ;;
        *) echo "usage: $0 [--quick] [--results FILE]" >&2; exit 2 ;;
    esac
done
source "$here/bench_common.sh"
start_results dqn
prepare_sides true
dojo_steps=()
sb3_steps=()
if [ ${#steps[@]} -gt 0 ]; then dojo_steps=(--steps "${steps[0]}"); sb3_steps=(--timesteps "${steps[0]}"); fi

printf '{"side": "meta", "commit": "%s", "dirty": %s, "cores": %s, "date": "%s"}\n' \
    "$commit" "$dirty" "$(nproc)" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$results"

# Head to head: the zoo preset, evaluation only at the end (100 greedy episodes, seeded seed + 1).
for seed in $seeds; do
    record sb3 "$seed" "$python" "$here/sb3_dqn.py" --seed "$seed" "${sb3_steps[@]}"
    record dojo "$seed" "$dojo" train --env CartPole-v1 --agent dqn --preset zoo --seed "$seed" --json \
        --out "$work/zoo-$seed" --set eval_freq=0 --set n_eval_episodes=100 "${dojo_steps[@]}"
    record sb3-1-thread "$seed" "$python" "$here/sb3_dqn.py" --seed "$seed" --threads 1 "${sb3_steps[@]}"
done

# Dojo's default preset as `dojo train --seed N` runs it (time to solve: it stops at the first
# evaluation with mean >= 475), the stopped policy over 100 episodes, and the full 50,000 steps
# without the early stop, the final policy over 100 episodes.
for seed in $default_seeds; do
    record dojo-default-solve "$seed" "$dojo" train --env CartPole-v1 --agent dqn --seed "$seed" --json \
        --out "$work/solve-$seed" "${dojo_steps[@]}"
    record dojo-default-solve-eval "$seed" "$dojo" eval --checkpoint "$work/solve-$seed/final.safetensors" \
        --episodes 100 --seed "$((seed + 1))" --json
    record dojo-default "$seed" "$dojo" train --env CartPole-v1 --agent dqn --seed "$seed" --json \
        --out "$work/default-$seed" --set stop_on_reward_threshold=false --set eval_freq=0 --set n_eval_episodes=100 "${dojo_steps[@]}"
done

echo "raw results: $results" >&2
"$python" "$here/compare_dqn.py" "$results"
