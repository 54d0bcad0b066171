"""Reads the JSON lines of one Benchmarks/run_dqn.sh run and prints Markdown tables: Dojo's DQN
against Stable-Baselines3's on CartPole-v1 with the zoo preset, then Dojo's default preset
(time to solve, and the final score of a plain run) with the issue's goals.

Usage: compare_dqn.py RESULTS.jsonl
Each line is {"side", "seed", "finished", "run"}: "run" is what `dojo train --json`, `dojo eval --json` or
sb3_dqn.py printed; sides are sb3, sb3-1-thread, dojo (the zoo preset), dojo-default-solve,
dojo-default-solve-eval and dojo-default, plus one {"side": "meta"} line. Every figure in the
head-to-head is the median over the seeds of that side's per-seed figure (rates are each seed's
timesteps or updates over its own seconds).
"""

import json
import math
import statistics
import sys

from bench_results import load, runs

THRESHOLD = 475  # CartPole-v1's reward threshold


def zoo_row(run):
    """(seconds, timesteps, updates, mean return, std return) of a zoo run on either side."""
    if "final_evaluation" in run:
        evaluation = run["final_evaluation"]
        return run["seconds"], run["timesteps"], run["updates"], evaluation["mean_return"], evaluation["std_return"]
    return run["seconds"], run["timesteps"], run["updates"], run["mean_return"], run["std_return"]


def head_to_head(records, meta):
    dojo = runs(records, "dojo")
    sides = [("Dojo", None, dojo)]
    for side, label in (("sb3", "SB3, torch default threads"), ("sb3-1-thread", "SB3, torch 1 thread")):
        if runs(records, side):
            sides.append((label, side, runs(records, side)))
    sb3 = runs(records, "sb3") or runs(records, "sb3-1-thread")
    if not dojo or not sb3:
        print("(no head-to-head runs)")
        return
    reference = next(iter(sb3.values()))
    versions = reference["versions"]
    timesteps = sorted({run["timesteps"] for _, _, side in sides for run in side.values()})
    updates = sorted({run["updates"] for _, _, side in sides for run in side.values()})
    episodes = sorted({run["final_evaluation"]["episodes"] for run in dojo.values()} | {run["eval_episodes"] for run in sb3.values()})
    build = f"commit {meta.get('commit', '?')}{' + uncommitted changes' if meta.get('dirty') else ''}, {meta.get('cores', '?')} cores"
    print(f"Dojo DQN ({build}) vs Stable-Baselines3 {versions['stable_baselines3']} DQN (torch {versions['torch']} on the CPU, "
          f"gymnasium {versions['gymnasium']}) on CartPole-v1, zoo preset (RL Baselines3 Zoo dqn.yml), same run, seeds "
          f"interleaved; {'/'.join(f'{t:,}' for t in timesteps)} env steps and {'/'.join(f'{u:,}' for u in updates)} "
          f"gradient updates per run; wall-clock of training only (no periodic evaluation); final score = greedy mean return "
          f"over {'/'.join(str(e) for e in episodes)} episodes; medians over seeds {', '.join(str(s) for s in dojo)}")
    if len(timesteps) > 1 or len(updates) > 1:
        print("**warning: the sides did not take the same number of steps or updates**")
    print()
    print("| side | torch threads | wall-clock s | env steps/s | updates/s | final score | per seed (mean ± std) | SB3 / Dojo wall-clock |")
    print("|---|---|---|---|---|---|---|---|")
    dojo_seconds = statistics.median(zoo_row(run)[0] for run in dojo.values())
    for label, side, by_seed in sides:
        rows = {seed: zoo_row(run) for seed, run in by_seed.items()}
        seconds = statistics.median(row[0] for row in rows.values())
        steps_rate = statistics.median(row[1] / row[0] for row in rows.values())
        updates_rate = statistics.median(row[2] / row[0] for row in rows.values())
        score = statistics.median(row[3] for row in rows.values())
        per_seed = ", ".join(f"{seed}: {row[3]:.1f} ± {row[4]:.1f}" for seed, row in rows.items())
        threads = "-" if side is None else "/".join(str(t) for t in sorted({run["torch_threads"] for run in by_seed.values()}))
        ratio = "1 (reference)" if side is None else f"{seconds / dojo_seconds:.2f}x"
        print(f"| {label} | {threads} | {seconds:.2f} | {steps_rate:,.0f} | {updates_rate:,.0f} | {score:.1f} | {per_seed} | {ratio} |")
    print()
    print("| side | seed | wall-clock s | env steps | updates | episodes | env steps/s | updates/s | final score |")
    print("|---|---|---|---|---|---|---|---|---|")
    for label, _, by_seed in sides:
        for seed, run in by_seed.items():
            seconds, steps, updates_done, mean, std = zoo_row(run)
            print(f"| {label} | {seed} | {seconds:.2f} | {steps:,} | {updates_done:,} | {run['episodes']:,} | "
                  f"{steps / seconds:,.0f} | {updates_done / seconds:,.0f} | {mean:.1f} ± {std:.1f} |")


def default_preset(records, meta):
    solves, checks, plains = runs(records, "dojo-default-solve"), runs(records, "dojo-default-solve-eval"), runs(records, "dojo-default")
    if not solves and not plains:
        return
    seeds = sorted(set(solves) | set(plains))
    steps = sorted({run["timesteps"] for run in plains.values()})
    print()
    print(f"Dojo DQN, default preset (Double DQN, 3-step returns, [64, 64]) on CartPole-v1, seeds "
          f"{', '.join(str(s) for s in seeds)}. Time to solve: `dojo train --seed N` as the preset runs it, stopping at "
          f"the first periodic evaluation (every 2,500 steps, 20 greedy episodes) with mean return >= {THRESHOLD}; "
          f"seconds are training wall-clock including those evaluations; the stopped policy is then scored over 100 "
          f"episodes. Final score: the full {'/'.join(f'{s:,}' for s in steps)} steps without the early stop, "
          f"its final greedy policy over 100 episodes.")
    print()
    print("| seed | time to solve s | solved at step | stopped policy, 100 episodes | full run s | final score | final >= 475 |")
    print("|---|---|---|---|---|---|---|")
    times, finals = [], []
    for seed in seeds:
        solve, check, plain = solves.get(seed), checks.get(seed), plains.get(seed)
        if solve is None:
            solve_text = at_text = "-"
        elif solve["stopped_early"]:
            times.append(solve["seconds"])
            solve_text, at_text = f"{solve['seconds']:.2f}", f"{solve['timesteps']:,}"
        else:
            times.append(math.inf)
            solve_text, at_text = f"not solved ({solve['seconds']:.2f} s)", f"- ({solve['timesteps']:,} trained)"
        check_text = "-" if check is None else f"{check['mean_return']:.1f} ± {check['std_return']:.1f}"
        if plain is None:
            plain_text = final_text = met_text = "-"
        else:
            evaluation = plain["final_evaluation"]
            finals.append(evaluation["mean_return"])
            plain_text = f"{plain['seconds']:.2f}"
            final_text = f"{evaluation['mean_return']:.1f} ± {evaluation['std_return']:.1f}"
            met_text = "yes" if evaluation["mean_return"] >= THRESHOLD else "no"
        print(f"| {seed} | {solve_text} | {at_text} | {check_text} | {plain_text} | {final_text} | {met_text} |")
    print()
    if times:
        median = statistics.median(times)
        solved = sum(1 for t in times if t < math.inf)
        under = sum(1 for t in times if t < 2)
        median_text = "not solved" if median == math.inf else f"{median:.2f} s"
        print(f"- Time to solve: solved on {solved} of {len(times)} seeds, under 2 s on {under}; median {median_text} "
              f"(goal: solved in under 2 s of wall-clock: {'met' if median < 2 else 'not met'} by the median)")
    if finals:
        print(f"- Final score: {sum(1 for f in finals if f >= THRESHOLD)} of {len(finals)} seeds at >= {THRESHOLD}; "
              f"median {statistics.median(finals):.1f}")


def main():
    records = load(sys.argv[1])
    meta = next((r for r in records if r["side"] == "meta"), {})
    head_to_head(records, meta)
    default_preset(records, meta)


if __name__ == "__main__":
    main()
