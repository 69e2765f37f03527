#!/usr/bin/env bash
# Watch throughput beside tshark and softflowd on the same file, in one run (docs/BENCHMARKS.md, "Watch").
#   bench/watch-vs-tshark.sh [TARGET_MB]      (default 600; needs ../shared/data/traffic, tshark, softflowd)
# Builds, outside the repository, one capture from real ones (IoT-23 Hue, 42-1, 3-1, the StopDDoS floods) laid end to
# end with editcap time shifts and repeated to TARGET_MB, plus a file 10x smaller, then times on both:
#   warden decode (read + decode), warden flows (+ flow table), warden pipeline (+ every detector),
#   tshark -q -z io,stat,0 (dissect every packet), tshark -q -z conv,ip (IP conversations), softflowd -r (flows, export
#   to a closed loopback port), each with its wall time and peak RSS; warden's heap after GC on both files.
set -euo pipefail
cd "$(dirname "$0")/.."
target_mb="${1:-600}"
data=../shared/data/traffic
work="${BENCH_DIR:-/tmp/warden-bench}"
[ -d "$data" ] || { echo "needs $data (the shared real captures)"; exit 2; }
for t in tshark editcap mergecap capinfos softflowd; do command -v $t >/dev/null || { echo "needs $t"; exit 2; }; done
mkdir -p "$work"
srcs=("$data/iot23-hue-4-1/"*.pcap "$data/iot23-42-1-c2/"*.pcap "$data/iot23-3-1-c2/test.pcap"
      "$data/floods/pkt.TCP.synflood.spoofed.pcap" "$data/floods/amp.dns.RRSIG.fragmented.pcap")

# One base capture: the sources one after another in time.
base="$work/base.pcap"
if [ ! -s "$base" ]; then
  next=1600000000; parts=()
  for i in "${!srcs[@]}"; do
    read -r start end < <(capinfos -a -e -T -r -S "${srcs[$i]}" | awk -F'\t' '{print $2, $3}')
    shift_s=$(python3 -c "print(f'{$next - $start:.6f}')")
    editcap -F pcap -t "$shift_s" "${srcs[$i]}" "$work/src$i.pcap"
    parts+=("$work/src$i.pcap")
    next=$(python3 -c "print(int($next + ($end - $start) + 10))")
  done
  mergecap -a -F pcap -w "$base" "${parts[@]}"
  rm -f "${parts[@]}"
fi
read -r bstart bend < <(capinfos -a -e -T -r -S "$base" | awk -F'\t' '{print $2, $3}')
span=$(python3 -c "print(int($bend - $bstart + 10))")
base_mb=$(( $(stat -c %s "$base") / 1048576 ))

# Repeat the base, each copy shifted past the previous one, to the target size and to a tenth of it.
build() { # out reps
  local out=$1 reps=$2 parts=()
  [ -s "$out" ] && return 0
  for r in $(seq 0 $((reps - 1))); do
    editcap -F pcap -t $((r * span)) "$base" "$work/rep$r.pcap"; parts+=("$work/rep$r.pcap")
  done
  mergecap -a -F pcap -w "$out" "${parts[@]}"; rm -f "${parts[@]}"
}
reps=$(( (target_mb + base_mb - 1) / base_mb ))
big="$work/big-${target_mb}mb.pcap"; small="$work/small-${target_mb}mb-tenth.pcap"
build "$big" "$reps"; build "$small" $(( reps / 10 > 0 ? reps / 10 : 1 ))

./build -q -pl core test-compile
cp="core/target/classes:core/target/test-classes:$(./build -q -pl core dependency:build-classpath \
  -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g')"
java="$(bin/find-jdk)/bin/java"
run() { # label command...
  local out; out=$( { /usr/bin/time -f 'wall=%e rss_mb=%M' "${@:2}" >"$work/out.txt" 2>"$work/err.txt"; } 2>&1 || true)
  local rss; rss=$(grep -o 'rss_mb=[0-9]*' "$work/err.txt" | tail -1 | cut -d= -f2)
  local wall; wall=$(grep -o 'wall=[0-9.]*' "$work/err.txt" | tail -1 | cut -d= -f2)
  printf '%-22s wall %7ss  rss %5s MB  %s\n' "$1" "$wall" "$((rss / 1024))" "$(grep -h 'stage=' "$work/out.txt" || true)"
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GB"
echo "tools: $(tshark --version | head -1); softflowd $(dpkg-query -W -f '${Version}' softflowd 2>/dev/null || echo '?'); $("$java" -version 2>&1 | head -1)"
for f in "$big" "$small"; do
  echo "== $(basename "$f"): $(capinfos -c -M "$f" | awk -F': *' '/Number of packets/{print $2}') packets, $(( $(stat -c %s "$f") / 1048576 )) MB"
  run "warden decode" "$java" -Xmx1g -cp "$cp" dev.warden.bench.WatchBench decode "$f"
  run "warden flows" "$java" -Xmx1g -cp "$cp" dev.warden.bench.WatchBench flows "$f"
  run "warden pipeline" "$java" -Xmx1g -cp "$cp" dev.warden.bench.WatchBench pipeline "$f"
  run "tshark io,stat" tshark -n -q -r "$f" -z io,stat,0
  run "tshark conv,ip" tshark -n -q -r "$f" -z conv,ip
  run "softflowd -r" softflowd -r "$f" -n 127.0.0.1:9 -v 9 -d
done
