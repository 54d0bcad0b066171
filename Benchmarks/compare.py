"""Joins the Swift, Gymnasium and C results of one Benchmarks/run.sh run and prints ratios.

Usage: compare.py dojo.json gymnasium.json c_loop.json
Each Dojo case is compared with the Gymnasium case of the same env and copy count (the
`make` env for single-env cases) and with the C loop for CartPole single-env cases.
"""

import json
import sys


def load(path):
    with open(path) as handle:
        return json.load(handle)


def main():
    dojo, gymnasium, c_loop = load(sys.argv[1]), load(sys.argv[2]), load(sys.argv[3])
    reference = {(r["env"], r["copies"]): r for r in gymnasium["results"]}
    c_rate = c_loop["steps_per_second"]
    print(f"Dojo ({dojo['build']}, {dojo['cores']} cores) vs Gymnasium {gymnasium['gymnasium']} "
          f"vs plain C loop, same run")
    print(f"| case | threads | Dojo steps/s | Gymnasium steps/s | Dojo / Gymnasium | C loop / Dojo |")
    print(f"|---|---|---|---|---|---|")
    for result in dojo["results"]:
        rate = result["steps_per_second"]
        ref = reference.get((result["env"], result["copies"]))
        ratio = f"{rate / ref['steps_per_second']:.0f}x" if ref else "-"
        ref_rate = f"{ref['steps_per_second']:,.0f} ({ref['name']})" if ref else "-"
        versus_c = f"{c_rate / rate:.2f}" if result["copies"] == 1 and result["env"].startswith("CartPole") else "-"
        print(f"| {result['name']} | {result['threads']} | {rate:,.0f} | {ref_rate} | {ratio} | {versus_c} |")
    print(f"| cartpole/c-loop (C -O2) | 1 | {c_rate:,.0f} | - | - | 1.00 |")


if __name__ == "__main__":
    main()
