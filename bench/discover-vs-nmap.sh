#!/usr/bin/env bash
# Benchmark: `warden discover` against `nmap -sV` in the same run, over the same 254 lab addresses and the same ports.
# Goal (issue 3): Warden at least 5x faster, every covered profile named right (vendor and model), no wrong vendor.
# Both tools are scored against the lab's manifest by bench/score-discovery.py.
#   bench/discover-vs-nmap.sh [OUTDIR]     (default: a temporary directory, kept and printed at the end)
# nmap runs at its default -sV intensity (7) with --host-timeout 30m: far longer than any device needs, so nmap never
# gives up on a host and its figures are not cut short.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
mkdir -p "$out"
command -v nmap >/dev/null || { echo "nmap is needed on the PATH" >&2; exit 2; }
./warden --version >/dev/null   # build first, outside the measurement
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)," \
  "$("$(bin/find-jdk)/bin/java" -version 2>&1 | head -1), $(nmap --version | head -1)"

rm -f "$out/manifest.json"
./warden lab --home "$out/lab-home" --count 254 --manifest "$out/manifest.json" --duration 3600 >"$out/lab.log" 2>&1 &
lab=$!
trap 'kill $lab 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do [ -f "$out/manifest.json" ] && break; sleep 0.5; done   # written once every device is bound
[ -f "$out/manifest.json" ] || { echo "the lab did not come up:" >&2; cat "$out/lab.log" >&2; exit 1; }
ports=$(python3 -c "import json,sys; m=json.load(open(sys.argv[1]))
print(','.join(sorted({str(p['port']) for d in m['devices'] for p in d['ports'] if p['transport']=='tcp'}, key=int)))" \
  "$out/manifest.json")
echo "lab: 254 devices on 127.77.1.1-254; the union of their TCP ports: $ports"

rm -rf "$out/warden-home"
cmd=(./warden discover 127.77.1.0/24 --ports "$ports" --json --home "$out/warden-home")
echo "== ${cmd[*]}"
/usr/bin/time -f "%e %M" -o "$out/warden.time" "${cmd[@]}" >"$out/warden.jsonl" 2>"$out/warden.err"
read -r w_s w_kb <"$out/warden.time"
echo "warden: $w_s s wall, peak RSS $((w_kb / 1024)) MB, $(wc -l <"$out/warden.jsonl") devices reported"

cmd=(nmap -sV -Pn -n --host-timeout 30m -p "$ports" -oX "$out/nmap.xml" 127.77.1.1-254)
echo "== ${cmd[*]}"
/usr/bin/time -f "%e %M" -o "$out/nmap.time" "${cmd[@]}" >"$out/nmap.log" 2>&1
read -r n_s n_kb <"$out/nmap.time"
echo "nmap: $n_s s wall, peak RSS $((n_kb / 1024)) MB"
python3 -c "import sys; w,n=map(float,sys.argv[1:]); print(f'ratio: nmap -sV / warden discover = {n/w:.1f}x')" "$w_s" "$n_s"
echo
python3 bench/score-discovery.py "$out/manifest.json" "$out/warden.jsonl" "$out/nmap.xml"
echo "files kept in $out"
