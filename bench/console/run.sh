#!/usr/bin/env bash
# The console's scale run: starts the all-in-one (platform-app/target/mobim.jar) on a fresh data directory, seeds
# 100,000 subscribers and a day of 1,000,000 rated records (seed.sql), then times every console page (pages.sh).
# Usage, from the repository root, alone on the machine: bench/console/run.sh [subscribers] [messages]
set -euo pipefail
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
DATA=$(mktemp -d /tmp/mobim-console-bench.XXXX)
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PG_PORT=${PG_PORT:-$(free_port)}
HTTP_PORT=${HTTP_PORT:-$(free_port)}
"$JAVA_HOME/bin/java" -jar platform-app/target/mobim.jar --mobim.embedded.data-dir="$DATA" \
    --mobim.embedded.postgres-port="$PG_PORT" --server.port="$HTTP_PORT" --mobim.smpp.simulator.port=0 >"$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -sf "http://127.0.0.1:$HTTP_PORT/actuator/health" >/dev/null; do
  kill -0 $APP 2>/dev/null || { tail -50 "$DATA/app.log"; exit 1; }
  sleep 2
done
echo "started; seeding"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -q -v subscribers="${1:-100000}" -v messages="${2:-500000}" \
     -f "$(dirname "$0")/seed.sql"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$(dirname "$0")/pages.sh" "http://127.0.0.1:$HTTP_PORT" admin "$DATA/admin-password"
# the subscriber search's count with its trigram indexes, and without them (dropped in a transaction rolled back)
SEARCH="select count(*) from im.subscriber where msisdn like '%chen-4242%' or lower(nickname) like '%chen-4242%'"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -q <<SQL
explain (analyze, costs off, timing off) $SEARCH;
begin;
drop index im.subscriber_nickname_trgm;
drop index im.subscriber_msisdn_trgm;
explain (analyze, costs off, timing off) $SEARCH;
rollback;
SQL

