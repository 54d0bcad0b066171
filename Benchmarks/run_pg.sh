#!/usr/bin/env bash
# Dojo's PPO and A2C against Stable-Baselines3's in one run, on CartPole-v1 with the zoo presets
# (RL Baselines3 Zoo's ppo.yml and a2c.yml: same hyperparameters, same step budget, no periodic
# evaluation on either side): wall-clock seconds of training, environment steps and gradient
# updates per second, and the final greedy policy's mean return over 100 episodes, the median
# over seeds 1-3. Then Dojo's default PPO preset alone, over seeds 1-5: `dojo train --agent ppo
# --seed N` as it comes (it stops at the reward threshold), and its final policy scored over 100
# episodes (the goal: solved, a final mean of at least 475, in under 1 s of wall-clock).
#
#   bash Benchmarks/run_pg.sh [--quick] [--sb3-1-thread] [--no-build] [--algos "ppo a2c"] [--results FILE]
#
# Installs torch and stable-baselines3 into Benchmarks/.venv on first use (torch from PyPI is a
# large download; SB3 is told device="cpu"). SB3 runs with torch's default thread count (one
# per core); --sb3-1-thread adds a second SB3 run per seed and algorithm with
# torch.set_num_threads(1) (the SB3 maintainers' speed tip, DLR-RM/stable-baselines3#90; PPO's
# and A2C's [64, 64] networks are smaller still than DQN's, so one thread may well be faster).
# Neither side is pinned: Dojo uses the cores it finds. The dojo binary is copied out of .build
# after the build and run from the copy; --no-build skips the build and copies the dojo already
# in .build/release (when someone else is building there; the meta line then says built: false,
# and the binary may not match the recorded commit).
#
# Each Dojo run is followed by `dojo eval` of its final.safetensors over 100 greedy episodes
# seeded seed + 1, recorded as a side of its own (dojo-ppo-eval, dojo-a2c-eval,
# dojo-default-eval), the same evaluation sb3_pg.py runs; Dojo's wall-clock is that of training
# alone (`dojo train`'s seconds: network construction, files, periodic evaluations and the final
# checkpoint included). The default preset stops at its first 20-episode evaluation reaching
# 475, so its seconds are the time to solve.
# The sides take turns seed by seed (SB3 PPO, Dojo PPO, SB3 A2C, Dojo A2C), so a machine whose
# speed drifts (shared cloud cores) shifts all of them alike. The raw JSON lines go to FILE (a
# new /tmp/dojo-pg-*.jsonl by default, kept after the run); compare_pg.py prints the tables
# from it. --quick checks the plumbing: 5,000 steps and seed 1 only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
seeds="1 2 3"
default_seeds="1 2 3 4 5"
steps=()
results=""
one_thread=false
build=true
algos="ppo a2c"
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) seeds="1"; default_seeds="1"; steps=(5000); shift ;;
        --sb3-1-thread) one_thread=true; shift ;;
        --no-build) build=false; shift ;;
        --algos) algos="$2"; shift 2 ;;
        --results) results="$2"; shift 2 ;;
        *) echo "usage: $0 [--quick] [--sb3-1-thread] [--no-build] [--algos \"ppo a2c\"] [--results FILE]" >&2; exit 2 ;;
    esac
done
source "$here/bench_common.sh"
start_results pg
prepare_sides $build
dojo_steps=()
sb3_steps=()
if [ ${#steps[@]} -gt 0 ]; then dojo_steps=(--steps "${steps[0]}"); sb3_steps=(--timesteps "${steps[0]}"); fi

printf '{"side": "meta", "commit": "%s", "dirty": %s, "built": %s, "cores": %s, "date": "%s"}\n' \
    "$commit" "$dirty" "$build" "$(nproc)" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$results"

# Head to head: the zoo presets, no periodic evaluation; the final policy over 100 greedy
# episodes seeded seed + 1 (sb3_pg.py itself, `dojo eval` for Dojo).
for seed in $seeds; do
    for algo in $algos; do
        record "sb3-$algo" "$seed" "$python" "$here/sb3_pg.py" --algo "$algo" --seed "$seed" "${sb3_steps[@]}"
        record "dojo-$algo" "$seed" "$dojo" train --env CartPole-v1 --agent "$algo" --preset zoo --seed "$seed" --json \
            --out "$work/$algo-$seed" "${dojo_steps[@]}"
        record "dojo-$algo-eval" "$seed" "$dojo" eval --checkpoint "$work/$algo-$seed/final.safetensors" \
            --episodes 100 --seed "$((seed + 1))" --json
        if $one_thread; then
            record "sb3-$algo-1-thread" "$seed" "$python" "$here/sb3_pg.py" --algo "$algo" --seed "$seed" --threads 1 \
                "${sb3_steps[@]}"
        fi
    done
done

# Dojo's default PPO preset as `dojo train --agent ppo --seed N` runs it, its final policy over
# 100 greedy episodes.
for seed in $default_seeds; do
    record dojo-default "$seed" "$dojo" train --env CartPole-v1 --agent ppo --seed "$seed" --json \
        --out "$work/default-$seed" "${dojo_steps[@]}"
    record dojo-default-eval "$seed" "$dojo" eval --checkpoint "$work/default-$seed/final.safetensors" \
        --episodes 100 --seed "$((seed + 1))" --json
done

echo "raw results: $results" >&2
"$python" "$here/compare_pg.py" "$results"
