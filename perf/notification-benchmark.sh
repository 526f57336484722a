#!/usr/bin/env bash
# Delivery benchmark: 10 000 welcome emails (PIN, HTML and an inline QR code PNG each) queued in
# the outbox by a resident import while no mail server is configured, then delivered by the
# dispatcher to a local SMTP server once the server is started with one. Prints messages per
# second from the first to the last send (sent_at in the database).
#
# SMTP=sink (default): perf/SmtpSink.java, a minimal SMTP server that takes and drops messages, so
# the figure is the sender's; SMTP=greenmail: GreenMail standalone, which parses and stores every
# message in memory (it becomes the bottleneck).
#
# Usage: bash perf/notification-benchmark.sh   (MESSAGES, SMTP may be set in the environment)
# Needs: PostgreSQL on 127.0.0.1:5432 (trust auth), ports 8080, 4848 and 3025 free, python3.
set -euo pipefail
cd "$(dirname "$0")/.."

MESSAGES=${MESSAGES:-10000}
SMTP=${SMTP:-sink}
DB=spr_perf_mail
DOMAIN=spr-perf
OUT=perf/target/notifications
TOKEN=perf-bootstrap-token-0123456789abcdef
BASE=http://127.0.0.1:8080
ASADMIN=ear/target/payara6/bin/asadmin
GREENMAIL_VERSION=2.1.13

if (exec 3<>/dev/tcp/127.0.0.1/4848) 2>/dev/null; then
  echo "A server already listens on port 4848: stop it first." >&2
  exit 1
fi
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL is not running on 127.0.0.1:5432" >&2; exit 1; }
psql -h 127.0.0.1 -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
  -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
sql() { psql -h 127.0.0.1 -U postgres -d $DB -tAq -c "$1"; }

[ "${SKIP_BUILD:-}" = 1 ] || mvn -B -ntp -q verify -DskipTests
rm -rf "$OUT" && mkdir -p "$OUT"
# GreenMail standalone from Maven Central, if asked for
[ "$SMTP" != greenmail ] || mvn -B -ntp -q dependency:copy -Dartifact=com.icegreen:greenmail-standalone:$GREENMAIL_VERSION \
  -DoutputDirectory="$OUT" -Dmdep.stripVersion=true

# residents that all have an email address, so that each brings exactly one email
python3 ../shared/tools/gen-residents.py yardi $((MESSAGES * 2)) --seed 7 --former 0 \
  | python3 -c '
import csv, sys
rows = csv.reader(sys.stdin); out = csv.writer(sys.stdout, lineterminator="\r\n")
header = next(rows); out.writerow(header); email = header.index("Email"); left = int(sys.argv[1])
for row in rows:
    if left and row[email].strip():
        out.writerow(row); left -= 1
' "$MESSAGES" > $OUT/residents.csv

export SPR_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPR_DB_USER=postgres SPR_DB_PASSWORD=
export SPR_DB_CLASS=org.postgresql.ds.PGSimpleDataSource SPR_BOOTSTRAP_API_TOKEN=$TOKEN
export SPR_CRYPTO_ENCRYPTION_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
export SPR_CRYPTO_HASH_KEY=HxweHRwbGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgE=
$ASADMIN delete-domain $DOMAIN >/dev/null 2>&1 || true
$ASADMIN create-domain --nopassword=true $DOMAIN >/dev/null
GM_PID=
trap '$ASADMIN stop-domain $DOMAIN >/dev/null 2>&1 || true; [ -z "$GM_PID" ] || kill $GM_PID 2>/dev/null || true' EXIT

echo "== queueing: import of $MESSAGES residents with no mail server configured"
$ASADMIN start-domain $DOMAIN >/dev/null
$ASADMIN deploy --name spr ear/target/spr.ear >/dev/null
for _ in $(seq 1 60); do curl -sf $BASE/health/ready >/dev/null && break; sleep 1; done
SITE=$(curl -sf -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"Mail benchmark","timeZone":"America/New_York"}' $BASE/api/v1/sites | sed 's/.*"id":\([0-9]*\).*/\1/')
IMPORT=$(curl -sf -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary @$OUT/residents.csv "$BASE/api/v1/sites/$SITE/imports?layout=yardi" | sed 's/.*"id":\([0-9]*\).*/\1/')
for _ in $(seq 1 600); do
  STATUS=$(curl -sf -H "Authorization: Bearer $TOKEN" $BASE/api/v1/imports/$IMPORT | sed 's/.*"status":"\([A-Z]*\)".*/\1/')
  [ "$STATUS" = COMPLETED ] || [ "$STATUS" = FAILED ] && break
  sleep 1
done
echo "import $STATUS; queued: $(sql "SELECT count(*) FROM notification WHERE channel = 'EMAIL' AND status = 'PENDING'") emails"
$ASADMIN stop-domain $DOMAIN >/dev/null

echo "== delivering to $SMTP on 127.0.0.1:3025"
if [ "$SMTP" = greenmail ]; then
  java -Xmx2g -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port=3025 \
    -jar $OUT/greenmail-standalone.jar > $OUT/smtp.log 2>&1 &
else
  java perf/SmtpSink.java 3025 > $OUT/smtp.log 2>&1 &
fi
GM_PID=$!
for _ in $(seq 1 30); do (exec 3<>/dev/tcp/127.0.0.1/3025) 2>/dev/null && break; sleep 1; done
export SPR_MAIL_SMTP_HOST=127.0.0.1 SPR_MAIL_SMTP_PORT=3025 SPR_MAIL_SMTP_STARTTLS=false
STARTED=$(date +%s)
$ASADMIN start-domain $DOMAIN >/dev/null
QUEUED=$(sql "SELECT count(*) FROM notification WHERE channel = 'EMAIL'")
while :; do
  LEFT=$(sql "SELECT count(*) FROM notification WHERE channel = 'EMAIL' AND status = 'PENDING'")
  [ "$LEFT" -eq 0 ] && break
  [ $(( $(date +%s) - STARTED )) -gt 900 ] && { echo "not all sent after 15 minutes: $LEFT left" >&2; exit 1; }
  sleep 2
done
sql "SELECT 'RESULT messages=' || count(*) || ' sent=' || count(*) FILTER (WHERE status = 'SENT')
      || ' failed=' || count(*) FILTER (WHERE status = 'FAILED')
      || ' seconds=' || round(extract(epoch FROM max(sent_at) - min(sent_at))::numeric, 1)
      || ' rate=' || round((count(*) FILTER (WHERE status = 'SENT')
                            / greatest(extract(epoch FROM max(sent_at) - min(sent_at)), 0.001))::numeric) || '/s'
     FROM notification WHERE channel = 'EMAIL'" | sed "s/^RESULT /RESULT smtp=$SMTP /" | tee $OUT/results.txt
echo "(from server start to the last send: $(( $(date +%s) - STARTED )) s for $QUEUED emails)"
