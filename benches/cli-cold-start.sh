#!/usr/bin/env bash
# CLI cold start: `unitgen generate` (published ReadyToRun) against `foreman export systemd`
# (Debian ruby-foreman) for an equivalent Procfile, in one hyperfine run; prints the ratio.
# Goal: unitgen <= 0.5x foreman's wall time. Also times the floor: a hello-world console app
# published the same way (what any framework-dependent .NET program pays before its first line).
# Run from anywhere: bash benches/cli-cold-start.sh [RUNS]   (RUNS per command, default 30, in 5 rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
for p in hyperfine ruby-foreman; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

publish=(-c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -nologo -v quiet)
dotnet publish src/Cli "${publish[@]}" -o "$work/unitgen" >/dev/null
dotnet new console -o "$work/hello" >/dev/null
dotnet publish "$work/hello" "${publish[@]}" -p:InvariantGlobalization=true -o "$work/hello/pub" >/dev/null
# The same service as samples/puma-phased.yaml, as foreman knows it: one process line.
printf 'web: /usr/bin/puma -C /var/www/pushconfig/shared/puma.rb\n' > "$work/Procfile"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Several short hyperfine rounds in rotating order rather than one long one: on a shared machine the
# load drifts over a minute, and hyperfine runs each command's runs back to back, so one round can
# hand one command a quiet stretch and the other a busy one. The ratio is taken per round (both
# commands measured within seconds of each other); the median round is reported.
rounds=5
per_round=$(( (runs + rounds - 1) / rounds ))
unitgen=(-n unitgen "$work/unitgen/unitgen generate samples/puma-phased.yaml --out $work/out-unitgen")
foreman=(-n foreman "foreman export systemd $work/out-foreman -f $work/Procfile -a pushconfig -u deploy -d /var/www/pushconfig/current")
hello=(-n hello-floor "$work/hello/pub/hello")
for r in $(seq 1 "$rounds"); do
  case $(( r % 3 )) in
    1) order=("${unitgen[@]}" "${foreman[@]}" "${hello[@]}") ;;
    2) order=("${foreman[@]}" "${hello[@]}" "${unitgen[@]}") ;;
    0) order=("${hello[@]}" "${unitgen[@]}" "${foreman[@]}") ;;
  esac
  # -N: no intermediate shell for any command, so each is timed from exec to exit.
  hyperfine -N --warmup 2 --runs "$per_round" --export-csv "$work/round$r.csv" --style basic "${order[@]}" \
    | grep -E '^Benchmark|Time \(mean'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

awk -F, 'function sort(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t } }
  FNR > 1 { v[FILENAME, $1] = $2; all[$1] += $2; sq[$1] += $2 * $2; n[$1]++ }
  END {
    r = 0
    for (k in v) { split(k, p, SUBSEP); seen[p[1]] = 1 }
    for (f in seen) { ratio[++r] = v[f, "unitgen"] / v[f, "foreman"]; floor[r] = v[f, "hello-floor"] / v[f, "foreman"] }
    sort(ratio, r); sort(floor, r)
    m = int((r + 1) / 2)
    for (c in n) { mean[c] = all[c] / n[c]; sd[c] = sqrt(sq[c] / n[c] - mean[c] * mean[c]) }
    printf "means of %d rounds: unitgen %.1f ms, foreman %.1f ms, hello-world floor %.1f ms (spread of round means: unitgen ±%.1f, foreman ±%.1f)\n", r, mean["unitgen"] * 1000, mean["foreman"] * 1000, mean["hello-floor"] * 1000, sd["unitgen"] * 1000, sd["foreman"] * 1000
    printf "ratio unitgen/foreman: median round %.2f (rounds %.2f … %.2f) (goal <= 0.50)\n", ratio[m], ratio[1], ratio[r]
    printf "floor/foreman: median round %.2f; unitgen above the floor: %.1f ms\n", floor[m], (mean["unitgen"] - mean["hello-floor"]) * 1000
  }' "$work"/round*.csv
