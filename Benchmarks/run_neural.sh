#!/usr/bin/env bash
# Side-by-side NeuralCore benchmarks in one run, thread for thread: `dojo bench --suite neural`
# (release) against numpy (OpenBLAS) and PyTorch, each pinned with taskset to one core and then
# to two, every figure the median of 5 samples on both sides, in three interleaved rounds. The test suite's allocation counter
# (Tests/Support/AllocationCounter) is compiled as a shared library and preloaded into `dojo`
# only, so it reports heap allocations per call in steady state.
#
#   bash Benchmarks/run_neural.sh
#
# Installs numpy, threadpoolctl and torch into Benchmarks/.venv on first use (torch from PyPI is
# a large download). NeuralCore splits work over the cores its affinity allows, so taskset alone
# sets its threads; numpy and PyTorch get the same count through threadpoolctl and
# torch.set_num_threads. OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE are unset for the numpy runs only,
# so current OpenBLAS picks its own kernel for this CPU.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -x "$here/.venv/bin/python" ]; then
    python3 -m venv "$here/.venv"
fi
"$here/.venv/bin/pip" install --quiet -r "$here/requirements.txt" -r "$here/requirements-neural.txt"

(cd "$root" && swift build -c release --product dojo >&2)
cc -O2 -shared -fPIC -o "$work/allocation_counter.so" "$root/Tests/Support/AllocationCounter/AllocationCounter.c" \
    -I"$root/Tests/Support/AllocationCounter/include"
# Three rounds, each side in turn, so a machine whose speed drifts (shared cloud cores) shifts
# both sides alike; compare_neural.py takes each case's median over the rounds.
for threads in 1 2; do
    cores="0-$((threads - 1))"
    for round in 1 2 3; do
        LD_PRELOAD="$work/allocation_counter.so" taskset -c "$cores" "$root/.build/release/dojo" bench --suite neural --json --repeats 5 > "$work/dojo-$threads-$round.json"
        taskset -c "$cores" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
            "$here/.venv/bin/python" "$here/torch_neural.py" --threads "$threads" --repeats 5 > "$work/reference-$threads-$round.json"
    done
done
"$here/.venv/bin/python" "$here/compare_neural.py" "$work"
