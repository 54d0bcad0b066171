"""Joins `dojo bench --suite neural` with the numpy/PyTorch runs of the same
Benchmarks/run_neural.sh run, thread for thread, and prints a Markdown table with ratios, heap
allocations per call, and the goals of issue 9 (the one-engine issue).

Usage: compare_neural.py DIRECTORY
with DIRECTORY holding dojo-T-R.json and reference-T-R.json for T in 1 2 (threads) and rounds R;
each case's figure is its median over the rounds.
"""

import glob
import json
import os
import statistics
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


def merged(paths):
    """One run's JSON with each case's value (and allocations) the median over `paths`' runs."""
    runs = [load(path) for path in sorted(paths)]
    first = runs[0]
    results = []
    for result in first["results"]:
        values = [r["value"] for run in runs for r in run["results"] if r["name"] == result["name"]]
        combined = dict(result, value=statistics.median(values))
        allocations = [r["allocations_per_call"] for run in runs for r in run["results"]
                       if r["name"] == result["name"] and "allocations_per_call" in r]
        if allocations:
            combined["allocations_per_call"] = statistics.median(allocations)
        results.append(combined)
    return dict(first, results=results, rounds=len(runs))


def main():
    directory = sys.argv[1]
    pairs = [(merged(glob.glob(os.path.join(directory, f"dojo-{threads}-*.json"))),
              merged(glob.glob(os.path.join(directory, f"reference-{threads}-*.json")))) for threads in (1, 2)]
    first_dojo, first_reference = pairs[0]
    print(f"NeuralCore ({first_dojo['build']}) vs numpy {first_reference['numpy']} / PyTorch {first_reference['torch']}, "
          f"same run; each side pinned with taskset to the cores in the threads column; medians of "
          f"{first_dojo['repeats']} samples per round on each side, then the median over {first_dojo['rounds']} interleaved rounds")
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
