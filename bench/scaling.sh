#!/usr/bin/env bash
# How simulation cost grows: with the number of requests (synthetic run at a fixed rate), with
# the batch size (the same run at rising arrival rates, so more sequences share each step) and
# with the trace length (replay of bundled traces of different lengths). Prints one markdown
# table per dimension from the CLI's timing line (simulation only, start-up excluded).
# Usage: bench/scaling.sh [--max-requests N]   (default 1000000)
set -euo pipefail

self="${BASH_SOURCE[0]}"
[[ "$self" == */* ]] || self="./$self"
cd "${self%/*}/.."

max=1000000
if [[ "${1:-}" == --max-requests ]]; then max="$2"; fi
bin/blis-native --version >/dev/null
err="$(mktemp)" out="$(mktemp)"
trap 'rm -f "$err" "$out"' EXIT

# sim ARGS...: runs one simulation; prints "requests steps seconds output_tokens" (output tokens
# from run's JSON report, 0 for replay).
sim() {
  bin/blis-native "$@" >"$out" 2>"$err"
  local tokens
  tokens="$(awk -F' : ' '/"total_output_tokens"/ { gsub(/[^0-9]/, "", $2); print $2 }' "$out")"
  awk -v o="${tokens:-0}" '/^blis-native: simulated [0-9]+ requests, [0-9]+ steps in / { r += $3; s += $5; t += $8 }
       END { printf "%d %d %.3f %d\n", r, s, t, o }' "$err"
}

line() { # label requests steps seconds [output_tokens]
  awk -v l="$1" -v r="$2" -v s="$3" -v t="$4" -v o="${5:-}" 'BEGIN {
    printf "| %s | %d | %d | %.1f |", l, r, s, s / r
    if (o != "") printf " %.0f |", o / s
    printf " %.3f | %.0f | %.0f | %.2f |\n", t, r / t, s / t, t / r * 1e6 }'
}
header() { # title label [with_batch]
  echo
  echo "$1"
  echo
  if [[ -n "${3:-}" ]]; then
    echo "| $2 | requests | steps | steps/request | mean batch | sim s | requests/s | steps/s | µs/request |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  else
    echo "| $2 | requests | steps | steps/request | sim s | requests/s | steps/s | µs/request |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  fi
}

run_args=(run --model meta-llama/llama-3.1-8b-instruct --hardware H100 --tp 1 --prompt-tokens 512
  --output-tokens 256 --seed 42 --format json)

header "Requests (rate 20 req/s, 512/256 tokens)" "requests"
for n in 10000 100000 1000000; do
  ((n <= max)) || continue
  read -r r s t _ < <(sim "${run_args[@]}" --rate 20 --num-requests "$n")
  line "$n" "$r" "$s" "$t"
done

# Mean batch = output tokens / steps: every step decodes one token per running sequence. Rates
# stay below the server's capacity (about 39 req/s here) so no request times out.
header "Batch size (20000 requests; a higher rate keeps more sequences in each step)" "rate req/s" batch
for rate in 2 5 10 20 35; do
  read -r r s t o < <(sim "${run_args[@]}" --rate "$rate" --num-requests 20000)
  line "$rate" "$r" "$s" "$t" "$o"
done

header "Trace length (replay of bundled traces)" "trace"
for t in traces/blis-llama8b-roofline.jsonl traces/llama2-7b-tp1-reasoning.jsonl \
    traces/llama2-7b-tp1-roleplay.jsonl traces/codellama-34b-tp2-codegen.jsonl traces/llama2-7b-tp1-general.jsonl; do
  [[ -f "$t" ]] || continue
  read -r r s secs _ < <(sim replay "$t")
  line "${t#traces/}" "$r" "$s" "$secs"
done
