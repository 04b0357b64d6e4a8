#!/usr/bin/env bash
# SMS commands end to end at a steady rate: mobim's all-in-one (durable embedded PostgreSQL and broker) bound to
# bench/sms/paced-smsc.js as its SMS-C, which offers RATE "1 p<seq>" commands per second from 1,000 paired senders
# and times each command exactly (deliver_sm -> deliver_sm_resp, deliver_sm -> the MT's submit_sm).
# Usage, from the project root after `./mvnw -B -ntp -DskipTests package`:
#   [WARM=10] [JAR=...] bench/sms/paced-run.sh [RATE=1000] [SECONDS=30] [extra mobim arguments...]
# WARM: unmeasured seconds at the same rate before the measured ones (300 lets the JIT settle: two minutes after
# start C2 still compiles methods of the consumers and the broker for up to a second each).
# The 1,000 subscribers (447700900000+i, contact 1 of each is 447700900000+(i xor 1)) are set up once through
# mobim's own simulator (setup-senders.sh) into $SEED (default /tmp/mobim-sms-seed) and copied for every run. Run it alone on the
# machine (flock /tmp/bench.lock). Needs node and npm (node-smpp 0.5.1 is installed into /tmp/mobim-bench-node).
# Each sender texts once a second at 1,000/s: the per-sender send limit (30 a minute) is lifted for the run.
set -u
RATE=${1:-1000}; SECONDS_=${2:-30}; shift 2 || shift $#
PROJ=$(pwd); HERE=$PROJ/bench/sms; JAR=${JAR:-$PROJ/platform-app/target/mobim.jar}; SEED=${SEED:-/tmp/mobim-sms-seed}
[ -f "$JAR" ] || { echo "build first: $JAR is missing"; exit 1; }
export NODE_PATH=/tmp/mobim-bench-node/node_modules
[ -d "$NODE_PATH/smpp" ] || npm i --silent --prefix /tmp/mobim-bench-node smpp@0.5.1 >/dev/null || { echo "npm install smpp failed"; exit 1; }
JAVA=java; for j in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
  [ -n "$j" ] && [ -x "$j/bin/java" ] && { JAVA=$j/bin/java; break; }; done
W=$(mktemp -d /tmp/mobim-paced.XXXX); D=$W/mobim; mkdir -p $D; echo "work dir: $W"
"$HERE/setup-senders.sh" "$JAVA" "$JAR" "$SEED" || exit 1
cp -a "$SEED/data" $D/data
SMSC_PORT=27775 RATE=$RATE DURATION=$SECONDS_ TIMES=$D/times.csv node "$HERE/paced-smsc.js" > $D/driver.out 2>&1 & DRV=$!
sleep 0.5
(cd $D && exec setsid "$JAVA" -jar "$JAR" --mobim.smpp.simulator.enabled=false --mobim.smpp.smsc[0].host=127.0.0.1 \
   --mobim.smpp.smsc[0].port=27775 --mobim.smpp.smsc[0].system-id=mobim --mobim.smpp.smsc[0].password=pw \
   --mobim.messaging.send-limit=1000000 "$@" >>$D/run.log 2>&1) & APP=$!
wait $DRV
echo "mobim paced: $(grep '"ev":"result"' $D/driver.out)"
# hop by hop, from the records' create times on the all-in-one's broker (still up)
mkdir -p $W/lib && (cd $W/lib && unzip -q -j -o "$JAR" 'BOOT-INF/lib/kafka-clients-*' 'BOOT-INF/lib/slf4j-api-*')
BROKER=$(grep -o 'Kafka  *127.0.0.1:[0-9]*' $D/run.log | head -1 | grep -o '127.0.0.1:[0-9]*')
"$JAVA" -cp "$W/lib/*" "$HERE/PathHops.java" "$BROKER" $D/times.csv $((RATE * ${WARM:-10})) 2>/dev/null
kill -TERM $APP; wait $APP 2>/dev/null
