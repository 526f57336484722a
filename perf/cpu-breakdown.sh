#!/usr/bin/env bash
# Where the CPU goes: the CPU time of Payara Server, of PostgreSQL's processes, of the load driver,
# of interrupts, and the idle time, per request, while a closed-model run goes on (perf/README.md).
# Usage: bash perf/cpu-breakdown.sh [signin|noop] [clients] [seconds]   (default: signin 16 15)
# Needs the server that `SETUP_ONLY=1 bash perf/signin-benchmark.sh` leaves running.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=${1:-signin}
CLIENTS=${2:-16}
WINDOW=${3:-15}
OUT=perf/target
PAYARA=$(pgrep -f glassfish.jar | head -1) \
  || { echo "No Payara Server is running: SETUP_ONLY=1 bash perf/signin-benchmark.sh starts one" >&2; exit 1; }
TICK=$(getconf CLK_TCK)

ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# every process once (a backend that ends during the window takes its time with it)
postgres_ticks() { local sum=0 p; for p in $(pgrep -x postgres); do sum=$((sum + $(ticks "$p"))); done; echo $sum; }
# all, idle + iowait, irq + softirq
machine_ticks() { awk '/^cpu / {print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6, $7+$8}' /proc/stat; }

# the driver runs 5 s before and after the window, so that neither its start nor its end is in it
java perf/SignInBench.java closed http://127.0.0.1:8080 $OUT "$TARGET" "$CLIENTS" $((WINDOW + 10)) > $OUT/breakdown.txt &
DRIVER=$!
sleep 5
p0=$(ticks $PAYARA); g0=$(postgres_ticks); d0=$(ticks $DRIVER); read -r a0 i0 q0 < <(machine_ticks)
sleep "$WINDOW"
p1=$(ticks $PAYARA); g1=$(postgres_ticks); d1=$(ticks $DRIVER); read -r a1 i1 q1 < <(machine_ticks)
wait $DRIVER
cat $OUT/breakdown.txt
rate=$(grep -o 'rate=[0-9]*' $OUT/breakdown.txt | cut -d= -f2)
awk -v p=$((p1 - p0)) -v g=$((g1 - g0)) -v d=$((d1 - d0)) -v i=$((i1 - i0)) -v q=$((q1 - q0)) \
    -v a=$((a1 - a0)) -v n=$((rate * WINDOW)) -v t="$TICK" -v target="$TARGET" -v c="$CLIENTS" 'BEGIN {
  f = 1e6 / t / n
  printf "RESULT cpu target=%s clients=%s us/request: payara=%.0f postgres=%.0f driver=%.0f irq=%.0f idle=%.0f other=%.0f all=%.0f\n",
    target, c, p * f, g * f, d * f, q * f, i * f, (a - p - g - d - i - q) * f, a * f
}'
