#!/usr/bin/env bash
# Fills a fresh portal database with national-scale data (see generate.sql): starts the portal on a
# new embedded PostgreSQL in bench/data/postgres (Flyway migrates it, the demo profile seeds the
# five real counties whose figures give the magnitudes), runs the generator through psql, stops the
# portal. An earlier bench/data/postgres is replaced.
#
#   bench/generate.sh            # data in bench/data/postgres, PostgreSQL on port 54329
#
# Needs psql (Debian package postgresql-client) besides the JDK; builds the jar when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${BENCH_PG_PORT:-54329}"
DATA=bench/data/postgres
APP_PORT="${BENCH_APP_PORT:-8089}"

command -v psql >/dev/null || { echo "psql is needed: apt-get install -y postgresql-client" >&2; exit 1; }
if ! ls target/fazhi-portal-*.jar >/dev/null 2>&1; then
    ./mvnw -B -q -DskipTests package
fi
JAR=$(ls target/fazhi-portal-*.jar | grep -v plain | head -1)

if pgrep -f "embedded-postgres.data-directory=$DATA" >/dev/null; then
    echo "a portal is running on $DATA: stop it first" >&2
    exit 1
fi
begin=$(date +%s)
rm -rf "$DATA"
mkdir -p bench/data
echo "starting the portal on a new $DATA (PostgreSQL port $PORT) to migrate and seed it"
java -Xmx512m -jar "$JAR" --spring.profiles.active=demo --server.port="$APP_PORT" \
    --portal.embedded-postgres.data-directory="$DATA" --portal.embedded-postgres.port="$PORT" \
    > bench/data/generate-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null 2>&1 && break
    kill -0 $APP 2>/dev/null || { echo "the portal did not start: see bench/data/generate-app.log" >&2; exit 1; }
    sleep 1
done
curl -fs "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null
# the embedded server asks for the password it made at its first start (mode 0600 in its data directory)
export PGPASSWORD="$(cat "$DATA/portal-db-password")"

echo "generating"
start=$(date +%s)
psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -q -X -f bench/generate.sql | tee bench/data/generate.log
# bench/run.sh reads the statements of each page from PostgreSQL's log (from the next start on)
psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -q -X -c "alter system set logging_collector = on"
end=$(date +%s)
echo "generated in $(( end - start )) s (with the portal's start, $(( end - begin )) s)" | tee -a bench/data/generate.log
