#!/usr/bin/env bash
# Time to /actuator/health UP: the image (podman, read-only root filesystem, /tmp a tmpfs, state in a volume, as the
# image's user) against ./mobim on the same machine with the same jar, alternately, ROUNDS times each. Each side
# starts once untimed first, so that every timed start finds its data already there, as a restarted pod does.
#
#   bench/image/start-time.sh [image] [target directory holding the image's mobim.jar, for ./mobim]
#
# Takes the bench lock itself. PODMAN: the podman command. WITHOUT_CACHE=1 adds the image started without its cache
# (plain java -jar on the JRE's default CDS archive), to show what the cache is worth.
set -euo pipefail

image="${1:-localhost/mobim:0.1.0}"
target="${2:?give a directory holding the mobim.jar of the image, where ./mobim records its cache}"
rounds="${ROUNDS:-3}"
podman=(${PODMAN:-podman})
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/start-time.XXXXXX")"
volume="start-time-$$"
trap '"${podman[@]}" rm -f start-time >/dev/null 2>&1; "${podman[@]}" volume rm -f "$volume" >/dev/null 2>&1; rm -rf "$work"' EXIT

up() { # port start-nanos: seconds until the health endpoint says UP
  local deadline=$((SECONDS + 180))
  until curl -fs -m 1 "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    ((SECONDS < deadline)) || { echo "no UP on port $1" >&2; return 1; }
    sleep 0.1
  done
  echo "scale=1; ($(date +%s%N) - $2) / 1000000000" | bc
}

image_run() { # [--entrypoint java and its options, to replace the image's]
  local start
  start="$(date +%s%N)"
  "${podman[@]}" run -d --name start-time --read-only --tmpfs /tmp:exec -v "$volume:/app/data" -p 18080:8080 \
    "${@:1:1}" "$image" "${@:2}" --mobim.smpp.simulator.port=0 >/dev/null
  up 18080 "$start"
  "${podman[@]}" stop -t 60 start-time >/dev/null
  "${podman[@]}" rm start-time >/dev/null
}

launcher_run() {
  local start pid
  start="$(date +%s%N)"
  (cd "$work" && MOBIM_TARGET="$target" exec "$here/mobim" --server.port=18081 --mobim.smpp.simulator.port=0 \
    >"$work/mobim.log" 2>&1) &
  pid=$!
  up 18081 "$start"
  kill -TERM "$pid"
  wait "$pid" || true
}

exec 9>/tmp/bench.lock
flock 9
echo "$(nproc) CPUs, $(free -g | awk '/Mem:/ {print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg)"
image_run >/dev/null
launcher_run >/dev/null
for ((i = 1; i <= rounds; i++)); do
  line="round $i: image $(image_run) s, ./mobim $(launcher_run) s"
  [[ -z "${WITHOUT_CACHE:-}" ]] || line+=", image without its cache $(image_run --entrypoint=java -XX:+UseG1GC -jar /app/mobim.jar) s"
  echo "$line"
done
