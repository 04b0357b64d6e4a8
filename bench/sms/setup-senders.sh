#!/usr/bin/env bash
# The set-up of ../shared/bench/p1-side-by-side.sh, made once and kept: 1,000 subscribers 447700900000+i, paired so
# that contact 1 of each is 447700900000+(i xor 1) (each adds the other by SMS through the simulator, then accepts).
# Usage: bench/sms/setup-senders.sh JAVA JAR SEED_DIR — leaves the all-in-one's data directory in SEED_DIR/data (does
# nothing if it is there). Used by paced-run.sh and p1-profile.sh, which copy it for each run.
set -u
JAVA=$1; JAR=$2; SEED=$3
[ -d "$SEED/data" ] && exit 0
W=$(mktemp -d /tmp/mobim-setup.XXXX)
export MOBIM_ADMIN_USER=admin MOBIM_ADMIN_PASSWORD=setup-bench-secret
up() { for _ in $(seq 1 240); do curl -fsS -m 2 http://127.0.0.1:8080/actuator/health 2>/dev/null | grep -q '"UP"' && return 0; sleep 0.5; done; return 1; }
api() { curl -sS -m 10 -u "$MOBIM_ADMIN_USER:$MOBIM_ADMIN_PASSWORD" -H 'Content-Type: application/json' "$@" >/dev/null; }
mo() { api -X POST http://127.0.0.1:8080/api/v1/simulator/mo -d "{\"from\":\"+$1\",\"to\":\"20123\",\"text\":\"$2\"}"; }
export -f api mo
(cd $W && exec setsid "$JAVA" -jar "$JAR" >>$W/setup.log 2>&1) & APP=$!
up || { echo "mobim did not come up for the set-up (log: $W/setup.log)"; kill $APP; exit 1; }
# eight requests at a time: provisioning hashes each password, which is slow one by one
seq 0 999 | xargs -P 8 -I{} bash -c 'm=$((447700900000+{})); api -X POST http://127.0.0.1:8080/api/v1/subscribers -d "{\"msisdn\":\"+$m\",\"nickname\":\"u{}\",\"password\":\"pw-u{}-1\",\"tariffPlan\":\"VODAFONE_UK\"}"'
seq 0 2 999 | xargs -P 8 -I{} bash -c 'a=$((447700900000+{})); mo $a "ADD +$((a+1))"; mo $((a+1)) "ADD +$a"'
sleep 10
seq 0 999 | xargs -P 8 -I{} bash -c 'mo $((447700900000+{})) "ACCEPT 1"'
sleep 15; kill -TERM $APP; wait $APP 2>/dev/null
mkdir -p "$SEED" && cp -a $W/data "$SEED/data" && rm -rf $W
