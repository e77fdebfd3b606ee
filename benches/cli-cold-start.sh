#!/usr/bin/env bash
# CLI cold start: `unitgen generate` (published ReadyToRun) against `foreman export systemd`
# (Debian ruby-foreman) for an equivalent Procfile, in one hyperfine run; prints the ratio.
# Goal: unitgen <= 0.5x foreman's wall time. Also times the floor: a hello-world console app
# published the same way (what any framework-dependent .NET program pays before its first line).
# Run from anywhere: bash benches/cli-cold-start.sh [RUNS]
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
# -N: no intermediate shell for any command, so each is timed from exec to exit.
hyperfine -N --warmup 3 --runs "$runs" --export-csv "$work/times.csv" \
  -n unitgen "$work/unitgen/unitgen generate samples/puma-phased.yaml --out $work/out-unitgen" \
  -n foreman "foreman export systemd $work/out-foreman -f $work/Procfile -a pushconfig -u deploy -d /var/www/pushconfig/current" \
  -n hello-floor "$work/hello/pub/hello"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

awk -F, 'NR > 1 { mean[$1] = $2; sd[$1] = $3 } END {
  printf "unitgen %.1f ± %.1f ms, foreman %.1f ± %.1f ms: ratio %.2f (goal <= 0.50)\n", mean["unitgen"] * 1000, sd["unitgen"] * 1000, mean["foreman"] * 1000, sd["foreman"] * 1000, mean["unitgen"] / mean["foreman"]
  printf "floor (hello world, same publish) %.1f ± %.1f ms = %.2f of foreman; unitgen above the floor: %.1f ms\n", mean["hello-floor"] * 1000, sd["hello-floor"] * 1000, mean["hello-floor"] / mean["foreman"], (mean["unitgen"] - mean["hello-floor"]) * 1000
}' "$work/times.csv"
