"""The README's results table from `dojo train --seeds` group folders (one per line on stdin)."""
import json
import statistics
import sys

print("| env | agent | preset | steps (mean) | final score, mean ± std over 5 seeds | seeds at the threshold | wall-clock per seed (mean) |")
print("|---|---|---|---|---|---|---|")
for folder in sys.stdin.read().split():
    summary = json.load(open(folder + "/summary.json"))
    seeds = summary["seeds"]
    threshold = summary["reward_threshold"]
    finals = [seed["final_mean_return"] for seed in seeds]
    solved = "-" if threshold is None else f"{sum(final >= threshold for final in finals)}/{len(seeds)} (>= {threshold:g})"
    preset = folder.rsplit("-", 1)[1]
    steps = statistics.mean(seed["timesteps"] for seed in seeds)
    seconds = statistics.mean(seed["seconds"] for seed in seeds)
    score = f"{summary['mean_final_return']:.2f} ± {summary['std_final_return']:.2f}"
    print(f"| {summary['env']} | {summary['agent']} | {preset} | {steps:,.0f} | {score} | {solved} | {seconds:.1f} s |")
