"""What both SB3 benchmark scripts share. The final evaluation: SB3's evaluate_policy, greedy, on a
fresh Monitor-wrapped environment seeded seed + 1, as Dojo's side is scored."""

import gymnasium as gym
from stable_baselines3.common.evaluation import evaluate_policy
from stable_baselines3.common.monitor import Monitor
from stable_baselines3.common.vec_env import DummyVecEnv


def greedy_evaluation(model, env_id, seed, episodes):
    """(mean return, std return) of `model`'s deterministic policy over `episodes` episodes."""
    evaluation_env = DummyVecEnv([lambda: Monitor(gym.make(env_id))])
    evaluation_env.seed(seed + 1)
    mean_return, std_return = evaluate_policy(model, evaluation_env, n_eval_episodes=episodes, deterministic=True)
    return float(mean_return), float(std_return)


def environment_fields(model):
    """What ran the model: torch's thread count, the device and the library versions."""
    import platform

    import numpy as np
    import stable_baselines3
    import torch

    return {
        "torch_threads": torch.get_num_threads(), "device": str(model.device),
        "versions": {"stable_baselines3": stable_baselines3.__version__, "torch": torch.__version__,
                     "gymnasium": gym.__version__, "numpy": np.__version__, "python": platform.python_version()},
    }
