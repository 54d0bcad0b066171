"""The reference side of `dojo bench --suite neural`: the same workloads in numpy and PyTorch.

Run by Benchmarks/run_neural.sh with one thread count per process (`--threads N`, pinned to N
cores with taskset by the script): SGEMM through numpy (OpenBLAS); a DQN update of a 4-H-H-2
ReLU MLP at batch 64 sampled from a 10,000-transition replay buffer (target max under
no_grad, online Q of taken actions, Huber loss, backward, global-norm clip 10, Adam); a PPO minibatch update as Stable-Baselines3's (4-64-64-2 tanh actor, 4-64-64-1
tanh critic, 256 rows of a 2,048-row rollout, clipped surrogate with normalised advantages,
squared error on clipped values, entropy bonus, global-norm clip 0.5, Adam); a CNN on ConnectFour planes ([64, 2, 6, 7], conv
3x3 32 and 64 with padding 1, linear 128, 7 logits, cross-entropy, Adam); an LSTM (input 8,
hidden 64, 32 steps, batch 16, a linear head on every step, MSE, Adam); and batch-1 forward
latency. Each figure is the median of `--repeats` samples (each the mean over a batch of calls)
after a warm-up, as `dojo bench --suite neural` reports.
Prints one JSON object: {"torch": version, "numpy": version, "threads": N, "repeats": R,
"results": [{"name", "value", "unit"}]}.
"""

import argparse
import json
import statistics
import time

import numpy as np
import torch
from threadpoolctl import threadpool_limits


def timed(repeats, runs, body):
    """The median over `repeats` samples of the mean seconds per call over `runs` calls."""
    body()

    def sample():
        start = time.perf_counter()
        for _ in range(runs):
            body()
        return (time.perf_counter() - start) / runs

    return statistics.median(sample() for _ in range(repeats))


def perceptron(sizes, activation=torch.nn.ReLU):
    layers = []
    for index in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[index], sizes[index + 1]))
        if index < len(sizes) - 2:
            layers.append(activation())
    return torch.nn.Sequential(*layers)


def dqn_update(hidden, capacity=10_000, batch=64):
    """Stable-Baselines3's DQN gradient step: a uniform batch from a replay buffer of random
    transitions, the target's max over next states, Huber loss, clipping at norm 10, Adam."""
    online, target = perceptron([4, hidden, hidden, 2]), perceptron([4, hidden, hidden, 2])
    optimizer = torch.optim.Adam(online.parameters(), lr=1e-4)
    observations, next_observations = torch.randn(capacity, 4), torch.randn(capacity, 4)
    actions, rewards = torch.arange(capacity) % 2, torch.rand(capacity)

    def update():
        rows = torch.randint(0, capacity, (batch,))
        with torch.no_grad():
            targets = rewards[rows] + 0.99 * target(next_observations[rows]).max(dim=1).values
        q = online(observations[rows]).gather(1, actions[rows].unsqueeze(1)).squeeze(1)
        loss = torch.nn.functional.smooth_l1_loss(q, targets)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(online.parameters(), 10)
        optimizer.step()

    return update


def ppo_update(batch=256, rollout=2048, clip=0.2):
    """Stable-Baselines3's PPO minibatch update: 256 rows drawn without replacement from a
    2,048-row rollout, clipped surrogate on normalised advantages, the squared error on values
    clipped around the old ones, entropy bonus 0.01, clipping at norm 0.5, Adam (eps 1e-5)."""
    actor = perceptron([4, 64, 64, 2], torch.nn.Tanh)
    critic = perceptron([4, 64, 64, 1], torch.nn.Tanh)
    parameters = list(actor.parameters()) + list(critic.parameters())
    optimizer = torch.optim.Adam(parameters, lr=2.5e-4, eps=1e-5)
    all_observations, all_actions = torch.randn(rollout, 4), torch.arange(rollout) % 2
    all_log_probs = torch.rand(rollout) * 0.1 - 0.7
    all_advantages, all_returns, all_values = torch.randn(rollout), torch.randn(rollout), torch.rand(rollout) * 2 - 1

    def update():
        rows = torch.randperm(rollout)[:batch]
        observations, actions, old_log_probs = all_observations[rows], all_actions[rows], all_log_probs[rows]
        advantages, returns, old_values = all_advantages[rows], all_returns[rows], all_values[rows]
        policy = torch.distributions.Categorical(logits=actor(observations))
        ratio = (policy.log_prob(actions) - old_log_probs).exp()
        advantages = (advantages - advantages.mean()) / (advantages.std() + 1e-8)
        policy_loss = torch.max(-advantages * ratio, -advantages * torch.clamp(ratio, 1 - clip, 1 + clip)).mean()
        values = critic(observations).view(-1)
        predicted = old_values + torch.clamp(values - old_values, -clip, clip)
        value_loss = torch.nn.functional.mse_loss(returns, predicted)
        loss = policy_loss - 0.01 * policy.entropy().mean() + 0.5 * value_loss
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(parameters, 0.5)
        optimizer.step()

    return update


def cnn_update(batch=64):
    model = torch.nn.Sequential(
        torch.nn.Conv2d(2, 32, 3, padding=1), torch.nn.ReLU(),
        torch.nn.Conv2d(32, 64, 3, padding=1), torch.nn.ReLU(), torch.nn.Flatten(),
        torch.nn.Linear(64 * 6 * 7, 128), torch.nn.ReLU(), torch.nn.Linear(128, 7),
    )
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    actions = torch.arange(batch) % 7

    def update():
        planes = torch.randn(batch, 2, 6, 7)
        loss = torch.nn.functional.cross_entropy(model(planes), actions)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    return update


def lstm_update(input_size=8, hidden=64, steps=32, batch=16):
    lstm, head = torch.nn.LSTM(input_size, hidden), torch.nn.Linear(hidden, 1)
    optimizer = torch.optim.Adam(list(lstm.parameters()) + list(head.parameters()), lr=1e-3)

    def update():
        sequence, targets = torch.randn(steps, batch, input_size), torch.randn(steps, batch, 1)
        output, _ = lstm(sequence)
        loss = torch.nn.functional.mse_loss(head(output), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    return update


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    repeats = args.repeats
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    results = []
    rng = np.random.default_rng(1)
    with threadpool_limits(limits=args.threads):
        for size in (64, 256, 512, 1024):
            a = rng.standard_normal((size, size), dtype=np.float32)
            b = rng.standard_normal((size, size), dtype=np.float32)
            seconds = timed(repeats, max(3, 100_000_000 // size**3), lambda: a @ b)
            results.append({"name": f"sgemm/{size}", "value": 2 * size**3 / seconds / 1e9, "unit": "GFLOP/s"})
    for hidden in (256, 64):
        results.append({"name": f"dqn-update/4-{hidden}-{hidden}-2", "value": timed(repeats, 100, dqn_update(hidden)) * 1e3, "unit": "ms"})
    results.append({"name": "ppo-update/4-64-64", "value": timed(repeats, 50, ppo_update()) * 1e3, "unit": "ms"})
    results.append({"name": "cnn-update/connect-four", "value": timed(repeats, 5, cnn_update()) * 1e3, "unit": "ms"})
    results.append({"name": "lstm-update/8-64-seq-32", "value": timed(repeats, 5, lstm_update()) * 1e3, "unit": "ms"})
    for hidden in (256, 64):
        model = perceptron([4, hidden, hidden, 2])
        single = torch.randn(1, 4)
        with torch.no_grad():
            latency = timed(repeats, 5_000, lambda: int(model(single).argmax()))
        results.append({"name": f"forward-batch-1/4-{hidden}-{hidden}-2", "value": latency * 1e3, "unit": "ms"})
    print(json.dumps({"torch": torch.__version__, "numpy": np.__version__, "threads": args.threads,
                      "repeats": repeats, "results": results}))


if __name__ == "__main__":
    main()
