"""The table of dqn_zoo_scores.sh: each seed's final score on both sides, and how many seeds
each side solves (a greedy mean return of at least 475 over 100 episodes).

    .venv/bin/python Benchmarks/compare_dqn_scores.py RESULTS.jsonl
"""
import json
import statistics
import sys

SOLVED = 475


def main(path):
    scores = {"dojo": {}, "sb3-1-thread": {}}
    for line in open(path):
        record = json.loads(line)
        if record["side"] == "meta":
            print(f"commit {record['commit']}{' (dirty)' if record['dirty'] else ''}, {record['date']}")
        elif record["side"] == "dojo":
            scores["dojo"][record["seed"]] = record["run"]["final_evaluation"]["mean_return"]
        else:
            scores[record["side"]][record["seed"]] = record["run"]["mean_return"]
    seeds = sorted(scores["dojo"].keys() & scores["sb3-1-thread"].keys())
    print("| seed | Dojo | SB3 |")
    print("|---|---|---|")
    for seed in seeds:
        print(f"| {seed} | {scores['dojo'][seed]:.1f} | {scores['sb3-1-thread'][seed]:.1f} |")
    for side, name in (("dojo", "Dojo"), ("sb3-1-thread", "SB3")):
        values = [scores[side][seed] for seed in seeds]
        solved = sum(value >= SOLVED for value in values)
        print(f"- {name}: solved {solved} of {len(values)}; median {statistics.median(values):.1f}; mean {statistics.mean(values):.1f}")


if __name__ == "__main__":
    main(sys.argv[1])
