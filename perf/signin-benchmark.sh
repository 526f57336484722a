#!/usr/bin/env bash
# Kiosk sign-in benchmark (see perf/README.md): the EAR on a Payara Server with PostgreSQL,
# sign-ins against a no-op JAX-RS endpoint of the same server, with 1 000 and 1 000 000 keys.
# Usage: bash perf/signin-benchmark.sh   (RATE, COMPARE_RATE, COMPARE_RUNS, ROUNDS, DURATION, CLIENTS may be set in the environment;
# SETUP_ONLY=1 sets up the server and its data and leaves it running, for perf/cpu-breakdown.sh)
# CLIENTS is the list of client counts of the closed model ("16 32 64"): each endpoint's rate is its
# best over them, since a sign-in waits for its commit and so needs more clients in flight than the
# no-op to keep the server busy; the ratio is printed for each count and for the two best rates.
set -euo pipefail
cd "$(dirname "$0")/.."

RATE=${RATE:-1000}
# the 1 000 vs 1 000 000 keys comparison runs below the server's capacity, where p50 is service time
COMPARE_RATE=${COMPARE_RATE:-200}
SECONDS_PER_RUN=${DURATION:-20}
CLIENTS=${CLIENTS:-16 32 64}
WARM_CLIENTS=${CLIENTS%% *}
DB=spr_perf
OUT=perf/target
TOKEN=perf-bootstrap-token-0123456789abcdef
BASE=http://127.0.0.1:8080
ASADMIN=ear/target/payara6/bin/asadmin

if (exec 3<>/dev/tcp/127.0.0.1/4848) 2>/dev/null; then
  echo "A server already listens on port 4848: stop it first." >&2
  exit 1
fi
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL is not running on 127.0.0.1:5432" >&2; exit 1; }
psql -h 127.0.0.1 -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
  -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

# the EAR and a Payara Server from Maven Central (verify unpacks Payara; tests are skipped)
[ "${SKIP_BUILD:-}" = 1 ] || mvn -B -ntp -q verify -DskipTests
rm -rf "$OUT" && mkdir -p "$OUT"

export SPR_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPR_DB_USER=postgres SPR_DB_PASSWORD=
export SPR_DB_CLASS=org.postgresql.ds.PGSimpleDataSource SPR_BOOTSTRAP_API_TOKEN=$TOKEN
export SPR_CRYPTO_ENCRYPTION_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
export SPR_CRYPTO_HASH_KEY=HxweHRwbGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgE=
# a domain of its own, created afresh (deploying into a domain that holds the app races its reload)
$ASADMIN delete-domain spr-perf >/dev/null 2>&1 || true
$ASADMIN create-domain --nopassword=true spr-perf >/dev/null
psql_system() { psql -h 127.0.0.1 -U postgres -d postgres -q -c "$1" -c "SELECT pg_reload_conf()" >/dev/null; }
trap '$ASADMIN stop-domain spr-perf >/dev/null 2>&1 || true; psql_system "ALTER SYSTEM RESET synchronous_commit"' EXIT
$ASADMIN start-domain spr-perf >/dev/null
# the production tuning of the README: enough request threads to overlap database round trips
$ASADMIN set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=64 >/dev/null
$ASADMIN set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=16 >/dev/null
$ASADMIN restart-domain spr-perf >/dev/null
$ASADMIN deploy --name spr ear/target/spr.ear >/dev/null
for _ in $(seq 1 60); do curl -sf $BASE/health/ready >/dev/null && break; sleep 1; done

bench() { java perf/SignInBench.java "$@" | tee -a $OUT/results.txt; }
# the keys comparison: COMPARE_RUNS runs at COMPARE_RATE, their median p50 (one run's p50 at a low
# rate moves by a fifth from minute to minute on this shared machine)
COMPARE_RUNS=${COMPARE_RUNS:-3}
compare() {
  local keys=$1 runs=()
  for _ in $(seq 1 "$COMPARE_RUNS"); do
    runs+=("$(java perf/SignInBench.java open $BASE $OUT signin "$COMPARE_RATE" "$SECONDS_PER_RUN" | tee -a $OUT/results.txt)")
    echo "${runs[-1]}"
  done
  printf '%s\n' "${runs[@]}" | grep -o 'p50=[0-9.]*' | cut -d= -f2 | sort -n \
    | awk -v k="$keys" -v n="$COMPARE_RUNS" '{ v[NR] = $1 } END {
        printf "RESULT compare keys=%s runs=%d median p50=%.2fms\n", k, n, v[int((NR + 1) / 2)] }' \
    | tee -a $OUT/results.txt $OUT/compare.txt
}

java perf/SignInBench.java setup $BASE $TOKEN 1000 $OUT
SITE=$(cat $OUT/site)
if [ "${SETUP_ONLY:-}" = 1 ]; then
  # for profiling (perf/README.md): the server stays up until `asadmin stop-domain spr-perf`
  trap - EXIT
  echo "The server runs with the data set up (domain spr-perf): stop it with $ASADMIN stop-domain spr-perf"
  exit 0
fi

echo "== warm-up"
# both paths until the JIT compiler has settled (the no-op endpoint keeps speeding up for ~30 s)
java perf/SignInBench.java closed $BASE $OUT signin "$WARM_CLIENTS" 30 >/dev/null
java perf/SignInBench.java closed $BASE $OUT noop "$WARM_CLIENTS" 30 >/dev/null
java perf/SignInBench.java closed $BASE $OUT signin "$WARM_CLIENTS" 10 >/dev/null

echo "== 1 000 active keys"
# ROUNDS rounds of the closed model; in each, every client count runs the no-op and then the
# sign-in back to back, so the two rates of a round are measured minutes apart at most (this
# shared machine's speed drifts by a third within an hour). Each round gives a ratio of the two
# endpoints' best rates; the figure is the median of the rounds' ratios.
ROUNDS=${ROUNDS:-3}
: > $OUT/closed.txt
for round in $(seq 1 "$ROUNDS"); do
  for clients in $CLIENTS; do
    bench closed $BASE $OUT noop "$clients" "$SECONDS_PER_RUN" | sed "s/^/round=$round /" >> $OUT/closed.txt
    tail -n 1 $OUT/closed.txt
    bench closed $BASE $OUT signin "$clients" "$SECONDS_PER_RUN" | sed "s/^/round=$round /" >> $OUT/closed.txt
    tail -n 1 $OUT/closed.txt
  done
done
# per round: the ratio at each client count and of the best rates; then the median of the rounds
awk '/RESULT/ {
       match($0, /^round=[0-9]+/); o = substr($0, 7, RLENGTH - 6) + 0
       match($0, /target=[a-z]+/); t = substr($0, RSTART + 7, RLENGTH - 7)
       match($0, /closed, [0-9]+ clients/); c = substr($0, RSTART + 8, RLENGTH - 16)
       match($0, /rate=[0-9]+/); r = substr($0, RSTART + 5, RLENGTH - 5) + 0
       rate[o, t, c] = r; if (r > best[o, t]) best[o, t] = r
       if (!(c in seen)) { seen[c] = 1; order[++n] = c }; if (o > rounds) rounds = o
     }
     END {
       for (o = 1; o <= rounds; o++) {
         for (i = 1; i <= n; i++) { c = order[i]
           printf "RESULT round=%d ratio clients=%s signin=%d/s noop=%d/s signin/noop=%.2f\n", o, c, rate[o, "signin", c], rate[o, "noop", c], rate[o, "signin", c] / rate[o, "noop", c] }
         ratio[o] = best[o, "signin"] / best[o, "noop"]
         printf "RESULT round=%d ratio best signin=%d/s best noop=%d/s signin/noop=%.2f\n", o, best[o, "signin"], best[o, "noop"], ratio[o]
       }
       # the median of the rounds ratios (insertion sort; a handful of rounds)
       for (i = 2; i <= rounds; i++) { v = ratio[i]; j = i - 1; while (j >= 1 && ratio[j] > v) { ratio[j + 1] = ratio[j]; j-- }; ratio[j + 1] = v }
       m = rounds % 2 ? ratio[(rounds + 1) / 2] : (ratio[rounds / 2] + ratio[rounds / 2 + 1]) / 2
       printf "RESULT ratio of the best rates: median of %d rounds signin/noop=%.2f (lowest %.2f, highest %.2f)\n", rounds, m, ratio[1], ratio[rounds]
     }' $OUT/closed.txt | tee -a $OUT/results.txt
# the fixed-load measurements and both sides of the keys comparison start alike: tables vacuumed
# and analysed, the dirty pages written (CHECKPOINT), and the server warmed with a short run (the
# closed rounds write some 1.5 million audit events in minutes; the first measurement after them
# stalled in every run while PostgreSQL was still writing that burst out)
quiet() {
  psql -h 127.0.0.1 -U postgres -d $DB -q -v ON_ERROR_STOP=1 -c "VACUUM ANALYZE" -c "CHECKPOINT"
  java perf/SignInBench.java closed $BASE $OUT signin "$WARM_CLIENTS" 10 >/dev/null
}
quiet
bench open $BASE $OUT noop "$RATE" "$SECONDS_PER_RUN"
bench open $BASE $OUT signin "$RATE" "$SECONDS_PER_RUN"
: > $OUT/compare.txt
quiet
compare 1000

echo "== the same, PostgreSQL not waiting for its WAL to reach the disk at commit (synchronous_commit=off)"
# not a setting we recommend for the audit log: it shows how much of the tail is the disk's flush time
psql_system "ALTER SYSTEM SET synchronous_commit = off"
java perf/SignInBench.java open $BASE $OUT signin "$RATE" "$SECONDS_PER_RUN" \
  | sed 's/^RESULT /RESULT synchronous_commit=off /' | tee -a $OUT/results.txt
psql_system "ALTER SYSTEM RESET synchronous_commit"

echo "== adding 999 000 keys (QR codes of one holder, random hashes) at the site"
psql -h 127.0.0.1 -U postgres -d $DB -q -v ON_ERROR_STOP=1 <<SQL
INSERT INTO access_key (id, site_id, type, status, lookup_hash, secret_enc, holder_kind, holder_id,
                        single_use, created_at, updated_at, version)
SELECT 1000000000 + n, $SITE, 'QR', 'ACTIVE', md5(random()::text || n) || md5(n::text), 'seeded',
       'RECIPIENT', (SELECT MIN(id) FROM recipient WHERE site_id = $SITE), FALSE, now(), now(), 1
FROM generate_series(1, 999000) AS n;
SQL
echo "keys at the site: $(psql -h 127.0.0.1 -U postgres -d $DB -Atc "SELECT COUNT(*) FROM access_key WHERE site_id = $SITE AND status = 'ACTIVE'")"
# as a table that grew over months would be: vacuumed (visibility map, hint bits) and analysed
quiet

echo "== 1 000 000 active keys"
compare 1000000
bench open $BASE $OUT signin "$RATE" "$SECONDS_PER_RUN"
awk '{ match($0, /p50=[0-9.]+/); p[NR] = substr($0, RSTART + 4, RLENGTH - 4) + 0 } END {
       printf "RESULT compare 1000000 vs 1000 keys: median p50 %.2f vs %.2f ms (%+.0f %%)\n", p[2], p[1], (p[2] / p[1] - 1) * 100 }' \
  $OUT/compare.txt | tee -a $OUT/results.txt
