"""Gymnasium's side of Benchmarks/run.sh: environment steps per second with random actions.

Same cases as `dojo bench`: a `gymnasium.make` env (with the wrappers make adds) and Gymnasium's
SyncVectorEnv of N copies. Actions are drawn up front with numpy so the timing is the env's.
Each figure is the median of `--repeats` timed runs after one warm-up run, as `dojo bench` reports.
Prints one JSON object: {"gymnasium": version, "results": [{"name", "env", "copies", "steps",
"seconds", "steps_per_second"}]}.
"""

import argparse
import json
import statistics
import time

import gymnasium as gym
import numpy as np


def median_seconds(repeats, run):
    """The median duration of `repeats` runs after one warm-up run."""
    run()
    return statistics.median(run() for _ in range(repeats))


def single(env_id, steps, repeats):
    env = gym.make(env_id)
    actions = np.random.default_rng(1).integers(0, env.action_space.n, size=steps)

    def run():
        env.reset(seed=0)
        start = time.perf_counter()
        for action in actions:
            _, _, terminated, truncated, _ = env.step(int(action))
            if terminated or truncated:
                env.reset()
        return time.perf_counter() - start

    return median_seconds(repeats, run)


def vector(env_id, copies, steps, repeats):
    envs = gym.vector.SyncVectorEnv([lambda: gym.make(env_id) for _ in range(copies)])
    rounds = steps // copies
    actions = np.random.default_rng(1).integers(0, envs.single_action_space.n, size=(rounds, copies))

    def run():
        envs.reset(seed=0)
        start = time.perf_counter()
        for row in actions:
            envs.step(row)
        return time.perf_counter() - start

    return median_seconds(repeats, run), rounds * copies


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--envs", default="CartPole-v1")
    args = parser.parse_args()
    results = []
    for env_id in args.envs.split(","):
        family = env_id.split("-")[0].lower()
        seconds = single(env_id, args.steps, args.repeats)
        results.append({"name": f"{family}/make", "env": env_id, "copies": 1, "steps": args.steps,
                        "seconds": seconds, "steps_per_second": args.steps / seconds})
        for copies in (8, 64, 256) if family == "cartpole" else (8, 64):
            seconds, steps = vector(env_id, copies, args.steps, args.repeats)
            results.append({"name": f"{family}/sync-vector/{copies}", "env": env_id, "copies": copies,
                            "steps": steps, "seconds": seconds, "steps_per_second": steps / seconds})
    print(json.dumps({"gymnasium": gym.__version__, "repeats": args.repeats, "results": results}))


if __name__ == "__main__":
    main()
