#!/usr/bin/env bash
# Fresh-process start-up of `parindex score` (63 provinces, table output to a pipe) against a
# hello-world .NET app started in the same rounds: from a warm cache and from an empty one.
#
#   benchmarks/startup.sh RUNS LABEL=DIR [LABEL=DIR ...]
#   EMPTY_RUNS=N benchmarks/startup.sh ...   (empty-cache runs compile: only in the first N rounds)
#
# Each DIR holds a published parindex (its apphost `parindex`, as the installed tool runs it).
# The hello-world app is built into a temporary folder. Rounds are interleaved (every variant
# once per round, in turn) so load from other processes falls on all of them alike; the script
# prints the median wall time of each variant, its ratio to hello world, and the load average
# before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:?usage: startup.sh RUNS LABEL=DIR ...}
empty_runs=${EMPTY_RUNS:-$runs}
shift
[ $# -gt 0 ] || { echo "usage: startup.sh RUNS LABEL=DIR ..." >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

mkdir -p "$work/hello"
cat > "$work/hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
</Project>
XML
echo 'System.Console.WriteLine("Hello, World!");' > "$work/hello/Program.cs"
dotnet publish "$work/hello" -c Release -o "$work/hello/bin" >/dev/null

rules=examples/par-index-province-2019/ruleset.json
data=examples/par-index-province-2019/provinces-2018.csv
names=(hello)
commands=("$work/hello/bin/hello")
for spec in "$@"; do
  label=${spec%%=*}
  dir=$(cd "${spec#*=}" && pwd)
  mkdir -p "$work/$label"
  # Warm: one cache folder, filled once before timing. Empty: a new folder for every run.
  names+=("$label warm" "$label empty")
  commands+=("$dir/parindex score $rules $data --cache-dir $work/$label/warm" "$dir/parindex score $rules $data --cache-dir @EMPTY@")
  # A busy machine can make this compile exceed MaxCompileTime: try three times.
  for attempt in 1 2 3; do
    PARINDEX_CACHE_KEY="$work/$label/cache.key" "$dir/parindex" score "$rules" "$data" --cache-dir "$work/$label/warm" >/dev/null 2>&1 && break
    echo "warning: filling the cache of $label failed (attempt $attempt)" >&2
  done
done

declare -A times failures
echo "load before: $(uptime)"
for ((round = 0; round < runs; round++)); do
  for i in "${!names[@]}"; do
    command=${commands[$i]}
    [[ $command == *@EMPTY@* && $round -ge $empty_runs ]] && continue
    empty="$work/empty-$round-$i"
    command=${command//@EMPTY@/$empty}
    label=${names[$i]%% *}
    start=$EPOCHREALTIME
    # A run that fails (on a machine this busy, a compile can exceed MaxCompileTime) is counted, not timed.
    if ! PARINDEX_CACHE_KEY="$work/$label/cache.key" $command >/dev/null 2>"$work/stderr"; then
      failures[$i]=$(( ${failures[$i]:-0} + 1 ))
      echo "failed: ${names[$i]} (round $round): $(tail -n 1 "$work/stderr")" >&2
      rm -rf "$empty"
      continue
    fi
    end=$EPOCHREALTIME
    rm -rf "$empty"
    times[$i]+="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f ", (e - s) * 1000 }')"
  done
done
echo "load after:  $(uptime)"

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
hello=$(echo "${times[0]}" | median)
echo
echo "| variant | median ms ($runs rounds, empty cache $empty_runs) | × hello world | failed runs |"
echo "|---|---:|---:|---:|"
for i in "${!names[@]}"; do
  if [ -z "${times[$i]:-}" ]; then echo "| ${names[$i]} | not timed | | ${failures[$i]:-0} |"; continue; fi
  m=$(echo "${times[$i]}" | median)
  awk -v n="${names[$i]}" -v m="$m" -v h="$hello" -v f="${failures[$i]:-0}" 'BEGIN { printf "| %s | %.1f | %.1f | %d |\n", n, m, m / h, f }'
done
