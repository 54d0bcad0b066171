"""Joins `dojo bench --suite neural` with the numpy/PyTorch runs of the same
Benchmarks/run_neural.sh run, thread for thread, and prints a Markdown table with ratios, heap
allocations per call, and the goals of issue 9 (the one-engine issue).

Usage: compare_neural.py dojo-1.json reference-1.json dojo-2.json reference-2.json
(the first pair pinned to one core, the second to two).
"""

import json
import sys

# (case, threads) -> (goal, check(ours, reference)); ours and reference in the case's unit.
GOALS = {
    ("dqn-update/4-64-64-2", 1): ("10x PyTorch", lambda ours, ref: ref / ours >= 10),
    ("dqn-update/4-256-256-2", 1): ("3x PyTorch", lambda ours, ref: ref / ours >= 3),
    ("dqn-update/4-256-256-2", 2): ("4x PyTorch on 2 threads", lambda ours, ref: ref / ours >= 4),
    ("ppo-update/4-64-64", 1): ("8x PyTorch", lambda ours, ref: ref / ours >= 8),
    ("cnn-update/connect-four", 1): ("2x PyTorch, thread for thread", lambda ours, ref: ref / ours >= 2),
    ("cnn-update/connect-four", 2): ("2x PyTorch, thread for thread", lambda ours, ref: ref / ours >= 2),
    ("lstm-update/8-64-seq-32", 1): ("3x PyTorch", lambda ours, ref: ref / ours >= 3),
    ("forward-batch-1/4-64-64-2", 1): ("20x PyTorch", lambda ours, ref: ref / ours >= 20),
}


def load(path):
    with open(path) as handle:
        return json.load(handle)


def main():
    pairs = [(load(sys.argv[1]), load(sys.argv[2])), (load(sys.argv[3]), load(sys.argv[4]))]
    first_dojo, first_reference = pairs[0]
    print(f"NeuralCore ({first_dojo['build']}) vs numpy {first_reference['numpy']} / PyTorch {first_reference['torch']}, "
          f"same run; each side pinned with taskset to the cores in the threads column; medians of "
          f"{first_dojo['repeats']} (NeuralCore) and {first_reference['repeats']} (reference) samples")
    print("| case | threads | NeuralCore | numpy / PyTorch | ratio | allocations per call | goal | met |")
    print("|---|---|---|---|---|---|---|---|")
    rows = []
    for dojo, reference in pairs:
        threads = dojo["threads"]
        assert threads == reference["threads"], (threads, reference["threads"])
        references = {r["name"]: r["value"] for r in reference["results"]}
        for result in dojo["results"]:
            name, ours, unit = result["name"], result["value"], result["unit"]
            if name in references:
                rows.append((name, threads, ours, references[name], unit, result.get("allocations_per_call")))
    order = {name: index for index, (name, *_) in enumerate(rows)}
    for name, threads, ours, ref, unit, allocations in sorted(rows, key=lambda row: (order[row[0]], row[1])):
        faster = ours / ref if unit == "GFLOP/s" else ref / ours
        ratio = f"{faster:.0%} of numpy" if unit == "GFLOP/s" else f"{faster:.2f}x faster"
        goal, check = GOALS.get((name, threads), ("-", None))
        met = "-" if check is None else ("yes" if check(ours, ref) else "no")
        allocated = "-" if allocations is None else f"{allocations:g}"
        print(f"| {name} | {threads} | {ours:.4g} {unit} | {ref:.4g} {unit} | {ratio} | {allocated} | {goal} | {met} |")


if __name__ == "__main__":
    main()
