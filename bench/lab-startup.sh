#!/usr/bin/env bash
# Benchmark: how fast a large lab comes up, in how much memory, and whether every device answers.
# Peer in the same run: nmap -sT (a plain connect scan) over the same addresses and ports, i.e. how long an outside
# client needs just to see the fleet that the lab brought up.
#   bench/lab-startup.sh [COUNT]      (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
out=$(mktemp -d)
./warden --version >/dev/null   # build first, outside the measurement
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $("$(bin/find-jdk)/bin/java" -version 2>&1 | head -1)"
echo "== warden lab --count $count --check (heap capped at 1 GB)"
WARDEN_JAVA_OPTS="-Xmx1g -XX:+UseSerialGC" /usr/bin/time -f "elapsed %e s, max RSS %M KB" \
  ./warden lab --home "$out/home" --count "$count" --manifest "$out/m.json" --check --duration 0 2>&1 | grep -E "lab up|check:|elapsed|warden:"
if command -v nmap >/dev/null 2>&1; then
  # Same fleet again, kept up while nmap connect-scans every address on the union of its TCP ports.
  WARDEN_JAVA_OPTS="-Xmx1g" ./warden lab --home "$out/home" --count "$count" --manifest "$out/up.json" --duration 600 >/dev/null 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true; rm -rf "$out"' EXIT
  python3 - "$out/m.json" > "$out/targets" <<'PY'
import json,sys
m=json.load(open(sys.argv[1]))
print(",".join(sorted({str(p["port"]) for d in m["devices"] for p in d["ports"] if p["transport"]=="tcp"}, key=int)))
for d in m["devices"]: print(d["address"])
PY
  ports=$(head -1 "$out/targets"); tail -n +2 "$out/targets" > "$out/hosts"
  for i in $(seq 1 120); do [ -f "$out/up.json" ] && break; sleep 0.5; done   # the manifest is written once all is bound
  echo "== nmap -sT -Pn -n -T4 over the same $(wc -l < "$out/hosts") addresses, ports $ports"
  /usr/bin/time -f "elapsed %e s" nmap -sT -Pn -n -T4 -p "$ports" -iL "$out/hosts" -oG - 2>&1 | \
    awk '/Ports:/{n+=gsub(/\/open\//,"")} /elapsed/{print} END{print "open ports nmap saw: " n}'
  python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print('open TCP ports in manifest:', sum(1 for d in m['devices'] for p in d['ports'] if p['transport']=='tcp'))" "$out/m.json"
fi
