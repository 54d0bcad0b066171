"""Writes Fixtures/cartpole_trajectories.csv: whole CartPole-v1 episodes run by Gymnasium itself.

Each episode starts from an exact float64 state (Gymnasium's reset has no `state` option, so the
script sets `env.unwrapped.state` after a seeded reset) and runs under `gymnasium.make`'s
500-step TimeLimit until it terminates or is truncated. Actions come from a seeded generator:
uniformly random, or from a linear feedback controller that keeps the pole up (taking a
random action at a rate set per episode, so some fall mid-way), so long episodes reach the time limit and
expose any last-place difference in the arithmetic. Both integrators are covered.

Columns: episode, integrator, step (0 is the reset), action (-1 at the reset),
x, x_dot, theta, theta_dot (env.unwrapped.state after the step, float64, printed exactly),
obs0..obs3 (the float32 observation Gymnasium returned, printed exactly), reward,
terminated, truncated (0/1).

Run: python3 -m venv .venv && .venv/bin/pip install gymnasium==1.4.0 numpy
     .venv/bin/python Tests/EnvironmentsTests/Scripts/make_cartpole_trajectories.py
"""
import csv
import pathlib

import gymnasium as gym
import numpy as np

EPISODES = 50
OUTPUT = pathlib.Path(__file__).resolve().parent.parent / "Fixtures" / "cartpole_trajectories.csv"


def controller(state):
    x, x_dot, theta, theta_dot = state
    return 1 if theta + 0.3 * theta_dot + 0.02 * x + 0.05 * x_dot > 0 else 0


def plan(episode):
    """The action source and integrator of an episode: (kind, exploration rate, integrator)."""
    integrator = "semi-implicit euler" if episode % 4 == 3 else "euler"
    if episode < 15:
        return "random", 1.0, integrator
    return "controller", [0.0, 0.1, 0.3, 0.45, 0.6][episode % 5], integrator


def main():
    rng = np.random.default_rng(20261202)
    rows = []
    for episode in range(EPISODES):
        kind, exploration, integrator = plan(episode)
        env = gym.make("CartPole-v1")
        env.unwrapped.kinematics_integrator = integrator
        env.reset(seed=episode)
        start = np.array([rng.uniform(-0.5, 0.5), rng.uniform(-0.5, 0.5),
                          rng.uniform(-0.1, 0.1), rng.uniform(-0.5, 0.5)], dtype=np.float64)
        env.unwrapped.state = start.copy()
        observation = np.array(start, dtype=np.float32)
        rows.append([episode, integrator, 0, -1, *map(repr, map(float, start)),
                     *map(str, observation), "0.0", 0, 0])
        for step in range(1, 501):
            state = env.unwrapped.state
            if kind == "random" or rng.uniform() < exploration:
                action = int(rng.integers(2))
            else:
                action = controller(state)
            observation, reward, terminated, truncated, _ = env.step(action)
            rows.append([episode, integrator, step, action, *map(repr, map(float, env.unwrapped.state)),
                         *map(str, observation), repr(float(reward)), int(terminated), int(truncated)])
            if terminated or truncated:
                break
        env.close()
    with OUTPUT.open("w", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["episode", "integrator", "step", "action", "x", "x_dot", "theta", "theta_dot",
                         "obs0", "obs1", "obs2", "obs3", "reward", "terminated", "truncated"])
        writer.writerows(rows)
    lengths = {}
    for row in rows:
        lengths[row[0]] = row[2]
    print(f"wrote {len(rows)} rows, episode lengths {sorted(lengths.values())}")


if __name__ == "__main__":
    main()
