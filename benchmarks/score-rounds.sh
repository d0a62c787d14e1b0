#!/usr/bin/env bash
# Score(TotalsOnly) of one data file, for several builds of the library, in fresh processes.
#
#   benchmarks/score-rounds.sh RULES CSV ROUNDS PROCESSES LABEL=COMMIT [LABEL=COMMIT ...]
#   THREADS=2 benchmarks/score-rounds.sh ...      (Score's MaxDegreeOfParallelism, default 1)
#
# Each COMMIT is checked out in a temporary worktree and benchmarks/ScoreRounds (from this
# checkout, so every build runs the same measuring code) is built against that commit's library.
# Processes are interleaved (every build once, in turn, PROCESSES times), each timing ROUNDS
# calls after two warm-up calls. Prints the median over all rounds of each build: wall ms of
# Score alone, of Score plus reading every agency's total and ranks, CPU ms, and the checksum,
# which must be the same for every build. The load average is printed before and after.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 5 ] || { echo "usage: score-rounds.sh RULES CSV ROUNDS PROCESSES LABEL=COMMIT ..." >&2; exit 2; }
rules=$(realpath "$1"); csv=$(realpath "$2"); rounds=$3; processes=$4; shift 4
work=$(mktemp -d)
labels=()
cleanup() {
  for label in "${labels[@]}"; do git -C "$repo" worktree remove --force "$work/src-$label" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PARINDEX_CACHE_DIR="$work/cache"

for spec in "$@"; do
  label=${spec%%=*}; commit=${spec#*=}
  labels+=("$label")
  git -C "$repo" worktree add --detach "$work/src-$label" "$commit" >/dev/null 2>&1
  rm -rf "$work/src-$label/benchmarks/ScoreRounds"
  cp -r "$repo/benchmarks/ScoreRounds" "$work/src-$label/benchmarks/ScoreRounds"
  rm -rf "$work/src-$label/benchmarks/ScoreRounds/bin" "$work/src-$label/benchmarks/ScoreRounds/obj"
  dotnet build "$work/src-$label/benchmarks/ScoreRounds" -c Release -o "$work/bin-$label" -nodeReuse:false >"$work/build-$label.log" 2>&1 \
    || { echo "build of $label ($commit) failed: $work/build-$label.log" >&2; tail -20 "$work/build-$label.log" >&2; exit 1; }
done

echo "load before: $(uptime)"
for ((p = 0; p < processes; p++)); do
  for label in "${labels[@]}"; do
    "$work/bin-$label/ScoreRounds" "$rules" "$csv" "$rounds" "${THREADS:-1}" | sed "s/^/label=$label /" >>"$work/rounds.txt"
  done
done
echo "load after:  $(uptime)"

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
field() { grep "^label=$1 " "$work/rounds.txt" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
echo
echo "| build | commit | rounds | Score ms | Score + read ms | CPU ms | checksum |"
echo "|---|---|---:|---:|---:|---:|---|"
i=0
for spec in "$@"; do
  label=${labels[$i]}; i=$((i + 1))
  echo "| $label | $(git -C "$repo" rev-parse --short "${spec#*=}") | $(field "$label" round | wc -l) | $(field "$label" score_ms | median) | $(field "$label" score_and_read_ms | median) | $(field "$label" cpu_ms | median) | $(field "$label" checksum | sort -u | tr '\n' ' ')|"
done
