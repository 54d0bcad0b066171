"""Stable-Baselines3's side of Benchmarks/run_dqn.sh: its DQN on CartPole-v1 with the zoo preset.

The hyperparameters are RL Baselines3 Zoo's `hyperparams/dqn.yml` entry for CartPole-v1, the
values of `dojo train --preset zoo` (Agents/DQN/DQNConfiguration+Presets.swift); everything else
is SB3's default, as on Dojo's side (tau 1, max_grad_norm 10, exploration_initial_eps 1). Torch
runs on the CPU with its default thread count (one per core) unless `--threads N` sets it; the
count is recorded. No callback, no periodic evaluation, verbose 0.

The timing is `model.learn(total_timesteps)` alone, by time.perf_counter (wall-clock): it
includes learn's setup (the first env reset, the logger) but not the model's construction
(network and replay buffer), which is reported apart as construct_seconds. Gradient updates
are `model._n_updates` (SB3 adds `gradient_steps` after each training phase), environment steps
are `model.num_timesteps` (whole `train_freq` phases, so 50,176 for 50,000). The final model is
then evaluated greedily (evaluate_policy, deterministic) for `--episodes` episodes on a fresh
environment seeded with seed + 1, as `dojo train` evaluates its final policy.

Usage: sb3_dqn.py --seed N [--timesteps N] [--episodes N] [--threads N]
Prints one JSON object: {"library", "seed", "timesteps", "updates", "episodes", "seconds",
"construct_seconds", "steps_per_second", "updates_per_second", "mean_return", "std_return",
"eval_episodes", "torch_threads", "versions": {...}, "hyperparameters": {...}}.
"""

import argparse
import json
import time

import gymnasium as gym
import torch
from stable_baselines3 import DQN

from sb3_common import environment_fields, greedy_evaluation

ENV_ID = "CartPole-v1"
# RL Baselines3 Zoo, hyperparams/dqn.yml, CartPole-v1 (n_timesteps 5e4 is --timesteps' default).
ZOO = dict(
    learning_rate=2.3e-3,
    batch_size=64,
    buffer_size=100_000,
    learning_starts=1_000,
    gamma=0.99,
    target_update_interval=10,
    train_freq=256,
    gradient_steps=128,
    exploration_fraction=0.16,
    exploration_final_eps=0.04,
    policy_kwargs=dict(net_arch=[256, 256]),
)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--timesteps", type=int, default=50_000)
    parser.add_argument("--episodes", type=int, default=100, help="final evaluation episodes")
    parser.add_argument("--threads", type=int, default=0, help="torch.set_num_threads; 0 keeps torch's default")
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)

    start = time.perf_counter()
    model = DQN("MlpPolicy", gym.make(ENV_ID), seed=args.seed, device="cpu", verbose=0, **ZOO)
    construct_seconds = time.perf_counter() - start

    start = time.perf_counter()
    model.learn(total_timesteps=args.timesteps)
    seconds = time.perf_counter() - start

    mean_return, std_return = greedy_evaluation(model, ENV_ID, args.seed, args.episodes)

    timesteps, updates = int(model.num_timesteps), int(model._n_updates)
    print(json.dumps({
        "library": "stable-baselines3", "env": ENV_ID, "preset": "zoo", "seed": args.seed,
        "timesteps": timesteps, "updates": updates, "episodes": int(model._episode_num),
        "seconds": seconds, "construct_seconds": construct_seconds,
        "steps_per_second": timesteps / seconds, "updates_per_second": updates / seconds,
        "mean_return": float(mean_return), "std_return": float(std_return), "eval_episodes": args.episodes,
        **environment_fields(model),
        "hyperparameters": dict(ZOO, total_timesteps=args.timesteps),
    }))


if __name__ == "__main__":
    main()
