"""Joins the Swift, Gymnasium and C results of one Benchmarks/run.sh run and prints ratios.

Usage: compare.py dojo.json gymnasium.json c_loop.json
First a headline per environment: `make` against `make` (the registry's type-erased stack
against `gymnasium.make`, what code that knows only an id gets) next to the typed stack. Then
every Dojo case against the Gymnasium case of the same env and copy count (the `make` env for
single-env cases) and, for CartPole single-env cases, against the C loop.
"""

import json
import sys


def load(path):
    with open(path) as handle:
        return json.load(handle)


def main():
    dojo, gymnasium, c_loop = load(sys.argv[1]), load(sys.argv[2]), load(sys.argv[3])
    reference = {(r["env"], r["copies"]): r for r in gymnasium["results"]}
    ours = {r["name"]: r for r in dojo["results"]}
    c_rate = c_loop["steps_per_second"]
    print(f"Dojo ({dojo['build']}) vs Gymnasium {gymnasium['gymnasium']}, one environment, same run; "
          f"medians of {dojo['repeats']} runs each")
    print("| env | Gymnasium `make` steps/s | Dojo `make` (type-erased) | make / make | Dojo typed stack | typed / make |")
    print("|---|---|---|---|---|---|")
    for family, env in (("cartpole", "CartPole-v1"), ("frozenlake8x8", "FrozenLake8x8-v1")):
        made, typed, ref = ours.get(f"{family}/make"), ours.get(f"{family}/time-limit"), reference.get((env, 1))
        if made and typed and ref:
            gym_rate = ref["steps_per_second"]
            print(f"| {env} | {gym_rate:,.0f} | {made['steps_per_second']:,.0f} | {made['steps_per_second'] / gym_rate:.0f}x "
                  f"| {typed['steps_per_second']:,.0f} | {typed['steps_per_second'] / gym_rate:.0f}x |")
    print()
    print(f"Dojo ({dojo['build']}, {dojo['cores']} cores) vs Gymnasium {gymnasium['gymnasium']} "
          f"vs plain C loop, same run")
    print("| case | threads | Dojo steps/s | Gymnasium steps/s | Dojo / Gymnasium | C loop / Dojo |")
    print("|---|---|---|---|---|---|")
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
