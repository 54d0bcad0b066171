"""Stable-Baselines3's side of Benchmarks/run_pg.sh: its PPO or A2C on CartPole-v1 with the zoo preset.

The hyperparameters are RL Baselines3 Zoo's `hyperparams/ppo.yml` and `hyperparams/a2c.yml`
entries for CartPole-v1, the values of `dojo train --agent ppo|a2c --preset zoo`
(Agents/PolicyGradient/PPOConfiguration.swift, cartPoleZoo and cartPoleA2CZoo); everything else
is SB3's default, as on Dojo's side. PPO: 8 copies, 100k steps, rollouts of 32 steps per copy,
minibatches of 256, 20 epochs, gamma 0.98, lambda 0.8, entropy 0, and the learning rate and
clip range decayed linearly to 0 from 1e-3 and 0.2 (the zoo's `lin_` values: initial value x
progress_remaining). A2C: 8 copies, 500k steps, entropy 0, otherwise SB3's A2C defaults (5-step
rollouts, RMSProp, lr 7e-4). The copies are a DummyVecEnv of Monitor-wrapped environments made
by make_vec_env, seeded with seed, seed + 1, ..., as the zoo makes them. Torch runs on the CPU
with its default thread count (one per core) unless `--threads N` sets it; the count is
recorded. No callback, no periodic evaluation, verbose 0.

The timing is `model.learn(total_timesteps)` alone, by time.perf_counter (wall-clock): it
includes learn's setup (the first env reset, the logger) but not the model's construction
(network and rollout buffer), which is reported apart as construct_seconds. Environment steps
are `model.num_timesteps` (whole rollouts of n_steps x n_envs, so 100,096 for PPO's 100,000).
Gradient updates count optimizer steps, Dojo's meaning of "updates": A2C's `model._n_updates`
(one per rollout); for PPO `model._n_updates` counts epochs, so it is multiplied by the
minibatches per epoch (ceil(n_steps x n_envs / batch_size), 1 with the zoo's 256 rows and
batches of 256) and reported raw as epochs. Episodes are those the Monitor wrappers finished.
The final model is then evaluated greedily (evaluate_policy, deterministic) for `--episodes`
episodes on a fresh environment seeded with seed + 1, as `dojo train` and run_pg.sh's
`dojo eval --seed N+1` evaluate Dojo's final policy.

Usage: sb3_pg.py --algo ppo|a2c --seed N [--timesteps N] [--episodes N] [--threads N]
Prints one JSON object: {"library", "algo", "seed", "timesteps", "updates", "epochs", "episodes",
"seconds", "construct_seconds", "steps_per_second", "updates_per_second", "mean_return",
"std_return", "eval_episodes", "torch_threads", "versions": {...}, "hyperparameters": {...}}.
"""

import argparse
import json
import math
import time

import torch
from stable_baselines3 import A2C, PPO
from stable_baselines3.common.env_util import make_vec_env
from stable_baselines3.common.monitor import Monitor
from stable_baselines3.common.vec_env import DummyVecEnv

from sb3_common import environment_fields, greedy_evaluation

ENV_ID = "CartPole-v1"


def linear_schedule(initial_value):
    """The zoo's `lin_X` (rl_zoo3.utils.linear_schedule): X x progress_remaining, 1 at the start, 0 at the end."""
    def schedule(progress_remaining):
        return progress_remaining * initial_value
    return schedule


# RL Baselines3 Zoo, hyperparams/ppo.yml and a2c.yml, CartPole-v1: n_envs, n_timesteps (the
# default of --timesteps) and the constructor's keyword arguments; "lin_" values as strings for
# the record, made schedules in make_model.
ZOO = {
    "ppo": dict(n_envs=8, n_timesteps=100_000, kwargs=dict(
        n_steps=32, batch_size=256, gae_lambda=0.8, gamma=0.98, n_epochs=20, ent_coef=0.0,
        learning_rate="lin_0.001", clip_range="lin_0.2")),
    "a2c": dict(n_envs=8, n_timesteps=500_000, kwargs=dict(ent_coef=0.0)),
}


def make_model(algo, env, seed):
    kwargs = {name: linear_schedule(float(value[len("lin_"):])) if isinstance(value, str) and value.startswith("lin_") else value
              for name, value in ZOO[algo]["kwargs"].items()}
    cls = PPO if algo == "ppo" else A2C
    return cls("MlpPolicy", env, seed=seed, device="cpu", verbose=0, **kwargs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--algo", choices=sorted(ZOO), required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--timesteps", type=int, default=0, help="0 takes the zoo's n_timesteps (PPO 100k, A2C 500k)")
    parser.add_argument("--episodes", type=int, default=100, help="final evaluation episodes")
    parser.add_argument("--threads", type=int, default=0, help="torch.set_num_threads; 0 keeps torch's default")
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    zoo = ZOO[args.algo]
    total_timesteps = args.timesteps or zoo["n_timesteps"]

    start = time.perf_counter()
    env = make_vec_env(ENV_ID, n_envs=zoo["n_envs"], seed=args.seed, vec_env_cls=DummyVecEnv)
    model = make_model(args.algo, env, args.seed)
    construct_seconds = time.perf_counter() - start

    start = time.perf_counter()
    model.learn(total_timesteps=total_timesteps)
    seconds = time.perf_counter() - start

    mean_return, std_return = greedy_evaluation(model, ENV_ID, args.seed, args.episodes)

    timesteps, epochs = int(model.num_timesteps), int(model._n_updates)
    if args.algo == "ppo":
        minibatches = math.ceil(model.n_steps * model.n_envs / model.batch_size)
        updates = epochs * minibatches
    else:
        updates = epochs
    episodes = sum(len(rewards) for rewards in env.env_method("get_episode_rewards"))
    print(json.dumps({
        "library": "stable-baselines3", "algo": args.algo, "env": ENV_ID, "preset": "zoo", "seed": args.seed,
        "timesteps": timesteps, "updates": updates, "epochs": epochs, "episodes": episodes,
        "seconds": seconds, "construct_seconds": construct_seconds,
        "steps_per_second": timesteps / seconds, "updates_per_second": updates / seconds,
        "mean_return": float(mean_return), "std_return": float(std_return), "eval_episodes": args.episodes,
        **environment_fields(model),
        "hyperparameters": dict(zoo["kwargs"], n_envs=zoo["n_envs"], total_timesteps=total_timesteps),
    }))


if __name__ == "__main__":
    main()
