#!/usr/bin/env bash
# Where the CPU of ../shared/bench/p1-side-by-side.sh's mobim half goes: the same driver (smsc-load.js: window 100,
# 1,000 senders, "1 Hello there"), the same set-up and 3,000-command warm-up, then N measured commands, with the JVM's
# CPU per thread, the PostgreSQL processes' CPU, the rows written per table and the JIT's compile time by library over
# the measured commands (bench/sms/RunProfile.java). The set-up (setup-senders.sh) is made once into $SEED (default
# /tmp/mobim-sms-seed, shared with paced-run.sh) and copied for each run, so that builds can alternate on the same
# data.
# Usage, from the project root after `./mvnw -B -ntp -DskipTests package`:
#   [JAR=...] [JFR=0] [JFC=...] [WARMUP=3000] [PGSTAT=1] flock /tmp/bench.lock bench/sms/p1-profile.sh [N=10000] [extra mobim arguments...]
# The send limit (mobim.messaging.send-limit, 30 a minute per subscriber) is lifted unless the arguments set it: beyond
# some 27 commands per sender (N + WARMUP above ~27,000) most commands would otherwise get the limit's reply.
# JFC: the JFR settings (default: compilations.jfc, the JIT's compilations only); the recording is $W/run.jfr.
# PGSTAT=1: the embedded PostgreSQL loads pg_stat_statements, and the statements that took the most time over the
# measured commands are printed per 1,000 commands (calls, execution ms, planning ms, rows), into $W/statements too;
# planning is counted when the run's arguments add '--mobim.embedded.postgres-settings[pg_stat_statements.track_planning]=on'.
# Needs node (node-smpp 0.5.1 is installed into /tmp/mobim-bench-node) and, for the rows, psql.
set -u
PROJ=$(pwd); HERE=$PROJ/bench/sms; DRIVER=$PROJ/../shared/bench/smsc-load.js; N=${1:-10000}; shift || true
JAR=${JAR:-$PROJ/platform-app/target/mobim.jar}; SEED=${SEED:-/tmp/mobim-sms-seed}
[ -f "$JAR" ] || { echo "build first: $JAR is missing"; exit 1; }
[ -f "$DRIVER" ] || { echo "the shared load driver is missing: $DRIVER"; exit 1; }
export NODE_PATH=/tmp/mobim-bench-node/node_modules
[ -d "$NODE_PATH/smpp" ] || npm i --silent --prefix /tmp/mobim-bench-node smpp@0.5.1 >/dev/null || { echo "npm install smpp failed"; exit 1; }
JAVA=java; for j in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
  [ -n "$j" ] && [ -x "$j/bin/java" ] && { JAVA=$j/bin/java; break; }; done
W=$(mktemp -d /tmp/mobim-p1.XXXX); echo "work dir: $W"
APP=; trap '[ -n "$APP" ] && kill -TERM $APP 2>/dev/null' EXIT
"$HERE/setup-senders.sh" "$JAVA" "$JAR" "$SEED" || exit 1
cp -a "$SEED/data" $W/data
SMSC_PORT=27775 MODE=mo N=${WARMUP:-3000} SENDERS=1000 WINDOW=100 START=now IDLE_MS=30000 node "$DRIVER" > $W/warmup.out 2>&1 & DRV=$!
sleep 0.5
LIMIT_OPTION=(--mobim.messaging.send-limit=10000000); [[ " $* " == *" --mobim.messaging.send-limit="* ]] && LIMIT_OPTION=()
PG_OPTIONS=(); [ "${PGSTAT:-0}" = 1 ] && PG_OPTIONS=(--mobim.embedded.postgres-settings.shared_preload_libraries=pg_stat_statements \
  '--mobim.embedded.postgres-settings[pg_stat_statements.track]=all')
JFR_OPTION=; [ "${JFR:-1}" = 0 ] || JFR_OPTION="-XX:StartFlightRecording=filename=$W/run.jfr,settings=${JFC:-$HERE/compilations.jfc}"
(cd $W && exec setsid "$JAVA" $JFR_OPTION -jar "$JAR" --mobim.smpp.simulator.enabled=false --mobim.smpp.smsc[0].host=127.0.0.1 \
   --mobim.smpp.smsc[0].port=27775 --mobim.smpp.smsc[0].system-id=mobim --mobim.smpp.smsc[0].password=pw "${LIMIT_OPTION[@]}" "${PG_OPTIONS[@]}" "$@" >>$W/run.log 2>&1) & APP=$!
wait $DRV; echo "mobim warm-up: $(grep '"ev":"result"' $W/warmup.out)"
sleep 3
threads() { for t in /proc/$APP/task/*; do s=$(sed 's/.*) //' $t/stat 2>/dev/null) || continue; set -- $s
  [ $# -gt 12 ] && echo "${t##*/} ${12} ${13} $(cat $t/comm 2>/dev/null)"; done; }
PM=$(pgrep -f "postgres -D $W/data/postgres" | head -1)
pgcpu() { local sum=0; [ -n "$PM" ] || { echo 0; return; }; for p in $PM $(pgrep -P $PM); do
  v=$(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null) && sum=$((sum+v)); done; echo $sum; }
PGPORT=$(grep -o 'jdbc:postgresql://127.0.0.1:[0-9]*' $W/run.log | head -1 | grep -o '[0-9]*$')
psql_() { [ -n "$PGPORT" ] && command -v psql >/dev/null && psql -h 127.0.0.1 -p $PGPORT -U postgres -d postgres -At "$@" 2>/dev/null; }
pgrows() { local rows; rows=$(psql_ -c "select schemaname||'.'||relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del
  from pg_stat_user_tables") && echo "$rows" > $1; }
[ "${PGSTAT:-0}" = 1 ] && psql_ -c "create extension if not exists pg_stat_statements" -c "select pg_stat_statements_reset()" >/dev/null
pgrows $W/pg0; threads > $W/threads0; pgcpu > $W/pgcpu0; T0=$(date +%s.%N)
SMSC_PORT=27775 MODE=mo N=$N SENDERS=1000 WINDOW=100 START=now IDLE_MS=30000 node "$DRIVER" > $W/measured.out 2>&1
T1=$(date +%s.%N); threads > $W/threads1; pgcpu > $W/pgcpu1; sleep 1; pgrows $W/pg1; echo "$T0 $T1" > $W/window
echo "mobim: $(grep '"ev":"result"' $W/measured.out)"
[ "${PGSTAT:-0}" = 1 ] && psql_ -F ' | ' -c "select calls * 1000 / $N, round((total_exec_time * 1000 / $N)::numeric, 1),
  round((total_plan_time * 1000 / $N)::numeric, 1), rows * 1000 / $N, left(regexp_replace(query, '\s+', ' ', 'g'), 150) from pg_stat_statements
  where query not like '%pg_stat_statements%' order by total_exec_time desc limit 20" > $W/statements \
  && { echo "statements per 1,000 commands (calls | execution ms | planning ms | rows | statement):"; cat $W/statements; }
kill -TERM $APP; wait $APP 2>/dev/null; APP=
"$JAVA" "$HERE/RunProfile.java" $W $N
