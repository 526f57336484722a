#!/usr/bin/env bash
# Import benchmark (see perf/README.md): ROWS Entrata residents (../shared/tools/gen-residents.py)
# imported on a Payara Server with PostgreSQL into a new site (PINs, QR codes and welcome messages
# issued), then the same file again unchanged, then a file with 1 % of the residents changed and
# 1 % gone; the same rows loaded with PostgreSQL's COPY into a plain table as the floor. Prints
# rows per second and the ratio to COPY's time for each import, the longest time between two
# progress changes seen through GET /api/v1/imports/{id}, and the server's peak heap (jstat).
# Then EXPLAINs the import's queries on that big site (perf/target/import/explain.txt).
#
# Usage: bash perf/import-benchmark.sh   (ROWS=1000000 by default; SKIP_BUILD=1 skips the build;
#        SLOW_MS=100 has PostgreSQL log the statements of 100 ms or more; REUSE=1 keeps the database,
#        the files and the site of the run before (same ROWS) and skips its first import, the floor
#        of its writes and the EXPLAINs: the site is brought back with the first file (label
#        "restore"), then the unchanged and the 1 % imports are measured as usual: for trying a
#        change of the re-imports in minutes; the README's figures come from full runs)
# Needs: PostgreSQL on 127.0.0.1:5432 (trust auth), ports 8080 and 4848 free, python3, a JDK (jstat).
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-1000000}
export PGPORT=${PGPORT:-5432}
DB=spr_perf_import
DOMAIN=spr-perf
OUT=perf/target/import
TOKEN=perf-bootstrap-token-0123456789abcdef
BASE=http://127.0.0.1:8080
ASADMIN=ear/target/payara6/bin/asadmin

if (exec 3<>/dev/tcp/127.0.0.1/4848) 2>/dev/null; then
  echo "A server already listens on port 4848: stop it first." >&2
  exit 1
fi
pg_isready -h 127.0.0.1 -p $PGPORT -q || { echo "PostgreSQL is not running on 127.0.0.1:$PGPORT" >&2; exit 1; }
[ "${REUSE:-}" = 1 ] || psql -h 127.0.0.1 -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
  -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
sql() { psql -h 127.0.0.1 -U postgres -d $DB -tAq -v ON_ERROR_STOP=1 -c "$1"; }
# SLOW_MS=n: PostgreSQL logs each of the run's statements that takes n ms or more (its server log)
[ -z "${SLOW_MS:-}" ] || sql "ALTER DATABASE $DB SET log_min_duration_statement = ${SLOW_MS}"

[ "${SKIP_BUILD:-}" = 1 ] || mvn -B -ntp -q verify -DskipTests
result() { echo "RESULT $*" | tee -a $OUT/results.txt; }
if [ "${REUSE:-}" = 1 ]; then
  [ -f $OUT/residents.csv ] && [ -f $OUT/changed.csv ] || { echo "REUSE=1: no files of a run before in $OUT" >&2; exit 1; }
  rm -f $OUT/results.txt $OUT/jstat.txt
else
rm -rf "$OUT" && mkdir -p "$OUT"

echo "== $ROWS Entrata rows"
python3 ../shared/tools/gen-residents.py entrata "$ROWS" > $OUT/residents.csv
# 1 % of the residents gone (every 100th row), 1 % with a new email and unit (rows 50, 150, ...)
python3 - $OUT/residents.csv > $OUT/changed.csv <<'PY'
import csv, sys
rows = csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))
out = csv.writer(sys.stdout, lineterminator="\r\n")
header = next(rows); out.writerow(header)
email, unit = header.index("email"), header.index("unitNumber")
for i, row in enumerate(rows, 1):
    if i % 100 == 0:
        continue
    if i % 100 == 50:
        row[email] = f"moved.{i}@example.org"
        row[unit] = "9" + row[unit]
    out.writerow(row)
PY
echo "files: $(du -h $OUT/residents.csv | cut -f1) and $(du -h $OUT/changed.csv | cut -f1)"
fi

echo "== the floor: COPY into a plain table"
COLUMNS=$(head -1 $OUT/residents.csv | tr -d '\r' | sed 's/,/ text, /g; s/$/ text/')
sql "DROP TABLE IF EXISTS copy_floor"
sql "CREATE TABLE copy_floor ($COLUMNS)"
COPY_SECONDS=
for _ in 1 2 3; do
  sql "TRUNCATE copy_floor"
  T0=$(date +%s.%N)
  psql -h 127.0.0.1 -U postgres -d $DB -q -v ON_ERROR_STOP=1 \
    -c "\\copy copy_floor FROM '$OUT/residents.csv' WITH (FORMAT csv, HEADER true)"
  T=$(echo "$(date +%s.%N) - $T0" | bc)
  # the best of three: the floor is what COPY can do
  if [ -z "$COPY_SECONDS" ] || [ "$(echo "$T < $COPY_SECONDS" | bc)" = 1 ]; then COPY_SECONDS=$T; fi
done
sql "DROP TABLE copy_floor"
result "copy rows=$ROWS seconds=$(printf %.3f "$COPY_SECONDS") rate=$(echo "$ROWS / $COPY_SECONDS" | bc)/s"

export SPR_DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT/$DB SPR_DB_USER=postgres SPR_DB_PASSWORD=
export SPR_DB_CLASS=org.postgresql.ds.PGSimpleDataSource SPR_BOOTSTRAP_API_TOKEN=$TOKEN
export SPR_CRYPTO_ENCRYPTION_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
export SPR_CRYPTO_HASH_KEY=HxweHRwbGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgE=
# no mail server: the welcome messages wait in the outbox, as in the notification benchmark
$ASADMIN delete-domain $DOMAIN >/dev/null 2>&1 || true
$ASADMIN create-domain --nopassword=true $DOMAIN >/dev/null
JSTAT_PID=
trap '[ -z "$JSTAT_PID" ] || kill $JSTAT_PID 2>/dev/null || true; $ASADMIN stop-domain $DOMAIN >/dev/null 2>&1 || true' EXIT
$ASADMIN start-domain $DOMAIN >/dev/null
# the production tuning of the README
$ASADMIN set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=64 >/dev/null
$ASADMIN set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=16 >/dev/null
# the heap: the goal's limit (HEAP=1g by default), half of what Production recommends for a site
# of a million residents, in place of Payara's default of 512 MB
$ASADMIN delete-jvm-options -- '-Xmx512m' >/dev/null
$ASADMIN create-jvm-options -- "-Xmx${HEAP:-1g}" >/dev/null
# JFR=1: samples placed at the code they were taken in, not at the nearest safepoint (the domain
# unlocks the diagnostic options already)
[ "${JFR:-}" = 1 ] && $ASADMIN create-jvm-options '-XX\:+DebugNonSafepoints' >/dev/null
$ASADMIN restart-domain $DOMAIN >/dev/null
$ASADMIN deploy --name spr ear/target/spr.ear >/dev/null
for _ in $(seq 1 60); do curl -sf $BASE/health/ready >/dev/null && break; sleep 1; done
XMX=$($ASADMIN list-jvm-options | grep -o '^-Xmx[0-9a-zA-Z]*' || echo '(default)')

# the server's heap, sampled every second by one jstat for the whole run
PID=$(cat ear/target/payara6/glassfish/domains/$DOMAIN/config/pid)
jstat -gc "$PID" 1000 > $OUT/jstat.txt &
JSTAT_PID=$!

if [ "${REUSE:-}" = 1 ]; then
  SITE=$(sql "SELECT id FROM site WHERE name = 'Import benchmark' ORDER BY id DESC LIMIT 1")
  [ -n "$SITE" ] || { echo "REUSE=1: no site of a run before" >&2; exit 1; }
else
SITE=$(curl -sf -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"Import benchmark","timeZone":"America/New_York"}' $BASE/api/v1/sites | sed 's/.*"id":\([0-9]*\).*/\1/')
fi

# imports FILE LABEL: uploads the file (a full import) and watches it to its end
run_import() {
  local file=$1 label=$2 line seconds
  # from a quiet database: the writes of the import before flushed (a checkpoint), as a nightly
  # import finds it, not in the middle of writing back the gigabytes of a first import
  sql "CHECKPOINT"
  # one process uploads (its clock starts just before the request) and watches the import to its
  # end; post= is the upload request alone (staging, header check, line count, storing the file,
  # the job's launch)
  line=$(python3 perf/import-watch.py $BASE $TOKEN "/api/v1/sites/$SITE/imports?layout=entrata&mode=full" "$file" "$label")
  seconds=$(echo "$line" | grep -o ' seconds=[0-9.]*' | cut -d= -f2)
  result "$line rate=$(echo "$ROWS / $seconds" | bc)/s copy_ratio=$(printf %.1f "$(echo "$seconds / $COPY_SECONDS" | bc -l)")"
}

# the floor of the first import's writes: the rows it stored (the site's recipients, keys, audit
# events and messages) written again by one INSERT ... SELECT per table into empty copies of the
# tables with the same indexes and defaults (no foreign keys): what PostgreSQL needs to store them,
# before anything is parsed, checked, drawn, sealed or sent over the network
write_floor() {
  local total=0 parts="" t t0 s
  for t in recipient access_key audit_event notification; do
    sql "CREATE TABLE floor_$t (LIKE $t INCLUDING ALL)"
    t0=$(date +%s.%N)
    sql "INSERT INTO floor_$t SELECT * FROM $t WHERE site_id = $SITE"
    s=$(echo "$(date +%s.%N) - $t0" | bc)
    total=$(echo "$total + $s" | bc)
    parts="$parts,$t:$(printf %.1f "$s")"
    sql "DROP TABLE floor_$t"
  done
  result "write-floor seconds=$(printf %.2f "$total") tables=${parts#,} copy_ratio=$(printf %.1f "$(echo "$total / $COPY_SECONDS" | bc -l)")"
  # the same four writes at once, each on a connection of its own: what PostgreSQL needs to store
  # them with every core of the machine (the import's steps write one table after another within
  # a chunk's transaction, on one connection)
  for t in recipient access_key audit_event notification; do
    sql "CREATE TABLE floor_$t (LIKE $t INCLUDING ALL)"
  done
  sql "CHECKPOINT"
  local pids=""
  t0=$(date +%s.%N)
  for t in recipient access_key audit_event notification; do
    sql "INSERT INTO floor_$t SELECT * FROM $t WHERE site_id = $SITE" &
    pids="$pids $!"
  done
  # these four only (jstat runs in the background too), each: one that failed stops the run
  for t in $pids; do wait "$t"; done
  s=$(echo "$(date +%s.%N) - $t0" | bc)
  for t in recipient access_key audit_event notification; do
    sql "DROP TABLE floor_$t"
  done
  result "write-floor-at-once seconds=$(printf %.2f "$s") copy_ratio=$(printf %.1f "$(echo "$s / $COPY_SECONDS" | bc -l)")"
}

# the floor of the 1 % change's writes: after the 1 % import, the same writes made again on another
# 1 % of the site (lines 25, 125, ... of the first file get a new email and unit; lines 75, 175,
# ... move out, their active keys deactivated and audited), set-based in one transaction from a
# checkpoint, as the import finds the database, and rolled back: what PostgreSQL needs for the
# change alone, before a line is read or compared
change_floor() {
  python3 - $OUT/residents.csv $OUT <<'PY'
import csv, sys
rows = csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))
header = next(rows); rid = header.index("customerId")
changed = open(sys.argv[2] + "/floor-changed.txt", "w"); gone = open(sys.argv[2] + "/floor-gone.txt", "w")
for i, row in enumerate(rows, 1):
    if i % 100 == 25:
        changed.write(row[rid] + "\n")
    if i % 100 == 75:
        gone.write(row[rid] + "\n")
PY
  local s
  s=$(psql -h 127.0.0.1 -U postgres -d $DB -tAq -v ON_ERROR_STOP=1 <<SQL | tail -1
CREATE TEMP TABLE floor_changed (external_id varchar(100));
CREATE TEMP TABLE floor_gone (external_id varchar(100));
\copy floor_changed FROM '$OUT/floor-changed.txt'
\copy floor_gone FROM '$OUT/floor-gone.txt'
ANALYZE floor_changed;
ANALYZE floor_gone;
CHECKPOINT;
BEGIN;
CREATE TEMP TABLE floor_t0 AS SELECT clock_timestamp() AS t0;
UPDATE recipient r SET email = 'floor.' || r.email, unit = '8' || r.unit, updated_at = now(),
  version = r.version + 1, import_version = r.version + 1
  FROM floor_changed f WHERE r.site_id = $SITE AND r.external_id = f.external_id;
CREATE TEMP TABLE floor_moved AS WITH m AS (UPDATE recipient r SET status = 'MOVED_OUT',
  updated_at = now(), version = r.version + 1 FROM floor_gone g
  WHERE r.site_id = $SITE AND r.external_id = g.external_id AND r.status = 'ACTIVE' RETURNING r.id)
  SELECT id FROM m;
WITH locked AS (SELECT id FROM access_key WHERE holder_kind = 'RECIPIENT'
  AND holder_id IN (SELECT id FROM floor_moved) AND status = 'ACTIVE' ORDER BY id FOR UPDATE),
 gone AS (UPDATE access_key k SET status = 'INACTIVE', updated_at = now(), version = k.version + 1
  FROM locked WHERE k.id = locked.id RETURNING k.site_id, k.id, k.type, k.holder_kind, k.holder_id)
INSERT INTO audit_event (site_id, occurred_at, type, actor, key_id, key_type, holder_kind, holder_id,
  kiosk_id, detail)
  SELECT site_id, now(), 'KEY_DEACTIVATED', 'floor', id, type, holder_kind, holder_id, NULL, NULL
  FROM gone ORDER BY id;
SELECT (SELECT count(*) FROM floor_changed) || ' ' || (SELECT count(*) FROM floor_moved) || ' '
  || extract(epoch FROM clock_timestamp() - t0) FROM floor_t0;
ROLLBACK;
SQL
)
  set -- $s
  result "change-floor seconds=$(printf %.2f "$3") updated=$1 moved_out=$2 copy_ratio=$(printf %.1f "$(echo "$3 / $COPY_SECONDS" | bc -l)")"
}

echo "== imports into site $SITE"
if [ "${REUSE:-}" = 1 ]; then
  # the keys the 1 % run before deactivated hold PINs the moved-out residents' return would draw
  # anew: freed, so that the site's six-digit PINs (97 % taken by the first import) do not run out
  # after a few runs (a harness's reset, not something the product does)
  sql "DELETE FROM access_key WHERE site_id = $SITE AND status = 'INACTIVE'"
  run_import $OUT/residents.csv restore
else
run_import $OUT/residents.csv first
result "issued: pins=$(sql "SELECT count(*) FROM access_key WHERE site_id = $SITE AND type = 'PIN'")" \
  "qr=$(sql "SELECT count(*) FROM access_key WHERE site_id = $SITE AND type = 'QR'")" \
  "messages=$(sql "SELECT count(*) FROM notification WHERE site_id = $SITE")"
sql "CHECKPOINT"
write_floor
fi
# JFR=1: a Java Flight Recorder profile of the server during the unchanged import
# (perf/target/import/unchanged.jfr; `jfr print --events jdk.ExecutionSample` reads it)
[ "${JFR:-}" = 1 ] && jcmd "$PID" JFR.start name=unchanged settings=profile >/dev/null
run_import $OUT/residents.csv unchanged
[ "${JFR:-}" = 1 ] && jcmd "$PID" JFR.stop name=unchanged filename="$PWD/$OUT/unchanged.jfr" >/dev/null
run_import $OUT/changed.csv one-percent
change_floor
kill $JSTAT_PID 2>/dev/null || true
JSTAT_PID=
# used heap = survivors + eden + old (KiB); the peak of the samples
python3 - $OUT/jstat.txt "$XMX" <<'PY' | tee -a $OUT/results.txt
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
head = rows[0]; data = [dict(zip(head, map(float, r))) for r in rows[1:] if r[0] != head[0]]
used = [d["S0U"] + d["S1U"] + d["EU"] + d["OU"] for d in data]
print(f"RESULT heap peak_used={max(used) / 1024:.0f}MiB peak_old={max(d['OU'] for d in data) / 1024:.0f}MiB"
      f" peak_committed={max(d['S0C'] + d['S1C'] + d['EC'] + d['OC'] for d in data) / 1024:.0f}MiB"
      f" max_heap={sys.argv[2]} samples={len(data)}")
PY

[ "${REUSE:-}" = 1 ] && exit 0
echo "== EXPLAIN of the import's queries on the site of $(sql "SELECT count(*) FROM recipient") recipients and $(sql "SELECT count(*) FROM access_key") keys"
# the lines of a staged import of the whole site, as the read step leaves them, for the planner
sql "VACUUM ANALYZE"
IMP=$(sql "INSERT INTO recipient_import (id, site_id, layout, mode, forced, status, file_path, file_bytes, started_by, created_at)
           VALUES (nextval('recipient_import_seq'), $SITE, 'entrata', 'FULL', FALSE, 'COMPLETED', '-', 0, 'explain', now()) RETURNING id" | head -1)
sql "INSERT INTO import_line (import_id, line, external_id, first_name, last_name, unit, email, phone, moved_out)
     SELECT $IMP, row_number() OVER (ORDER BY id) + 1, external_id, first_name, last_name, unit, email, phone, status <> 'ACTIVE'
     FROM recipient WHERE site_id = $SITE"
# and 2 % of the site unseen (as by a file with 1 % changed, 1 % gone)
sql "INSERT INTO import_unseen (import_id, recipient_id) SELECT $IMP, id FROM recipient WHERE site_id = $SITE AND id % 50 = 0"
sql "ANALYZE import_line"
sql "ANALYZE import_unseen"
KEYS=$(sql "SELECT string_agg(holder_id::text, ',') FROM (SELECT holder_id FROM access_key WHERE site_id = $SITE LIMIT 1000) k")
HASHES=$(sql "SELECT string_agg(quote_literal(lookup_hash), ',') FROM (SELECT lookup_hash FROM access_key WHERE site_id = $SITE LIMIT 1000) k")
LINES=$(sql "SELECT string_agg(line::text, ',') FROM import_line WHERE import_id = $IMP AND line BETWEEN 5000 AND 5999")
IDS=$(sql "SELECT string_agg(quote_ident(external_id), ',') FROM import_line WHERE import_id = $IMP AND line BETWEEN 5000 AND 5999")
# each statement is marked [chunk] (run for each transaction of a step: it must not read the whole
# site) or [once] (run once per import: the comparison of all lines, the safeguard's counts, the
# search for the missing read every resident of the site, which they must)
explain() { { echo "-- $1"; sql "EXPLAIN $2"; echo; } >> $OUT/explain.txt; }
explain "[chunk] apply: a window of 100 000 pending lines compared with their recipients, one probe each" \
  "SELECT l.line, CASE WHEN r.id IS NOT NULL AND r.first_name = l.first_name AND r.last_name = l.last_name
   AND r.unit = l.unit AND r.email IS NOT DISTINCT FROM l.email AND r.phone IS NOT DISTINCT FROM l.phone
   AND (r.status = 'ACTIVE') = (l.moved_out = FALSE) AND r.import_hash = l.line_hash
   AND r.import_version = r.version THEN 0 ELSE 1 END
   FROM import_line l LEFT JOIN LATERAL (SELECT id, status, first_name, last_name, unit, email, phone,
   import_hash, import_version, version
   FROM recipient WHERE site_id = $SITE AND external_id = l.external_id LIMIT 1) r ON TRUE
   WHERE l.import_id = $IMP AND l.line > 100000 AND l.line <= 200000 AND l.error IS NULL AND l.outcome IS NULL"
explain "[chunk] apply: the chunk's lines of work" \
  "SELECT line, external_id, first_name, last_name, unit, email, phone, moved_out FROM import_line
   WHERE import_id = $IMP AND line BETWEEN 5000 AND 5999 AND line IN ($LINES) ORDER BY line"
explain "[chunk] apply: their recipients, one look-up of the (site, id) index each" \
  "SELECT r.id, x.e, r.status, r.first_name, r.last_name, r.unit, r.email, r.phone
   FROM unnest('{$IDS}'::varchar[]) AS x(e) CROSS JOIN LATERAL (SELECT id, status, first_name,
   last_name, unit, email, phone FROM recipient WHERE site_id = $SITE AND external_id = x.e LIMIT 1) r"
explain "[chunk] apply: PINs drawn, checked against the live keys" \
  "SELECT lookup_hash FROM access_key WHERE lookup_hash IN ($HASHES)"
explain "[chunk] apply: ... and against the retired values" \
  "SELECT lookup_hash, reusable_after FROM retired_key_value WHERE lookup_hash IN ($HASHES)"
explain "[chunk] apply and move-out: keys of moved-out residents, audited" \
  "SELECT site_id, id, type, holder_kind, holder_id FROM access_key WHERE holder_kind = 'RECIPIENT'
   AND holder_id IN ($KEYS) AND status = 'ACTIVE' ORDER BY id"
explain "[chunk] apply and move-out: ... and deactivated" \
  "UPDATE access_key SET status = 'INACTIVE', version = version + 1 WHERE holder_kind = 'RECIPIENT'
   AND holder_id IN ($KEYS) AND status = 'ACTIVE'"
explain "[chunk] apply: moved back in, holding an active key" \
  "SELECT DISTINCT holder_id FROM access_key WHERE holder_kind = 'RECIPIENT' AND holder_id IN ($KEYS) AND status = 'ACTIVE'"
explain "[chunk] read: a batch's suspect lines (an id hash seen before) refused when an earlier line holds their id" \
  "UPDATE import_line SET error = 'dup' WHERE (import_id, line) >= ($IMP, 100000) AND (import_id, line) <= ($IMP, 150000)
   AND line BETWEEN 100000 AND 150000 AND line IN (100000, 120000, 150000) AND error IS NULL
   AND (SELECT MIN(f.line) FROM import_line f WHERE f.import_id = import_line.import_id
   AND f.external_id = import_line.external_id AND f.error IS NULL) < line"
explain "[chunk] the import's report (GET /api/v1/imports/{id}): its first refused lines" \
  "SELECT line, error FROM import_line WHERE import_id = $IMP AND error IS NOT NULL ORDER BY line FETCH FIRST 1000 ROWS ONLY"
explain "[once] check: residents the file's statuses move out" \
  "SELECT COUNT(*) FROM import_line l CROSS JOIN LATERAL (SELECT 1 FROM recipient
   WHERE site_id = $SITE AND external_id = l.external_id AND status = 'ACTIVE' LIMIT 1) r
   WHERE l.import_id = $IMP AND l.error IS NULL AND l.moved_out = TRUE"
explain "[once] read: the site's residents a line may leave unchanged (fingerprints), and the active imported" \
  "SELECT id, external_id, CASE WHEN import_version = version THEN import_hash END,
   status = 'ACTIVE' AND source = 'IMPORT' FROM recipient WHERE site_id = $SITE
   AND ((import_hash IS NOT NULL AND import_version = version) OR (status = 'ACTIVE' AND source = 'IMPORT'))"
explain "[once] check: residents missing from the file (among those no line left unchanged)" \
  "SELECT COUNT(*) FROM import_unseen u CROSS JOIN LATERAL (SELECT id, site_id, external_id
   FROM recipient WHERE id = u.recipient_id AND status = 'ACTIVE' AND source = 'IMPORT' LIMIT 1) r
   WHERE u.import_id = $IMP
   AND NOT EXISTS (SELECT 1 FROM import_line l WHERE l.import_id = u.import_id AND l.external_id = r.external_id)"
explain "[once] check: the site's active residents" \
  "SELECT COUNT(*) FROM recipient WHERE site_id = $SITE AND status = 'ACTIVE'"
explain "[once] move-out: the missing, read once" \
  "SELECT r.id FROM import_unseen u CROSS JOIN LATERAL (SELECT id, site_id, external_id
   FROM recipient WHERE id = u.recipient_id AND status = 'ACTIVE' AND source = 'IMPORT' LIMIT 1) r
   WHERE u.import_id = $IMP
   AND NOT EXISTS (SELECT 1 FROM import_line l WHERE l.import_id = u.import_id AND l.external_id = r.external_id)
   AND r.site_id = $SITE AND u.recipient_id > 0 ORDER BY u.recipient_id"
explain "[chunk] move-out: the page's residents" \
  "SELECT id FROM recipient WHERE id IN ($KEYS) AND status = 'ACTIVE' ORDER BY id FOR UPDATE"
sql "DELETE FROM import_line WHERE import_id = $IMP"
sql "DELETE FROM import_unseen WHERE import_id = $IMP"
sql "DELETE FROM recipient_import WHERE id = $IMP"
# sequential scans of access_key, recipient or import_line in the [chunk] statements (the [once]
# ones may)
SEQ=$(awk '/^-- /{chunk = /\[chunk\]/} chunk && /Seq Scan on (access_key|recipient|import_line)( |$)/' $OUT/explain.txt | sort | uniq -c | tr -s ' ' | paste -sd ';' || true)
ONCE=$(awk '/^-- /{once = /\[once\]/} once && /Seq Scan on (access_key|recipient)( |$)/' $OUT/explain.txt | wc -l)
result "explain queries=$(grep -c '^-- ' $OUT/explain.txt) per_chunk_seq_scans_of_access_key_recipient_or_import_line=${SEQ:-none} once_per_import_seq_scans=$ONCE (plans in $OUT/explain.txt)"
