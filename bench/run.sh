#!/usr/bin/env bash
# The load benchmark of issue 9: starts the portal (-Xmx512m, embedded PostgreSQL) on the national
# data of bench/generate.sh, logs in, drives each page with wrk at 1, 8 and 32 connections and a
# peak-season mix at 32, measures each dashboard's floor (its SQL alone through psql, EXPLAIN
# ANALYZE; a static file of the page's size from the same server), checks that an approval shows in
# the province ranking on the next request, and prints the table (kept in bench/data/run-*/).
#
#   bench/run.sh                          # everything (about 15 minutes)
#   BENCH_DURATION=5s BENCH_CONNECTIONS="8" bench/run.sh     # a quick look
#   BENCH_QUIET=0 bench/run.sh            # do not wait for a quiet machine first
#   BENCH_SCENARIOS="form save" BENCH_MIXED=0 bench/run.sh    # some pages only
#
# Needs a JDK 17 and psql; installs wrk (Debian package) when it is missing; runs bench/generate.sh
# when there is no data yet.
set -euo pipefail
cd "$(dirname "$0")/.."
PG_PORT="${BENCH_PG_PORT:-54329}"
APP_PORT="${BENCH_APP_PORT:-8089}"
DURATION="${BENCH_DURATION:-15s}"   # per row; BENCH_WARMUP (30s) per page before the rows
CONNECTIONS="${BENCH_CONNECTIONS:-1 8 32}"
BASE="http://127.0.0.1:$APP_PORT"
OUT="bench/data/run-$(date +%Y%m%d-%H%M%S)"
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -X -q -At)

command -v psql >/dev/null || { echo "psql is needed: apt-get install -y postgresql-client" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
    echo "installing wrk"
    apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
fi
if ! ls target/fazhi-portal-*.jar >/dev/null 2>&1; then
    ./mvnw -B -q -DskipTests package
fi
JAR=$(ls target/fazhi-portal-*.jar | grep -v plain | head -1)
[ -d bench/data/postgres ] || bench/generate.sh
# the embedded server asks for its password (made at its first start, mode 0600 in its data directory)
export PGPASSWORD="$(cat bench/data/postgres/portal-db-password)"
mkdir -p "$OUT/static/images"

# ---- a quiet machine: no other build's tests, load below 0.5 (up to 20 minutes)
if [ "${BENCH_QUIET:-1}" = 1 ]; then
    for _ in $(seq 1 40); do
        load=$(cut -d' ' -f1 /proc/loadavg)
        if ! pgrep -f 'surefire|plexus-classworlds' >/dev/null && awk "BEGIN{exit !($load < 0.5)}"; then break; fi
        echo "waiting for a quiet machine (load $load)"; sleep 30
    done
fi
echo "load before the run: $(cat /proc/loadavg)" | tee "$OUT/machine.txt"

# ---- the portal
start_portal() {
    java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$APP_PORT" \
        --portal.embedded-postgres.data-directory=bench/data/postgres --portal.embedded-postgres.port="$PG_PORT" \
        --spring.web.resources.static-locations="classpath:/static/,file:$OUT/static/" \
        > "$OUT/app.log" 2>&1 &
    APP=$!
    for _ in $(seq 1 180); do
        curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && return 0
        kill -0 $APP 2>/dev/null || { echo "the portal did not start: see $OUT/app.log" >&2; exit 1; }
        sleep 1
    done
    echo "the portal did not answer in 3 minutes" >&2; exit 1
}
stop_portal() { kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; }
trap stop_portal EXIT
start_portal
# the floor reads each page's statements from PostgreSQL's log: it needs the logging collector
if [ "$("${PSQL[@]}" -c 'show logging_collector')" != on ]; then
    "${PSQL[@]}" -c "alter system set logging_collector = on"
    stop_portal; start_portal
fi

# ---- sessions: per connection a 云南省 reviewer, a national reviewer and the clerk of a county whose
# 2024 report is a draft (each connection its own county, so that saves never conflict)
login() { # user cookie-jar → prints the session cookie
    local jar=$2 token
    rm -f "$jar" # a login from a logged-in session would move that session, not open another
    token=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=bench-pass-2026" \
        --data-urlencode "_csrf=$token" "$BASE/login"
    awk '$6 == "JSESSIONID" { print "JSESSIONID=" $7 }' "$jar"
}
MAXC=$(echo $CONNECTIONS 32 | tr ' ' '\n' | sort -n | tail -1)
mapfile -t COUNTIES < <("${PSQL[@]}" -c "select county_code from annual_report where year = 2024 and status in ('DRAFT', 'RETURNED')
    order by md5(county_code) limit $MAXC")
echo "logging in $MAXC × 3 sessions"
: > "$OUT/sessions.tsv"
for i in $(seq 0 $((MAXC - 1))); do
    county=${COUNTIES[$i]}
    yn=$(login bench-reviewer-530000 "$OUT/jar-yn")
    cn=$(login bench-reviewer-national "$OUT/jar-cn")
    clerk=$(login "bench-clerk-$county" "$OUT/jar-clerk")
    form=$(curl -s -b "$OUT/jar-clerk" "$BASE/counties/$county/reports/2024/edit?section=ENFORCEMENT")
    csrf=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$form" | head -1 | sed 's/.*value="//;s/"$//')
    version=$(grep -o 'name="version" value="[0-9]*"' <<<"$form" | head -1 | grep -o '[0-9]*"$' | tr -d '"')
    # what the browser posts: the section's values and explanations and the blank custom-figure row
    body="section=ENFORCEMENT$(grep -o 'name="values\[[A-Z0-9_]*\]" value="[^"]*"' <<<"$form" | grep -v 'values\[ENF_INSPECTIONS\]"' \
        | sed 's/name="\([^"]*\)" value="\([^"]*\)"/\&\1=\2/' | tr -d '\n')$(grep -o 'name="explanations\[[A-Z0-9_]*\]"' <<<"$form" \
        | sort -u | sed 's/name="\([^"]*\)"/\&\1=/' | tr -d '\n')&added.name=&added.value=&added.unit=&added.note="
    [ -n "$csrf" ] && [ -n "$version" ] || { echo "no form for $county" >&2; exit 1; }
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$yn" "$cn" "$clerk" "$csrf" "$county" "$version" "$body" >> "$OUT/sessions.tsv"
done
export BENCH_SESSIONS="$OUT/sessions.tsv"

refresh_versions() { # each clerk's report version and varied value as they are now (earlier saves moved them on)
    local yn cn clerk csrf county version body stored form
    while IFS=$'\t' read -r yn cn clerk csrf county version body stored; do
        form=$(curl -s -H "Cookie: $clerk" "$BASE/counties/$county/reports/2024/edit?section=ENFORCEMENT")
        version=$(grep -o 'name="version" value="[0-9]*"' <<<"$form" | head -1 | grep -o '[0-9]*"$' | tr -d '"')
        stored=$(grep -o 'name="values\[ENF_INSPECTIONS\]" value="[0-9]*"' <<<"$form" | head -1 | grep -o '[0-9]*"$' | tr -d '"' || true)
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$yn" "$cn" "$clerk" "$csrf" "$county" "$version" "$body" "${stored:-100}"
    done < "$BENCH_SESSIONS" > "$OUT/sessions.next"
    mv "$OUT/sessions.next" "$BENCH_SESSIONS"
}

cpu_ticks() { # CPU time the portal and PostgreSQL (postmaster and backends) have used so far, in clock ticks
    local postmaster
    postmaster=$(head -1 bench/data/postgres/postmaster.pid)
    { echo "$APP"; echo "$postmaster"; pgrep -P "$postmaster"; } | while read -r p; do
        awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || true # a backend may end meanwhile
    done | awk '{ s += $1 } END { print s + 0 }'
}

drive() { # scenario connections duration [path] → a RESULT line, with the CPU ms per request last
    case $1 in save|mixed) refresh_versions ;; esac
    local before after line
    before=$(cpu_ticks)
    line=$(BENCH_SCENARIO=$1 BENCH_PATH="${4:-}" wrk -t "$2" -c "$2" -d "$3" --timeout 10s -s bench/portal.lua "$BASE" \
        | grep '^RESULT' | cut -f2-)
    after=$(cpu_ticks)
    awk -F'\t' -v a="$before" -v b="$after" -v hz="$(getconf CLK_TCK)" \
        '{ printf "%s\t%.1f\n", $0, ($7 > 0 ? (b - a) * 1000 / hz / $7 : 0) }' <<<"$line"
}

# ---- each page alone, then the mix
SCENARIOS="${BENCH_SCENARIOS:-status heatmap ranking national profile form save xlsx review review_national}"
# the JIT needs about a minute of load before a page's code runs compiled (the status board did 60 %
# of its steady throughput after 15 s): a server that has run for a while is what is measured
echo "warming up"
for s in $SCENARIOS; do drive "$s" 8 "${BENCH_WARMUP:-30s}" >/dev/null; done
printf 'scenario\tconnections\tp50_ms\tp95_ms\tp99_ms\treq_per_s\trequests\terrors\tbytes\tcpu_ms_per_req\n' > "$OUT/results.tsv"
for s in $SCENARIOS; do
    for c in $CONNECTIONS; do
        drive "$s" "$c" "$DURATION" | tee -a "$OUT/results.tsv"
    done
done
[ "${BENCH_MIXED:-1}" = 1 ] && drive mixed 32 "$DURATION" | tee -a "$OUT/results.tsv"

# ---- floors: each dashboard's statements alone (EXPLAIN ANALYZE, median of 5), a static file of its size
declare -A PATHS=(
    [status]="/dashboards/status?year=2024&area=530000"
    [heatmap]="/dashboards/heatmap?year=2024&area=530000"
    [ranking]="/dashboards/ranking?year=2024&area=530000&indicator=ENF_CERT_RATE"
    [national]="/dashboards/ranking?year=2024&indicator=ENF_CERT_RATE"
    [profile]="/dashboards/counties/532527?year=2024&indicator=ENF_CERT_RATE"
    [xlsx]="/dashboards/ranking?year=2024&area=530000&indicator=ENF_CERT_RATE&format=xlsx"
)
declare -A JAR_OF=([status]=yn [heatmap]=yn [ranking]=yn [national]=cn [profile]=yn [xlsx]=yn)
printf 'dashboard\tstatements\tsql_ms\tbytes\tstatic_p50_ms\tcold_ms\n' > "$OUT/floors.tsv"
LOGDIR=bench/data/postgres/log
for d in ${BENCH_FLOORS:-status heatmap ranking national profile xlsx}; do
    log=$(ls -t $LOGDIR/*.log | head -1); offset=$(stat -c %s "$log")
    # a new generation of the counted data (as an approval would make): the request computes the page's
    # scores or ranking from its statements rather than answering from what it computed before
    "${PSQL[@]}" -c "select report_data_changed()" >/dev/null
    "${PSQL[@]}" -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null; sleep 0.5
    read -r bytes cold < <(curl -s -o /dev/null -w '%{size_download} %{time_total}\n' -b "$OUT/jar-${JAR_OF[$d]}" "$BASE${PATHS[$d]}")
    cold=$(awk -v t="$cold" 'BEGIN { printf "%.1f", t * 1000 }')
    "${PSQL[@]}" -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null; sleep 0.5
    tail -c +$((offset + 1)) "$log" > "$OUT/floor-$d.log"
    statements=$(java bench/StatementLog.java "$OUT/floor-$d.log" "$OUT/floor-$d.sql")
    sql=$(for _ in 1 2 3 4 5; do
            psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -X -q -f "$OUT/floor-$d.sql" \
                | awk '/Execution Time/ { s += $3 } END { printf "%.2f\n", s }'
          done | sort -n | sed -n 3p)
    { yes 'a static file as large as the page' | head -c "$bytes" > "$OUT/static/images/floor-$d.html"; } || true
    static=$(drive path 1 5s "/images/floor-$d.html" | cut -f3)
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$d" "$statements" "$sql" "$bytes" "$static" "$cold" | tee -a "$OUT/floors.tsv"
done

# ---- an approval shows in the province ranking on the next request
county=$("${PSQL[@]}" -c "select r.county_code from annual_report r join region c on c.code = r.county_code
    join indicator_value v on v.report_id = r.id and v.indicator_code = 'ENF_STAFF' and v.value is not null
    where r.year = 2024 and r.status = 'SUBMITTED' and c.province_code = '530000' order by r.county_code limit 1")
name=$("${PSQL[@]}" -c "select name from region where code = '$county'")
ranking_row() { # the county's row of the province ranking (CSV export: the page's table)
    curl -s -b "$OUT/jar-yn" "$BASE/dashboards/ranking?year=2024&area=530000&indicator=ENF_STAFF&format=csv" \
        | grep -F ",$name," || true
}
before=$(ranking_row)
page=$(curl -s -b "$OUT/jar-yn" "$BASE/counties/$county/reports/2024")
token=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//;s/"$//')
# a decision carries the version of the report it was made on (a changed report is refused with 409)
version=$(grep -o 'name="version" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//;s/"$//')
approve=$(curl -s -o /dev/null -w '%{http_code}' -b "$OUT/jar-yn" --data-urlencode "_csrf=$token" \
    --data-urlencode "version=$version" "$BASE/counties/$county/reports/2024/approve")
after=$(ranking_row)
{
    echo "approval of $name ($county) 2024 by the 云南省 reviewer: HTTP $approve"
    echo "  ranking row before: $before"
    echo "  ranking row after:  $after"
} | tee "$OUT/approval.txt"

# ---- the table
{
    echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
    cat "$OUT/machine.txt"; echo "load after the run: $(cat /proc/loadavg)"
    echo
    echo "| scenario | conn | p50 ms | p95 ms | p99 ms | req/s | requests | errors | CPU ms/req |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    tail -n +2 "$OUT/results.tsv" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $10 }'
    echo
    echo "| dashboard | statements | SQL alone ms | bytes | static file p50 ms | page p50 ms (1 conn) | page ÷ (SQL + static) | first request after a change ms |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    tail -n +2 "$OUT/floors.tsv" | while IFS=$'\t' read -r d n sql bytes static cold; do
        page=$(awk -F'\t' -v d="$d" '$1 == d && $2 == 1 { print $3 }' "$OUT/results.tsv")
        [ -n "$page" ] || page=$(awk -F'\t' -v d="$d" '$1 == d { print $3; exit }' "$OUT/results.tsv")
        ratio=$(awk -v p="$page" -v s="$sql" -v f="$static" 'BEGIN { if (s + f > 0) printf "%.1f", p / (s + f) }')
        echo "| $d | $n | $sql | $bytes | $static | $page | $ratio | $cold |"
    done
    echo
    cat "$OUT/approval.txt"
} > "$OUT/results.md"
echo; cat "$OUT/results.md"
echo; echo "kept in $OUT"
