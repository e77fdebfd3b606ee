#!/usr/bin/env bash
# What UnitGen.MSBuild adds to `dotnet publish` of a small web app, cold (after removing the build
# output) and incremental (nothing changed). Goal: incremental adds <= 50 ms.
# Wall-clock differences between two whole publishes are noisy on a shared machine, so the script
# also reads the UnitGen targets' own time from MSBuild's performance summary of a binary log.
# Run from anywhere: bash benches/publish-overhead.sh [INCREMENTAL_RUNS] [COLD_RUNS] [INTERLEAVED_ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
incremental_runs=${1:-15}
cold_runs=${2:-6}

dpkg-query -W -f='${Status}' hyperfine 2>/dev/null | grep -q 'install ok installed' \
  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/packages" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet pack src/MSBuild -c Release -o "$work/feed" -nologo -v quiet >/dev/null
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="feed" value="$work/feed" /></packageSources></configuration>
XML
for app in plain unitgen; do
  dotnet new web -o "$work/$app" --no-restore >/dev/null
done
(cd "$work/unitgen" && dotnet add package UnitGen.MSBuild --version 0.1.0 >/dev/null && cp "$root/samples/puma-phased.yaml" unitgen.yaml)
for app in plain unitgen; do (cd "$work/$app" && dotnet publish -c Release -o pub -nologo -v quiet >/dev/null); done

publish() { echo "dotnet publish $work/$1 -c Release -o $work/$1/pub -nologo -v quiet"; }
clean="rm -rf $work/plain/bin $work/plain/pub $work/plain/obj/Release $work/unitgen/bin $work/unitgen/pub $work/unitgen/obj/Release"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine --warmup 1 --runs "$incremental_runs" --export-csv "$work/incremental.csv" \
  -n plain "$(publish plain)" -n unitgen "$(publish unitgen)"
hyperfine --runs "$cold_runs" --export-csv "$work/cold.csv" --prepare "$clean" \
  -n plain "$(publish plain)" -n unitgen "$(publish unitgen)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

for kind in cold incremental; do
  # CPU (user + system) too: under load the wall clock of runs made minutes apart drifts, CPU much less.
  awk -F, -v kind="$kind" 'NR > 1 { mean[$1] = $2; sd[$1] = $3; cpu[$1] = $5 + $6 } END {
    printf "%-11s plain %.0f ± %.0f ms, with UnitGen %.0f ± %.0f ms: adds %.0f ms wall; CPU %.0f vs %.0f ms: adds %.0f ms CPU\n", kind, mean["plain"] * 1000, sd["plain"] * 1000, mean["unitgen"] * 1000, sd["unitgen"] * 1000, (mean["unitgen"] - mean["plain"]) * 1000, cpu["plain"] * 1000, cpu["unitgen"] * 1000, (cpu["unitgen"] - cpu["plain"]) * 1000
  }' "$work/$kind.csv"
done

# hyperfine runs all of one command, then all of the other, so slow drift (MSBuild node reuse, page
# cache, other work on the machine) lands on one side. Interleave: each round publishes both apps,
# in alternating order, and the difference is taken per round.
rounds=${3:-10}
for ((r = 0; r < rounds; r++)); do
  order=(plain unitgen); ((r % 2)) && order=(unitgen plain)
  for app in "${order[@]}"; do
    start=$(date +%s%N)
    eval "$(publish "$app")" >/dev/null
    echo "$r $app $((($(date +%s%N) - start) / 1000000))"
  done
done > "$work/interleaved.txt"
awk '{ t[$1, $2] = $3; p[$2] += $3 } END { for (k in t) { split(k, a, SUBSEP); if (a[2] == "plain") print t[a[1], "unitgen"] - t[k] } }' \
  "$work/interleaved.txt" | sort -n > "$work/added.txt"
awk -v rounds="$rounds" -v plain="$(awk '$2 == "plain" { s += $3 } END { print s }' "$work/interleaved.txt")" \
  -v unitgen="$(awk '$2 == "unitgen" { s += $3 } END { print s }' "$work/interleaved.txt")" \
  '{ d[NR] = $1 } END {
    median = NR % 2 ? d[(NR + 1) / 2] : (d[NR / 2] + d[NR / 2 + 1]) / 2
    printf "incremental, interleaved (%d rounds): plain %.0f ms, with UnitGen %.0f ms; added per round: median %.0f ms (min %.0f, max %.0f)\n", rounds, plain / rounds, unitgen / rounds, median, d[1], d[NR]
  }' "$work/added.txt"

# The UnitGen targets' own time, from MSBuild's performance summary (independent of the noise above).
summary() {
  (cd "$work/unitgen" && dotnet publish -c Release -o pub -nologo -v quiet -bl:"$work/$1.binlog" >/dev/null)
  dotnet msbuild "$work/$1.binlog" -noconlog -fl -flp:"logfile=$work/$1.log;verbosity=diagnostic;PerformanceSummary" >/dev/null
  sed -n '/Target Performance Summary/,/Task Performance Summary/p' "$work/$1.log" \
    | awk -v kind="$1" '/UnitGen/ { ms += $1; list = list sprintf(" %s %d ms;", $3, $1) } END { printf "%-11s UnitGen targets inside MSBuild: %d ms (%s )\n", kind, ms, list }'
}
eval "$clean"
summary cold
summary incremental
