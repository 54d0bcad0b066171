#!/usr/bin/env bash
# The README's results table: each preset trained over seeds 1-5 with `dojo train --seeds`
# (two seeds at a time on this 2-core machine, one thread each), summarised from the groups'
# summary.json files. Usage: bash Benchmarks/run_results.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
[[ "${1:-}" == "--no-build" ]] || swift build -c release --product dojo
out=$(mktemp -d /tmp/dojo-results-XXXXXX)
runs=(
  "CartPole-v1 dqn default"
  "CartPole-v1 dqn zoo"
  "CartPole-v1 ppo default"
  "CartPole-v1 ppo zoo"
  "CartPole-v1 a2c zoo"
  "CartPole-v1 reinforce default --steps 300000"
  "FrozenLake-v1 dqn default"
  "MemoryCorridor-v0 ppo default"
)
for run in "${runs[@]}"; do
  read -r env agent preset extra <<<"$run"
  folder="$out/$env-$agent-$preset"
  # shellcheck disable=SC2086
  .build/release/dojo train --env "$env" --agent "$agent" --preset "$preset" --seeds 1-5 --threads 2 --quiet --out "$folder" $extra >/dev/null
  echo "$folder"
done | python3 Benchmarks/results_table.py
echo "groups in $out" >&2
