#!/usr/bin/env bash
# Side-by-side NeuralCore benchmarks in one run: `dojo bench --suite neural` (release) against
# numpy (OpenBLAS) and PyTorch on one thread and on every core.
#
#   bash Benchmarks/run_neural.sh
#
# Installs numpy, threadpoolctl and torch into Benchmarks/.venv on first use (torch from PyPI is
# a large download). OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE are unset for the numpy runs only, so
# current OpenBLAS picks its own kernel for this CPU.
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
cores=$(nproc)
"$root/.build/release/dojo" bench --suite neural --json > "$work/dojo.json"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$here/.venv/bin/python" "$here/torch_neural.py" --threads 1 > "$work/one.json"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$here/.venv/bin/python" "$here/torch_neural.py" --threads "$cores" > "$work/many.json"
"$here/.venv/bin/python" "$here/compare_neural.py" "$work/dojo.json" "$work/one.json" "$work/many.json"
