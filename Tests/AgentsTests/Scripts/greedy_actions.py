"""Rebuild a Dojo agent's policy from its checkpoint with numpy alone and print its greedy actions.

Usage: greedy_actions.py CHECKPOINT OBSERVATIONS
  CHECKPOINT    a safetensors file written by Dojo: DQN (the Q-network under q_net.*) or PPO (the
                actor under policy.*, the critic under value.*), architecture in __metadata__
  OBSERVATIONS  raw little-endian float32, one flattened observation after another

Prints a JSON object: {"env_id": ..., "agent": ..., "actions": [...]} with one greedy action per
observation (the largest Q-value or logit, ties to the lowest index, as numpy's argmax). Only the
file is read: the network is built from the "architecture" metadata entry (PyTorch module
names), the weights from the tensors.
"""
import json
import sys

import numpy as np
from safetensors import safe_open
from safetensors.numpy import load_file


def forward(description, tensors, prefix, x):
    kind = description["type"]
    if kind == "Sequential":
        for index, layer in enumerate(description["layers"]):
            x = forward(layer, tensors, f"{prefix}{index}.", x)
        return x
    if kind == "Linear":
        x = x @ tensors[prefix + "weight"].T
        return x + tensors[prefix + "bias"] if description["bias"] else x
    if kind == "ReLU":
        return np.maximum(x, 0)
    if kind == "Tanh":
        return np.tanh(x)
    raise ValueError(f"unexpected layer {kind}")


def scores(agent, architecture, tensors, x):
    """Q-values (DQN) or action logits (PPO's actor), one row per observation."""
    if agent in ("ppo", "a2c", "reinforce"):
        modules = {entry["name"]: entry["module"] for entry in architecture["modules"]}
        return forward(modules["policy"], tensors, "policy.", x)
    if architecture["type"] == "ModuleDict":
        modules = {entry["name"]: entry["module"] for entry in architecture["modules"]}
        features = forward(modules["features"], tensors, "q_net.features.", x)
        value = forward(modules["value"], tensors, "q_net.value.", features)
        advantage = forward(modules["advantage"], tensors, "q_net.advantage.", features)
        return value + advantage - advantage.mean(axis=1, keepdims=True)
    return forward(architecture, tensors, "q_net.", x)


def main():
    checkpoint, observations_path = sys.argv[1], sys.argv[2]
    with safe_open(checkpoint, framework="np") as handle:
        metadata = handle.metadata()
    tensors = load_file(checkpoint)
    architecture = json.loads(metadata["architecture"])
    size = json.loads(metadata["observation_space"]).get("shape", [None])[0]
    observations = np.fromfile(observations_path, dtype="<f4").reshape(-1, size)
    actions = scores(metadata["agent"], architecture, tensors, observations.astype(np.float32)).argmax(axis=1)
    print(json.dumps({"env_id": metadata["env_id"], "agent": metadata["agent"], "actions": actions.tolist()}))


if __name__ == "__main__":
    main()
