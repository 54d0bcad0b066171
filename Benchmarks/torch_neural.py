"""The reference side of `dojo bench --suite neural`: the same workloads in numpy and PyTorch.

Run by Benchmarks/run_neural.sh with one thread count per process (`--threads N`, pinned to N
cores with taskset by the script): SGEMM
through numpy (OpenBLAS), a full DQN update of a 4-H-H-2 MLP at batch 64 (target max, online Q
of taken actions, Huber loss, backward, Adam step), batch-1 forward latency, and a conv net
(3->16 k3, ReLU, 16->32 k3, ReLU, Flatten, Linear->4) forward and backward at batch 32.
Each figure is the median of `--repeats` samples (each the mean over a batch of calls) after a
warm-up, as `dojo bench --suite neural` reports.
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


def perceptron(hidden):
    return torch.nn.Sequential(
        torch.nn.Linear(4, hidden), torch.nn.ReLU(),
        torch.nn.Linear(hidden, hidden), torch.nn.ReLU(),
        torch.nn.Linear(hidden, 2),
    )


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
        online, target = perceptron(hidden), perceptron(hidden)
        optimizer = torch.optim.Adam(online.parameters(), lr=1e-4)
        actions = torch.arange(64) % 2

        def update():
            observations, next_observations = torch.randn(64, 4), torch.randn(64, 4)
            rewards = torch.randn(64)
            with torch.no_grad():
                targets = rewards + 0.99 * target(next_observations).max(dim=1).values
            q = online(observations).gather(1, actions.unsqueeze(1)).squeeze(1)
            loss = torch.nn.functional.smooth_l1_loss(q, targets)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

        results.append({"name": f"dqn-update/4-{hidden}-{hidden}-2", "value": timed(repeats, 100, update) * 1e3, "unit": "ms"})
        single = torch.randn(1, 4)
        with torch.no_grad():
            latency = timed(repeats, 5_000, lambda: online(single))
        results.append({"name": f"forward-batch-1/4-{hidden}-{hidden}-2", "value": latency * 1e3, "unit": "ms"})
    conv = torch.nn.Sequential(
        torch.nn.Conv2d(3, 16, 3), torch.nn.ReLU(), torch.nn.Conv2d(16, 32, 3), torch.nn.ReLU(),
        torch.nn.Flatten(), torch.nn.Linear(32 * 12 * 12, 4),
    )
    images = torch.randn(32, 3, 16, 16)

    def conv_step():
        conv.zero_grad()
        conv(images).square().mean().backward()

    results.append({"name": "conv-forward-backward/batch-32", "value": timed(repeats, 20, conv_step) * 1e3, "unit": "ms"})
    print(json.dumps({"torch": torch.__version__, "numpy": np.__version__, "threads": args.threads,
                      "repeats": repeats, "results": results}))


if __name__ == "__main__":
    main()
