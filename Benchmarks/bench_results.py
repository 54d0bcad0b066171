"""Reading the JSON lines that Benchmarks/run_*.sh write: one {"side", "seed", "finished", "run"}
object per run, plus one {"side": "meta"} line."""

import json


def load(path):
    """Every record of the results file at `path`, in order."""
    records = []
    with open(path) as handle:
        for line in handle:
            if line.strip():
                records.append(json.loads(line))
    return records


def runs(records, side):
    """Side `side`'s runs by seed, in seed order."""
    return {r["seed"]: r["run"] for r in sorted(records, key=lambda r: r.get("seed", 0)) if r["side"] == side}
