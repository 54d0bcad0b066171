"""Joins `dojo bench --suite neural` with the numpy/PyTorch runs (1 thread and all threads) of
the same Benchmarks/run_neural.sh run, prints a Markdown table with ratios and the issue's goals.

Usage: compare_neural.py dojo.json reference_1thread.json reference_allthreads.json
"""

import json
import sys

GOALS = {
    "sgemm/512/threads-1": ("at least 70% of OpenBLAS", lambda ours, ref: ours / ref >= 0.70),
    "sgemm/1024/threads-1": ("at least 70% of OpenBLAS", lambda ours, ref: ours / ref >= 0.70),
    "dqn-update/4-256-256-2": ("2.5x faster than PyTorch on one thread", lambda ours, ref: ref / ours >= 2.5),
    "dqn-update/4-64-64-2": ("10x faster than PyTorch", lambda ours, ref: ref / ours >= 10),
    "forward-batch-1/4-256-256-2": ("10x faster than PyTorch", lambda ours, ref: ref / ours >= 10),
    "forward-batch-1/4-64-64-2": ("20x faster than PyTorch", lambda ours, ref: ref / ours >= 20),
    "conv-forward-backward/batch-32": ("1.5x faster than PyTorch on one thread", lambda ours, ref: ref / ours >= 1.5),
}


def load(path):
    with open(path) as handle:
        return json.load(handle)


def main():
    dojo, one, many = load(sys.argv[1]), load(sys.argv[2]), load(sys.argv[3])
    reference = {r["name"]: r["value"] for r in one["results"]}
    reference_many = {r["name"]: r["value"] for r in many["results"]}
    reference.update({k: v for k, v in reference_many.items() if "sgemm" in k})
    print(f"NeuralCore ({dojo['build']}, {dojo['cores']} cores) vs numpy {one['numpy']} / "
          f"PyTorch {one['torch']}, same run; PyTorch column: 1 thread (all threads in brackets)")
    print("| case | NeuralCore | numpy / PyTorch | ratio | goal | met |")
    print("|---|---|---|---|---|---|")
    for result in dojo["results"]:
        name, ours, unit = result["name"], result["value"], result["unit"]
        ref = reference.get(name)
        if ref is None:
            continue
        faster = ours / ref if unit == "GFLOP/s" else ref / ours
        ratio = f"{faster:.0%} of numpy" if unit == "GFLOP/s" else f"{faster:.1f}x faster"
        ref_text = f"{ref:.4g} {unit}"
        if unit != "GFLOP/s" and name in reference_many:
            ref_text += f" ({reference_many[name]:.4g})"
        goal, check = GOALS.get(name, ("-", None))
        met = "-" if check is None else ("yes" if check(ours, ref) else "no")
        print(f"| {name} | {ours:.4g} {unit} | {ref_text} | {ratio} | {goal} | {met} |")


if __name__ == "__main__":
    main()
