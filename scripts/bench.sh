#!/usr/bin/env bash
# Times erzyhooks against curl doing the same request to a local emulator, and measures peak
# memory and binary size. Prints a markdown table for README's "Performance" section.
#
#   scripts/bench.sh            # 200 runs each
#   RUNS=50 scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-200}

need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine || [ ! -x /usr/bin/time ] || ! need curl || ! need jq; then
  echo "installing hyperfine, time, curl and jq from the distribution's packages" >&2
  apt-get update -qq >&2 && apt-get install -y -qq hyperfine time curl jq >&2
fi

cargo build --release --workspace --quiet
bin=target/release/erzyhooks
emulator=target/release/erzycall-emulator

log=$(mktemp)
"$emulator" --addr 127.0.0.1:0 --seed demo \
  --rate-limit-per-minute 100000000 --rate-limit-per-hour 100000000 >"$log" 2>&1 &
emulator_pid=$!
trap 'kill $emulator_pid 2>/dev/null; rm -f "$log" "$log.json"' EXIT
for _ in $(seq 50); do grep -q '^listening on ' "$log" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$log" | head -1)
[ -n "$url" ] || { echo "the emulator did not start" >&2; cat "$log" >&2; exit 1; }

export ERZYCALL_API_URL=$url ERZYCALL_API_KEY=ek_test_emulator
export ERZYHOOKS_CONFIG=/nonexistent/erzyhooks-bench.toml
curl_cmd="curl -s -o /dev/null -H X-API-Key:ek_test_emulator $url/api/v1/webhooks"

hyperfine -N --warmup 10 --runs "$runs" --style none --export-json "$log.json" \
  -n curl "$curl_cmd" \
  -n "erzyhooks list" "$bin list" \
  -n "erzyhooks list -o json" "$bin list -o json" \
  -n "erzyhooks --version" "$bin --version" >/dev/null

peak_rss() { # KiB, the largest of 5 runs
  local max=0 kib
  for _ in 1 2 3 4 5; do
    kib=$(/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1)
    [ "$kib" -gt "$max" ] && max=$kib
  done
  echo "$max"
}

curl_median=$(jq '.results[] | select(.command == "curl") | .median' "$log.json")
echo "| command | median | ratio to curl | peak RSS |"
echo "|---|---|---|---|"
jq -r '.results[] | [.command, .median] | @tsv' "$log.json" | while IFS=$'\t' read -r name median; do
  case "$name" in
    curl) rss=$(peak_rss $curl_cmd) ;;
    "erzyhooks list") rss=$(peak_rss "$bin" list) ;;
    "erzyhooks list -o json") rss=$(peak_rss "$bin" list -o json) ;;
    *) rss=$(peak_rss "$bin" --version) ;;
  esac
  awk -v n="$name" -v m="$median" -v c="$curl_median" -v r="$rss" \
    'BEGIN { printf "| `%s` | %.2f ms | %.2f | %.1f MiB |\n", n, m * 1000, m / c, r / 1024 }'
done
size=$(stat -c %s "$bin")
awk -v s="$size" 'BEGIN { printf "\nrelease binary: %.2f MiB\n", s / 1048576 }'
echo "machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
