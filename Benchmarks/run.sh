#!/usr/bin/env bash
# Side-by-side environment benchmarks in one run: Dojo (release) vs Gymnasium vs a plain C loop.
#
#   bash Benchmarks/run.sh [--steps N]
#
# Creates Benchmarks/.venv with gymnasium from PyPI on first use, builds `dojo` with -c release,
# compiles cartpole_loop.c with -O2, runs all three and prints Markdown tables of ratios, every
# figure the median of 5 timed runs. Gymnasium and the C loop are single-threaded and pinned to
# core 0 with taskset; Dojo may use cores 0 and 1 (its threaded vector cases use both; the
# others run on one thread).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
steps=20000000
if [ "${1:-}" = "--steps" ]; then steps="$2"; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -x "$here/.venv/bin/python" ]; then
    python3 -m venv "$here/.venv"
    "$here/.venv/bin/pip" install --quiet --upgrade pip
fi
"$here/.venv/bin/pip" install --quiet -r "$here/requirements.txt"

(cd "$root" && swift build -c release --product dojo >&2)
cc -O2 -o "$work/cartpole_loop" "$here/cartpole_loop.c" -lm

taskset -c 0-1 "$root/.build/release/dojo" bench --json --steps "$steps" --repeats 5 > "$work/dojo.json"
taskset -c 0 "$here/.venv/bin/python" "$here/gymnasium_steps.py" --envs CartPole-v1,FrozenLake8x8-v1 --repeats 5 > "$work/gymnasium.json"
taskset -c 0 "$work/cartpole_loop" "$((steps * 2))" 5 > "$work/c_loop.json"
"$here/.venv/bin/python" "$here/compare.py" "$work/dojo.json" "$work/gymnasium.json" "$work/c_loop.json"
