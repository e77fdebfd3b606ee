#!/usr/bin/env bash
# CLI cold start: `unitgen generate` (published ReadyToRun) against `foreman export systemd`
# (Debian ruby-foreman) for an equivalent Procfile, in one hyperfine run; prints the ratio.
# Goal: unitgen <= 0.5x foreman's wall time. Run from anywhere: bash benches/cli-cold-start.sh
set -euo pipefail
cd "$(dirname "$0")/.."
for p in hyperfine ruby-foreman; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish src/Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$work/unitgen" -nologo -v quiet >/dev/null
# The same service as samples/puma-phased.yaml, as foreman knows it: one process line.
printf 'web: /usr/bin/puma -C /var/www/pushconfig/shared/puma.rb\n' > "$work/Procfile"

hyperfine --warmup 3 --runs 20 --export-csv "$work/times.csv" \
  -n unitgen "$work/unitgen/unitgen generate samples/puma-phased.yaml --out $work/out-unitgen" \
  -n foreman "foreman export systemd $work/out-foreman -f $work/Procfile -a pushconfig -u deploy -d /var/www/pushconfig/current"

awk -F, 'NR > 1 { mean[$1] = $2 } END {
  printf "unitgen %.1f ms, foreman %.1f ms: ratio %.2f (goal <= 0.50)\n", mean["unitgen"] * 1000, mean["foreman"] * 1000, mean["unitgen"] / mean["foreman"]
}' "$work/times.csv"
