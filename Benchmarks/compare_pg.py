"""Reads the JSON lines of one Benchmarks/run_pg.sh run and prints Markdown tables: Dojo's PPO
and A2C against Stable-Baselines3's on CartPole-v1 with the zoo presets, then Dojo's default
PPO preset (wall-clock and final score), and the issue's goals.

Usage: compare_pg.py RESULTS.jsonl
Each line is {"side", "seed", "finished", "run"}: "run" is what `dojo train --json`, `dojo eval
--json` or sb3_pg.py printed; sides are sb3-ppo, dojo-ppo, dojo-ppo-eval, sb3-a2c, dojo-a2c,
dojo-a2c-eval (and sb3-ppo-1-thread, sb3-a2c-1-thread with --sb3-1-thread), dojo-default and
dojo-default-eval, plus one {"side": "meta"} line. Dojo's final score is its `dojo eval` side
(100 greedy episodes seeded seed + 1, as sb3_pg.py scores SB3's); where that side is missing,
the final_evaluation (n_eval_episodes episodes) of `dojo train --json`, marked. Every figure in the head-to-head
is the median over the seeds of that side's per-seed figure (rates are each seed's timesteps or
updates over its own seconds).
"""

import json
import math
import statistics
import sys

from bench_results import load, runs

THRESHOLD = 475  # CartPole-v1's reward threshold
SPEEDUP_GOAL = 15  # PPO zoo preset: SB3's wall-clock over Dojo's, at least
SOLVE_SECONDS_GOAL = 1.0  # default PPO preset: solved within this wall-clock
ALGORITHMS = {"ppo": "PPO", "a2c": "A2C"}
ZOO_DESCRIPTION = {
    "ppo": "RL Baselines3 Zoo ppo.yml: 8 copies, rollouts of 32, minibatches of 256, 20 epochs, gamma 0.98, "
           "lambda 0.8, lr and clip range linear from 1e-3 and 0.2",
    "a2c": "RL Baselines3 Zoo a2c.yml: 8 copies, 5-step rollouts, RMSProp lr 7e-4, entropy 0",
}


def sb3_row(run):
    """(seconds, timesteps, updates, episodes, mean return, std return, evaluation episodes) of an SB3 run."""
    return (run["seconds"], run["timesteps"], run["updates"], run["episodes"], run["mean_return"], run["std_return"],
            run["eval_episodes"])


def dojo_row(run, evaluation):
    """The same for a Dojo run: `dojo train --json`'s object and its `dojo eval --json` (or None)."""
    if evaluation is None:
        evaluation = run["final_evaluation"]
    return (run["seconds"], run["timesteps"], run["updates"], run["episodes"], evaluation["mean_return"],
            evaluation["std_return"], evaluation["episodes"])


def meta_text(meta):
    text = f"commit {meta.get('commit', '?')}{' + uncommitted changes' if meta.get('dirty') else ''}"
    if meta.get("built") is False:
        text += ", binary not rebuilt by the run"
    return f"{text}, {meta.get('cores', '?')} cores"


def head_to_head(records, meta, algo):
    """Prints the tables of one algorithm; returns {"dojo": ..., "sb3": ..., "sb3-1-thread": ...} of per-seed rows."""
    name = ALGORITHMS[algo]
    dojo_runs, dojo_evals = runs(records, f"dojo-{algo}"), runs(records, f"dojo-{algo}-eval")
    sides = []
    if dojo_runs:
        sides.append(("Dojo", "dojo", {seed: dojo_row(run, dojo_evals.get(seed)) for seed, run in dojo_runs.items()}, None))
    for side, label in ((f"sb3-{algo}", "SB3, torch default threads"), (f"sb3-{algo}-1-thread", "SB3, torch 1 thread")):
        by_seed = runs(records, side)
        if by_seed:
            threads = "/".join(str(t) for t in sorted({run["torch_threads"] for run in by_seed.values()}))
            sides.append((label, side.replace(f"-{algo}", ""), {seed: sb3_row(run) for seed, run in by_seed.items()}, threads))
    rows = {key: by_seed for _, key, by_seed, _ in sides}
    print(f"### {name}")
    print()
    if "dojo" not in rows or ("sb3" not in rows and "sb3-1-thread" not in rows):
        print(f"(no {name} head-to-head runs)")
        print()
        return rows
    sb3_runs = runs(records, f"sb3-{algo}") or runs(records, f"sb3-{algo}-1-thread")
    versions = next(iter(sb3_runs.values()))["versions"]
    timesteps = sorted({row[1] for _, _, by_seed, _ in sides for row in by_seed.values()})
    updates = sorted({row[2] for _, _, by_seed, _ in sides for row in by_seed.values()})
    episodes = sorted({row[6] for _, _, by_seed, _ in sides for row in by_seed.values()})
    print(f"Dojo {name} ({meta_text(meta)}) vs Stable-Baselines3 {versions['stable_baselines3']} {name} (torch "
          f"{versions['torch']} on the CPU, gymnasium {versions['gymnasium']}) on CartPole-v1, zoo preset "
          f"({ZOO_DESCRIPTION[algo]}), same run, seeds interleaved; {'/'.join(f'{t:,}' for t in timesteps)} env steps "
          f"and {'/'.join(f'{u:,}' for u in updates)} gradient updates per run; wall-clock of training only (no periodic "
          f"evaluation); final score = greedy mean return over {'/'.join(str(e) for e in episodes)} episodes; medians "
          f"over seeds {', '.join(str(s) for s in rows['dojo'])}")
    if len(timesteps) > 1 or len(updates) > 1:
        print("**warning: the sides did not take the same number of steps or updates**")
    if len(episodes) > 1:
        print("**warning: the final scores are not all over the same number of episodes (a missing dojo eval side?)**")
    print()
    print("| side | torch threads | wall-clock s | env steps/s | updates/s | final score | per seed (mean ± std) | SB3 / Dojo wall-clock |")
    print("|---|---|---|---|---|---|---|---|")
    dojo_seconds = statistics.median(row[0] for row in rows["dojo"].values())
    for label, key, by_seed, threads in sides:
        seconds = statistics.median(row[0] for row in by_seed.values())
        steps_rate = statistics.median(row[1] / row[0] for row in by_seed.values())
        updates_rate = statistics.median(row[2] / row[0] for row in by_seed.values())
        score = statistics.median(row[4] for row in by_seed.values())
        per_seed = ", ".join(f"{seed}: {row[4]:.1f} ± {row[5]:.1f}" for seed, row in by_seed.items())
        ratio = "1 (reference)" if key == "dojo" else f"{seconds / dojo_seconds:.2f}x"
        print(f"| {label} | {threads or '-'} | {seconds:.2f} | {steps_rate:,.0f} | {updates_rate:,.0f} | {score:.1f} | "
              f"{per_seed} | {ratio} |")
    print()
    print("| side | seed | wall-clock s | env steps | updates | episodes | env steps/s | updates/s | final score |")
    print("|---|---|---|---|---|---|---|---|---|")
    for label, _, by_seed, _ in sides:
        for seed, (seconds, steps, updates_done, episodes_done, mean, std, _) in by_seed.items():
            print(f"| {label} | {seed} | {seconds:.2f} | {steps:,} | {updates_done:,} | {episodes_done:,} | "
                  f"{steps / seconds:,.0f} | {updates_done / seconds:,.0f} | {mean:.1f} ± {std:.1f} |")
    print()
    return rows


def default_preset(records, meta):
    """Prints the default PPO preset's table; returns the per-seed times to solve (inf where not solved)."""
    trains, evals = runs(records, "dojo-default"), runs(records, "dojo-default-eval")
    if not trains:
        return []
    steps = sorted({run["timesteps"] for run in trains.values()})
    print("### Dojo PPO, default preset")
    print()
    print(f"`dojo train --env CartPole-v1 --agent ppo --seed N` as it comes ({meta_text(meta)}), seeds "
          f"{', '.join(str(s) for s in trains)}; {'/'.join(f'{s:,}' for s in steps)} env steps; wall-clock is `dojo train`'s "
          f"seconds (training, network construction, files and final checkpoint; not its closing evaluation); the final "
          f"policy is scored by `dojo train` over its n_eval_episodes greedy episodes and by `dojo eval` over 100 (seeded seed + 1). "
          f"Solved: a 100-episode mean of at least {THRESHOLD}.")
    print()
    print("| seed | wall-clock s | env steps | updates | stopped early | final score, dojo train | final score, 100 episodes | solved | under 1 s |")
    print("|---|---|---|---|---|---|---|---|---|")
    times = []
    for seed, run in trains.items():
        evaluation = evals.get(seed)
        short = run["final_evaluation"]
        score = evaluation["mean_return"] if evaluation is not None else short["mean_return"]
        solved = score >= THRESHOLD
        times.append(run["seconds"] if solved else math.inf)
        long_text = "-" if evaluation is None else f"{evaluation['mean_return']:.1f} ± {evaluation['std_return']:.1f}"
        solved_text = "yes" if solved else "no"
        if evaluation is None:
            solved_text += " (dojo train's evaluation)"
        print(f"| {seed} | {run['seconds']:.2f} | {run['timesteps']:,} | {run['updates']:,} | "
              f"{'yes' if run.get('stopped_early') else 'no'} | {short['mean_return']:.1f} ± {short['std_return']:.1f} | "
              f"{long_text} | {solved_text} | {'yes' if solved and run['seconds'] < SOLVE_SECONDS_GOAL else 'no'} |")
    print()
    return times


def goals(ppo, times):
    print("### Goals")
    print()
    print("| goal | measured | met |")
    print("|---|---|---|")
    if "dojo" in ppo and ("sb3" in ppo or "sb3-1-thread" in ppo):
        dojo = ppo["dojo"]
        dojo_seconds = statistics.median(row[0] for row in dojo.values())
        dojo_score = statistics.median(row[4] for row in dojo.values())
        dojo_solved = sum(1 for row in dojo.values() if row[4] >= THRESHOLD)
        reference_key = "sb3" if "sb3" in ppo else "sb3-1-thread"
        reference = ppo[reference_key]
        ratio = statistics.median(row[0] for row in reference.values()) / dojo_seconds
        speed_text = f"{ratio:.1f}x ({'torch default threads' if reference_key == 'sb3' else 'torch 1 thread'})"
        if reference_key == "sb3" and "sb3-1-thread" in ppo:
            one = statistics.median(row[0] for row in ppo["sb3-1-thread"].values()) / dojo_seconds
            speed_text += f"; {one:.1f}x against torch on 1 thread"
        print(f"| PPO zoo preset at least {SPEEDUP_GOAL}x faster than SB3's wall-clock (median over seeds) | {speed_text} | "
              f"{'yes' if ratio >= SPEEDUP_GOAL else 'no'} |")
        sb3_score = statistics.median(row[4] for row in reference.values())
        sb3_solved = sum(1 for row in reference.values() if row[4] >= THRESHOLD)
        print(f"| ... with an equal or better final score | median {dojo_score:.1f} against {sb3_score:.1f}; "
              f"{dojo_solved} of {len(dojo)} seeds at >= {THRESHOLD} against {sb3_solved} of {len(reference)} | "
              f"{'yes' if dojo_score >= sb3_score else 'no'} |")
    if times:
        median = statistics.median(times)
        solved = sum(1 for t in times if t < math.inf)
        under = sum(1 for t in times if t < SOLVE_SECONDS_GOAL)
        median_text = "not solved" if median == math.inf else f"{median:.2f} s"
        print(f"| default PPO preset solves CartPole-v1 (final mean >= {THRESHOLD} over 100 episodes) in under "
              f"{SOLVE_SECONDS_GOAL:g} s of wall-clock | solved on {solved} of {len(times)} seeds, within {SOLVE_SECONDS_GOAL:g} s "
              f"on {under}; median time to solve {median_text} | {'yes by the median' if median < SOLVE_SECONDS_GOAL else 'no'} |")


def main():
    records = load(sys.argv[1])
    meta = next((r for r in records if r["side"] == "meta"), {})
    results = {algo: head_to_head(records, meta, algo) for algo in ALGORITHMS}
    times = default_preset(records, meta)
    goals(results["ppo"], times)


if __name__ == "__main__":
    main()
