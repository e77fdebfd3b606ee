#!/usr/bin/env bash
# CLI cold start: `unitgen generate` against `foreman export systemd` (Debian ruby-foreman) for an
# equivalent Procfile, in the same hyperfine runs; prints the ratio. Goal: unitgen <= 0.5x foreman's
# wall time. unitgen twice: NativeAOT (what `dotnet tool install` gives on linux-x64) and
# framework-dependent ReadyToRun; and the floor of the latter: a hello-world console app published
# the same way (what any framework-dependent .NET program pays before its first line).
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

publish=(-c Release -r linux-x64 -nologo -v quiet)
# What `dotnet tool install unitgen` runs on linux-x64: the NativeAOT executable (src/Cli's PublishAot).
dotnet publish src/Cli "${publish[@]}" -o "$work/unitgen-aot" >/dev/null
# Framework-dependent ReadyToRun: `dotnet publish -p:PublishAot=false` for a platform with no native package.
ready_to_run=(--self-contained false -p:PublishAot=false -p:PublishReadyToRun=true)
dotnet publish src/Cli "${publish[@]}" "${ready_to_run[@]}" -o "$work/unitgen-r2r" >/dev/null
dotnet new console -o "$work/hello" >/dev/null
dotnet publish "$work/hello" "${publish[@]}" "${ready_to_run[@]}" -p:InvariantGlobalization=true -o "$work/hello/pub" >/dev/null
# The same service as samples/puma-phased.yaml, as foreman knows it: one process line.
printf 'web: /usr/bin/puma -C /var/www/pushconfig/shared/puma.rb\n' > "$work/Procfile"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Several short hyperfine rounds in rotating order rather than one long one: on a shared machine the
# load drifts over a minute, and hyperfine runs each command's runs back to back, so one round can
# hand one command a quiet stretch and the other a busy one. The ratio is taken per round (both
# commands measured within seconds of each other); the median round is reported.
rounds=5
per_round=$(( (runs + rounds - 1) / rounds ))
aot=(-n unitgen-aot "$work/unitgen-aot/unitgen generate samples/puma-phased.yaml --out $work/out-aot")
r2r=(-n unitgen-r2r "$work/unitgen-r2r/unitgen generate samples/puma-phased.yaml --out $work/out-r2r")
foreman=(-n foreman "foreman export systemd $work/out-foreman -f $work/Procfile -a pushconfig -u deploy -d /var/www/pushconfig/current")
hello=(-n hello-floor "$work/hello/pub/hello")
for r in $(seq 1 "$rounds"); do
  case $(( r % 4 )) in
    1) order=("${aot[@]}" "${foreman[@]}" "${r2r[@]}" "${hello[@]}") ;;
    2) order=("${foreman[@]}" "${r2r[@]}" "${hello[@]}" "${aot[@]}") ;;
    3) order=("${r2r[@]}" "${hello[@]}" "${aot[@]}" "${foreman[@]}") ;;
    0) order=("${hello[@]}" "${aot[@]}" "${foreman[@]}" "${r2r[@]}") ;;
  esac
  # -N: no intermediate shell for any command, so each is timed from exec to exit.
  hyperfine -N --warmup 2 --runs "$per_round" --export-csv "$work/round$r.csv" --style basic "${order[@]}" \
    | grep -E '^Benchmark|Time \(mean'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

awk -F, 'function sort(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t } }
  function median(name,   f, k, a) { k = 0; for (f in seen) a[++k] = v[f, name] / v[f, "foreman"]; sort(a, k); lo[name] = a[1]; hi[name] = a[k]; return a[int((k + 1) / 2)] }
  FNR > 1 { v[FILENAME, $1] = $2; seen[FILENAME] = 1; all[$1] += $2; sq[$1] += $2 * $2; n[$1]++ }
  END {
    for (c in n) { mean[c] = all[c] / n[c]; sd[c] = sqrt(sq[c] / n[c] - mean[c] * mean[c]) }
    printf "means of %d rounds (ms): unitgen NativeAOT %.1f, unitgen ReadyToRun %.1f, foreman %.1f, hello-world ReadyToRun floor %.1f\n", length(seen), mean["unitgen-aot"] * 1000, mean["unitgen-r2r"] * 1000, mean["foreman"] * 1000, mean["hello-floor"] * 1000
    m = median("unitgen-aot"); printf "ratio unitgen/foreman (the installed tool, NativeAOT): median round %.2f (rounds %.2f … %.2f) (goal <= 0.50)\n", m, lo["unitgen-aot"], hi["unitgen-aot"]
    m = median("unitgen-r2r"); printf "ratio unitgen ReadyToRun/foreman (framework-dependent): median round %.2f (rounds %.2f … %.2f)\n", m, lo["unitgen-r2r"], hi["unitgen-r2r"]
    m = median("hello-floor"); printf "floor/foreman: median round %.2f; unitgen ReadyToRun above the floor: %.1f ms\n", m, (mean["unitgen-r2r"] - mean["hello-floor"]) * 1000
  }' "$work"/round*.csv
