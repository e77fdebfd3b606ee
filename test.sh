#!/usr/bin/env bash
# Runs every test on a fresh machine: installs the peer programs, builds Release (warnings are
# errors), then runs the unit, property, real-tool and end-to-end sets in that order and ends with the line
# `N passed, N failed`. Fast set alone: dotnet test tests/UnitGen.Tests --filter Category=Unit
set -uo pipefail
cd "$(dirname "$0")"
bash .ci/install-peers || { echo "0 passed, 1 failed"; exit 1; }
dotnet build UnitGen.sln -c Release -nologo -v quiet || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

results=TestResults
rm -rf "$results"
status=0
for set in Unit Property RealTool EndToEnd; do
  echo "=== $set tests"
  dotnet test tests/UnitGen.Tests -c Release --no-build --nologo \
    --filter "Category=$set" --logger "trx;LogFileName=$set.trx" --results-directory "$results" || status=1
done

passed=0 failed=0
for trx in "$results"/*.trx; do
  [[ -f $trx ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})) failed=$((failed + ${f:-0}))
done
((passed > 0)) || status=1
((failed == 0)) || status=1
echo "$passed passed, $failed failed"
exit $status
