# Shared by run_dqn.sh and run_pg.sh, sourced after they set `here` (Benchmarks/) and `root`
# (the repository) and read their options (`results`: a file named by --results, or empty).

# start_results NAME: empties the results file (a new /tmp/dojo-NAME-*.jsonl unless one was
# given, kept after the run) and makes `work`, a temporary folder removed on exit.
start_results() {
    if [ -z "$results" ]; then results="$(mktemp --suffix=.jsonl "/tmp/dojo-$1-XXXXXX")"; fi
    : > "$results"
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
}

# prepare_sides BUILD: installs torch and stable-baselines3 into Benchmarks/.venv on first use,
# builds dojo when BUILD is true, and copies the binary out of .build so a rebuild there during
# the run (someone else's swift build) cannot swap it. Sets python, dojo, commit (the commit the
# build compiles) and dirty (whether tracked files differ from it).
prepare_sides() {
    local build="$1"
    if [ ! -x "$here/.venv/bin/python" ]; then
        python3 -m venv "$here/.venv"
        "$here/.venv/bin/pip" install --quiet --upgrade pip
    fi
    "$here/.venv/bin/pip" install --quiet -r "$here/requirements.txt" -r "$here/requirements-dqn.txt"
    commit="$(git -C "$root" rev-parse --short HEAD)"
    dirty=false
    if [ -n "$(git -C "$root" status --porcelain --untracked-files=no)" ]; then dirty=true; fi
    if $build; then (cd "$root" && swift build -c release --product dojo >&2); fi
    cp "$root/.build/release/dojo" "$work/dojo"
    dojo="$work/dojo"
    python="$here/.venv/bin/python"
}

# record SIDE SEED COMMAND...: runs COMMAND (which prints one JSON object) and appends
# {"side", "seed", "finished" (UTC), "run": that object} to the results.
record() {
    local side="$1" seed="$2"
    shift 2
    echo "seed $seed: $side" >&2
    local output
    output="$("$@")"
    printf '{"side": "%s", "seed": %s, "finished": "%s", "run": %s}\n' \
        "$side" "$seed" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$output" >> "$results"
}
