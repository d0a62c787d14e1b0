#!/usr/bin/env bash
# End-to-end measurements of the data path, in fresh processes: `parindex score <rules> <data>
# --format csv --out <file>` (and `--stream`) on generated CSV files of the internal-index example
# and of the 150-leaf scheme, under /usr/bin/time (wall time, peak RSS, CPU time), beside the
# anchor, a plain Sep parse of the same file in a process of its own. Several builds can be
# measured in one run, interleaved (for each file: anchor, then every build in turn), so that a
# burst of load from other processes hits every build alike.
#
#   benchmarks/e2e.sh [options] <build>...
#
# A <build> is a commit (anything `git rev-parse` accepts; checked out with `git worktree add
# --detach` under the work folder and built there) or a folder holding a checkout of the
# repository (built in place). `label=<build>` names it in the tables. A commit whose benchmark
# project has no EndToEndBenchmarks gets this commit's benchmark project copied in (it compiles
# against the library as it was before the data-path rewrite).
#
# Options:
#   --runs N          processes per build, mode and file (default 3; the table shows the median)
#   --sizes "N ..."   agencies per file (default "100000 500000 1000000 2000000")
#   --schemes "..."   internal-index and/or scheme-150 (default both)
#   --modes "..."     score and/or stream (default both)
#   --work DIR        work folder: worktrees, data, caches, results (default $TMPDIR/parindex-e2e)
#   --skip "PAT ..."  leave out the processes whose label:scheme:mode:agencies matches a glob
#                     PAT, e.g. "before:*:score:2000000" (the in-memory score of the old build at
#                     2M would need about 12 GB for internal-index and 40 GB for scheme-150); with
#                     --bdn the patterns of a build also leave out its BenchmarkDotNet cases
#   --bdn             afterwards, run the BenchmarkDotNet class EndToEndBenchmarks for each build
#   --no-hash         do not record the SHA-256 of the first run's output
#
# Data files are written once into <work>/data and reused (see manifest.tsv there). Each build
# has its own compile cache (<work>/cache/<label>), primed before measuring, so the measured runs
# load the compiled rule set from the cache as a user's second run does. Results:
# <work>/results-<UTC time>/ with measurements.tsv, summary.md, load.log and builds.txt.
set -euo pipefail

runs=3
sizes="100000 500000 1000000 2000000"
schemes="internal-index scheme-150"
modes="score stream"
work="${TMPDIR:-$(dirname "$(mktemp -u)")}/parindex-e2e"
bdn=0
hash=1
skip=""
specs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --schemes) schemes="$2"; shift 2 ;;
    --modes) modes="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --skip) skip="$2"; shift 2 ;;
    --bdn) bdn=1; shift ;;
    --no-hash) hash=0; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) specs+=("$1"); shift ;;
  esac
done
[ ${#specs[@]} -gt 0 ] || { echo "usage: benchmarks/e2e.sh [options] <commit|folder>... (--help)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

repo="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
harness="$(git -C "$repo" rev-parse HEAD)"
bench_project=benchmarks/ParIndex.RulesEngine.Benchmarks
mkdir -p "$work"
work="$(cd "$work" && pwd)"
results="$work/results-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$results" "$work/data" "$work/cache"
export PARINDEX_E2E_DATA="$work/data"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Load of the machine during the run, every 30 s (stopped on exit).
{ while true; do echo "$(date -u +%H:%M:%S) $(cat /proc/loadavg)"; sleep 30; done; } > "$results/load.log" &
load_logger=$!
trap 'kill "$load_logger" 2>/dev/null || true' EXIT
echo "before: $(uptime)" | tee "$results/uptime.txt"

labels=(); sources=()
for spec in "${specs[@]}"; do
  label=""; target="$spec"
  if [[ "$spec" == *=* ]]; then label="${spec%%=*}"; target="${spec#*=}"; fi
  if [ -d "$target" ]; then
    source="$(cd "$target" && pwd)"
    commit="$(git -C "$source" rev-parse --short=7 HEAD) (folder, may have local changes)"
    label="${label:-$(basename "$source")}"
  else
    sha="$(git -C "$repo" rev-parse --verify "$target^{commit}")"
    commit="$(git -C "$repo" rev-parse --short=7 "$sha")"
    label="${label:-$commit}"
    source="$work/src-$commit"
    [ -d "$source" ] || git -C "$repo" worktree add --detach "$source" "$sha" >/dev/null
    if ! git -C "$repo" cat-file -e "$sha:$bench_project/Benchmarks/EndToEndBenchmarks.cs" 2>/dev/null; then
      git -C "$source" checkout "$harness" -- "$bench_project"
      # Benchmarks of APIs the old library does not have yet (the input schema) are left out there.
      grep -rl --include='*.cs' 'InputSchema' "$source/$bench_project" | xargs -r rm --
      commit="$commit + benchmark project of $(git -C "$repo" rev-parse --short=7 "$harness")"
    fi
  fi
  echo "== build $label: $commit in $source"
  dotnet build "$source/src/ParIndex.Cli/ParIndex.Cli.csproj" -c Release -nologo -v q -clp:ErrorsOnly
  dotnet build "$source/$bench_project" -c Release -nologo -v q -clp:ErrorsOnly
  printf '%s\t%s\t%s\n' "$label" "$commit" "$source" >> "$results/builds.txt"
  labels+=("$label"); sources+=("$source")
done

tool="${sources[0]}/$bench_project/bin/Release/net10.0/ParIndex.RulesEngine.Benchmarks"
echo "== data files in $work/data"
# shellcheck disable=SC2086
"$tool" --e2e-data $schemes $sizes > "$results/data.txt"
cat "$results/data.txt"

cli() { echo "${sources[$1]}/src/ParIndex.Cli/bin/Release/net10.0/parindex"; }

echo "== priming each build's compile cache"
for scheme in $schemes; do
  first="$(echo "$sizes" | tr ' ' '\n' | sort -n | head -n 1)"
  head -n 3 "$work/data/$scheme-$first.csv" > "$work/prime-$scheme.csv"
  for i in "${!labels[@]}"; do
    # A failed priming (e.g. the compile passing its time budget on a loaded machine) would put a
    # compile into every measured run: stop here rather than measure that.
    PARINDEX_CACHE_DIR="$work/cache/${labels[$i]}" "$(cli "$i")" score "$work/data/$scheme.rules.json" "$work/prime-$scheme.csv" \
      --format csv --out "$work/prime-out.csv" 2> "$work/prime.stderr" \
      || { echo "priming ${labels[$i]} on $scheme failed: $(tail -n 3 "$work/prime.stderr")" >&2; exit 1; }
  done
done

tsv="$results/measurements.tsv"
printf 'build\tscheme\trows\tmode\trun\twall_s\tpeak_rss_kib\tuser_s\tsys_s\texit\tsha256\n' > "$tsv"
out="$work/out.csv"
# skipped <label> <scheme> <mode> <rows>: true when a --skip pattern matches.
skipped() {
  local pattern
  set -f
  for pattern in $skip; do
    # shellcheck disable=SC2053
    if [[ "$1:$2:$3:$4" == $pattern ]]; then set +f; return 0; fi
  done
  set +f
  return 1
}

# measure <label> <scheme> <rows> <mode> <run> <command...>: one process under /usr/bin/time, one TSV line.
measure() {
  local label="$1" scheme="$2" rows="$3" mode="$4" run="$5"; shift 5
  if skipped "$label" "$scheme" "$mode" "$rows"; then return 0; fi
  rm -f "$out"
  local rc=0
  /usr/bin/time -o "$work/time.txt" -f '%e %M %U %S' "$@" > "$work/last.stdout" 2> "$work/last.stderr" || rc=$?
  local wall rss user sys digest="-"
  read -r wall rss user sys < <(tail -n 1 "$work/time.txt")
  if [ "$rc" -ne 0 ]; then
    echo "   $label $mode exited $rc: $(tail -n 3 "$work/last.stderr")" >&2
  elif [ "$hash" = 1 ] && [ "$run" = 1 ] && [ -f "$out" ]; then
    digest="$(sha256sum "$out" | cut -d' ' -f1)"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$scheme" "$rows" "$mode" "$run" "$wall" "$rss" "$user" "$sys" "$rc" "$digest" >> "$tsv"
  printf '   %-14s %-15s %8s %-7s run %s: %6ss %6s MiB\n' "$label" "$scheme" "$rows" "$mode" "$run" "$wall" "$((rss / 1024))"
}

echo "== measuring ($runs runs; $(date -u +%H:%M:%S) UTC)"
for run in $(seq 1 "$runs"); do
  for scheme in $schemes; do
    for rows in $(echo "$sizes" | tr ' ' '\n' | sort -n); do
      rules="$work/data/$scheme.rules.json"
      data="$work/data/$scheme-$rows.csv"
      measure anchor "$scheme" "$rows" anchor "$run" "$tool" --sep-anchor "$rules" "$data"
      for i in "${!labels[@]}"; do
        for mode in $modes; do
          flags=(--format csv --out "$out"); [ "$mode" = stream ] && flags+=(--stream)
          PARINDEX_CACHE_DIR="$work/cache/${labels[$i]}" measure "${labels[$i]}" "$scheme" "$rows" "$mode" "$run" "$(cli "$i")" score "$rules" "$data" "${flags[@]}"
        done
      done
    done
  done
done
rm -f "$out"
echo "after: $(uptime)" | tee -a "$results/uptime.txt"

"$tool" --e2e-summary "$tsv" > "$results/summary.md"
cat "$results/summary.md"

if [ "$bdn" = 1 ]; then
  for i in "${!labels[@]}"; do
    echo "== BenchmarkDotNet EndToEndBenchmarks, build ${labels[$i]} ($(date -u +%H:%M:%S) UTC, $(cut -d' ' -f1-3 /proc/loadavg))"
    # The build's --skip patterns without their label: scheme:mode:agencies, read by EndToEndConfig.
    own_skip=""
    set -f
    for pattern in $skip; do
      # shellcheck disable=SC2053
      [[ "${labels[$i]}" == ${pattern%%:*} ]] && own_skip="$own_skip ${pattern#*:}"
    done
    set +f
    (cd "${sources[$i]}" && PARINDEX_E2E_SKIP="$own_skip" dotnet run -c Release --no-build --project "$bench_project" -- --filter '*EndToEndBenchmarks*')
    cp "${sources[$i]}/BenchmarkDotNet.Artifacts/results/ParIndex.RulesEngine.Benchmarks.Benchmarks.EndToEndBenchmarks-report-github.md" \
      "$results/bdn-${labels[$i]}.md"
  done
  echo "after BenchmarkDotNet: $(uptime)" | tee -a "$results/uptime.txt"
fi
echo "== results in $results"
