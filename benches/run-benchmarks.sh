#!/usr/bin/env bash
# Library benchmarks (BenchmarkDotNet): every sample, and a 1,000-service fleet, per service.
# Extra arguments go to BenchmarkDotNet, e.g. --filter '*Fleet*' or --job short.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project benches/UnitGen.Benchmarks -- --filter "${1:-*}" "${@:2}"
