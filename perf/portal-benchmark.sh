#!/usr/bin/env bash
# The portal's Recipients benchmark (see perf/README.md): a site with 100 000 recipients in
# PostgreSQL, a staff member signed in through Secure Sign-In with the emailed verification code,
# and full portal requests one after the other: the Recipients page, a search by name, the next
# page and the one-time PIN dialog's autocomplete; p50 and p95 of each.
# Usage: flock /tmp/spr-build.lock bash perf/portal-benchmark.sh
#   (RECIPIENTS=100000 REQUESTS=300 SMTP_PORT=3025 may be set; SKIP_BUILD=1 skips the build;
#    SETUP_ONLY=1 leaves the server running with its data, for EXPLAIN or a profiler)
set -euo pipefail
cd "$(dirname "$0")/.."

RECIPIENTS=${RECIPIENTS:-100000}
REQUESTS=${REQUESTS:-300}
SMTP_PORT=${SMTP_PORT:-3025}
DB=spr_perf_portal
OUT=perf/target/portal
TOKEN=perf-bootstrap-token-0123456789abcdef
BASE=http://127.0.0.1:8080
ASADMIN=ear/target/payara6/bin/asadmin

if (exec 3<>/dev/tcp/127.0.0.1/4848) 2>/dev/null; then
  echo "A server already listens on port 4848: stop it first." >&2
  exit 1
fi
if (exec 3<>/dev/tcp/127.0.0.1/$SMTP_PORT) 2>/dev/null; then
  echo "Port $SMTP_PORT is taken: the benchmark's SMTP server needs it (SMTP_PORT=...)." >&2
  exit 1
fi
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL is not running on 127.0.0.1:5432" >&2; exit 1; }
psql -h 127.0.0.1 -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
  -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" \
  -c "ALTER DATABASE $DB SET session_preload_libraries = 'auto_explain'" \
  -c "ALTER DATABASE $DB SET auto_explain.log_min_duration = '${EXPLAIN_MS:-20}ms'"
# the plans of the statements slower than EXPLAIN_MS (20 ms) go to PostgreSQL's log (auto_explain):
# the script counts those that read the whole recipient table
PGLOG=$(ls -t /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -1 || true)

[ "${SKIP_BUILD:-}" = 1 ] || mvn -B -ntp -q -o verify -DskipTests
rm -rf "$OUT" && mkdir -p "$OUT"

export SPR_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPR_DB_USER=postgres SPR_DB_PASSWORD=
export SPR_DB_CLASS=org.postgresql.ds.PGSimpleDataSource SPR_BOOTSTRAP_API_TOKEN=$TOKEN
export SPR_CRYPTO_ENCRYPTION_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
export SPR_CRYPTO_HASH_KEY=HxweHRwbGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgE=
# the verification code's email goes to the benchmark client's own SMTP server
export SPR_MAIL_SMTP_HOST=127.0.0.1 SPR_MAIL_SMTP_PORT=$SMTP_PORT SPR_MAIL_SMTP_STARTTLS=false
$ASADMIN delete-domain spr-perf >/dev/null 2>&1 || true
$ASADMIN create-domain --nopassword=true spr-perf >/dev/null
trap '$ASADMIN stop-domain spr-perf >/dev/null 2>&1 || true' EXIT
$ASADMIN start-domain spr-perf >/dev/null
$ASADMIN set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=64 >/dev/null
$ASADMIN set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=16 >/dev/null
$ASADMIN restart-domain spr-perf >/dev/null
$ASADMIN deploy --name spr ear/target/spr.ear >/dev/null
for _ in $(seq 1 60); do curl -sf $BASE/health/ready >/dev/null && break; sleep 1; done

java perf/PortalBench.java setup $BASE $TOKEN $OUT
SITE=$(cat $OUT/site)
read -r FIRST LAST <<<"$(java perf/PortalBench.java names)"
echo "== $RECIPIENTS recipients at site $SITE (SQL), the staff member's password"
# names from the client's syllable lists (900 last names, about 111 residents each), one in 23
# moved out, most imported (with a resident id), an email and an E.164 phone each
psql -h 127.0.0.1 -U postgres -d $DB -q -v ON_ERROR_STOP=1 <<SQL
UPDATE account SET password_hash = '$(cat $OUT/password-hash)', status = 'ACTIVE'
 WHERE id = $(cat $OUT/account);
INSERT INTO recipient (id, site_id, external_id, first_name, last_name, sort_name, unit, email,
                       phone, status, source, created_at, updated_at, version)
SELECT 2000000000 + n, $SITE, 'R' || n, f, l, lower(l) || ' ' || lower(f),
       (1 + n % 40) || chr(65 + n % 8), lower(f) || '.' || lower(l) || '.' || n || '@example.org',
       '+1212' || lpad((n % 10000000)::text, 7, '0'),
       CASE WHEN n % 23 = 0 THEN 'MOVED_OUT' ELSE 'ACTIVE' END,
       CASE WHEN n % 10 = 0 THEN 'MANUAL' ELSE 'IMPORT' END, now(), now(), 1
FROM (SELECT n,
             (ARRAY['Ana','Ben','Chidi','Dana','Eli','Fatima','Gus','Hana','Ivan','Jun','Kim',
                    'Luca','Mia','Noor','Omar','Pia','Raj','Sara','Tom','Yara'])[1 + (n / 900) % 20] AS f,
             ($FIRST)[1 + n % 30] || ($LAST)[1 + (n / 30) % 30] AS l
        FROM generate_series(1, $RECIPIENTS) AS n) AS g;
VACUUM ANALYZE recipient;
VACUUM ANALYZE account;
CHECKPOINT;
SQL
echo "recipients at the site: $(psql -h 127.0.0.1 -U postgres -d $DB -Atc "SELECT COUNT(*) FROM recipient WHERE site_id = $SITE")"
if [ "${SETUP_ONLY:-}" = 1 ]; then
  trap - EXIT
  echo "The server runs with the data set up (domain spr-perf, database $DB): stop it with $ASADMIN stop-domain spr-perf"
  exit 0
fi

echo "== signing in and measuring ($REQUESTS requests of each, one at a time, after a warm-up)"
LOG_FROM=$( [ -n "$PGLOG" ] && stat -c %s "$PGLOG" || echo 0)
java perf/PortalBench.java measure $BASE $OUT "$SMTP_PORT" "$REQUESTS" | tee $OUT/results.txt
if [ -n "$PGLOG" ]; then
  tail -c +"$((LOG_FROM + 1))" "$PGLOG" > $OUT/slow-plans.log || true
  echo "RESULT portal statements over ${EXPLAIN_MS:-20} ms: $(grep -c 'duration:' $OUT/slow-plans.log || true)," \
    "of which reading the whole recipient table: $(grep -c 'Seq Scan on recipient ' $OUT/slow-plans.log || true)" \
    "(plans in $OUT/slow-plans.log)" | tee -a $OUT/results.txt
fi
