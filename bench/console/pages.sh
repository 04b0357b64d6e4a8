#!/usr/bin/env bash
# Times each console page over HTTP with a signed-in session (the form sign-in, as a browser does): every page is
# fetched `rounds` times (default 5) and the first, median and slowest times are printed (curl's time_total: request
# sent to last byte received). Usage: bench/console/pages.sh [base-url] [user] [password-file]
set -euo pipefail
BASE=${1:-http://127.0.0.1:8080}
USER_NAME=${2:-admin}
PASSWORD=$(cat "${3:-data/admin-password}")
ROUNDS=${ROUNDS:-5}
JAR=$(mktemp); trap 'rm -f "$JAR"' EXIT
csrf=$(curl -sf -c "$JAR" -b "$JAR" "$BASE/console/login" | grep -o 'name="_csrf" [^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -sf -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "username=$USER_NAME" --data-urlencode "password=$PASSWORD" \
     --data-urlencode "_csrf=$csrf" "$BASE/console/login"
DAY=$(date -u +%F)
PERIOD=$(date -u +%Y-%m)
SOME=%2B447700012345      # a seeded subscriber (bench/console/seed.sql)
PAGES=(
  "/console"
  "/console/subscribers"
  "/console/subscribers?page=1000"
  "/console/subscribers?q=chen-4242"
  "/console/subscribers?q=jules"
  "/console/subscribers?q=%2B4477000999"
  "/console/subscribers/$SOME"
  "/console/billing?day=$DAY"
  "/console/billing?day=$DAY&msisdn=$SOME"
  "/console/billing?day=$DAY&messageId=seed-250000"
  "/console/billing?day=$DAY&kind=MESSAGE"
  "/console/billing/reconciliation?day=$DAY"
  "/console/billing/bill?msisdn=$SOME&period=$PERIOD"
  "/console/billing/plans"
  "/console/billing/plans/VODAFONE_UK"
  "/console/traffic"
  "/console/handsets"
  "/console/clearing"
)
printf '%-62s %6s %9s %9s %9s %9s\n' page status first_s median_s max_s bytes
for p in "${PAGES[@]}"; do
  times=()
  for ((i = 0; i < ROUNDS; i++)); do
    out=$(curl -s -o /dev/null -b "$JAR" -w '%{http_code} %{time_total} %{size_download}' "$BASE$p")
    read -r code t size <<<"$out"
    times+=("$t")
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '%-62s %6s %9.3f %9.3f %9.3f %9s\n' "$p" "$code" "${times[0]}" "$(sed -n "$(((ROUNDS + 1) / 2))p" <<<"$sorted")" \
    "$(tail -1 <<<"$sorted")" "$size"
done

# The reconciliation page never computes the day's report while it is asked for (a background worker does): wait for
# it, print how long it took, then time the page that shows it.
RECON="/console/billing/reconciliation?day=$DAY"
for ((i = 0; i < 600; i++)); do
  page=$(curl -s -b "$JAR" "$BASE$RECON")
  if grep -q 'Computed at' <<<"$page"; then
    grep -o 'Computed at [^<]*' <<<"$page"
    break
  fi
  sleep 2
done
for ((i = 0; i < ROUNDS; i++)); do
  curl -s -o /dev/null -b "$JAR" -w "$RECON (report shown) %{http_code} %{time_total} s %{size_download} bytes\n" "$BASE$RECON"
done
