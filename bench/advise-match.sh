#!/usr/bin/env bash
# Benchmark: advisory matching. Match-all time of N inventory devices against M advisories, and the time one newly
# arrived advisory needs to find its devices (issue 5 acceptance: 1,000,000 devices x 10,000 advisories).
#   bench/advise-match.sh [DEVICES] [ADVISORIES]     (default 1000000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
./build -q -o -pl core test-compile
cp=$(mktemp); trap 'rm -f "$cp"' EXIT
./build -q -o -pl core dependency:build-classpath -Dmdep.outputFile="$cp" >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)," \
  "$("$(bin/find-jdk)/bin/java" -version 2>&1 | head -1)"
"$(bin/find-jdk)/bin/java" -Xmx3g -cp "core/target/classes:core/target/test-classes:$(cat "$cp")" \
  dev.warden.advise.match.AdviseMatchBench "${1:-1000000}" "${2:-10000}"
