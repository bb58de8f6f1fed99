#!/usr/bin/env bash
# Simulator throughput benchmark: simulated requests/s and steps/s of this checkout on
#   traces     every bundled trace in one replay (traces/*.jsonl),
#   synthetic  a 1,000,000-request distribution workload through `run` (100,000 when BLIS runs too),
#   golden     BLIS's largest golden experiment (16,800 requests, multi-turn inference-perf
#              workload) through `run --workload-spec` (needs ../shared),
# each next to a reference measured in the same invocation: the build of another commit (HEAD~1
# unless --ref says otherwise) run by the same JVM with the same options and, when $BLIS_GO_BIN
# names a BLIS (Go) binary, the same synthetic workloads through it (run in $BLIS_GO_DIR, default
# the binary's folder, where BLIS looks for defaults.yaml and model_configs/). Prints speed ratios
# (reference time / this checkout's time: above 1 means this checkout is faster), peak RSS and
# the heap limit. Builds whatever is missing. See docs/performance.md.
#
# Usage: bench/run.sh [--ref REF|none] [--requests N] [--repeat N] [--xmx SIZE]
#                     [--only traces|synthetic|golden]
set -euo pipefail

self="${BASH_SOURCE[0]}"
[[ "$self" == */* ]] || self="./$self"
root="$(cd "${self%/*}/.." && pwd -P)"
cd "$root"

ref="HEAD~1" requests="" repeat=1 xmx=2g only=""
while (($#)); do
  case "$1" in
    --ref) ref="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --xmx) xmx="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    -h | --help) sed -n '2,13p' "$self" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done

log() { echo "bench: $*" >&2; }
measure_count=0
work="$(mktemp -d)"
trap 'rm -rf "$work"; git -C "$root" worktree prune' EXIT

# --- builds ---------------------------------------------------------------------------------
bin/blis-native --version >/dev/null # builds the JVM application on first use
cur_jar="$root/target/quarkus-app/quarkus-run.jar"
# The JVM options of a long simulation (the launcher gives short ones C1 only).
mapfile -t jvm < <(BLIS_LAUNCHER_PRINT=1 bin/blis-native run --num-requests 1000000)
jvm+=("-Xmx$xmx")

# The reference build is made in a temporary git worktree, then its quarkus-app/ and config/
# are kept in target/bench-ref/<commit>/ (the jar finds that config/ above itself) and reused by
# later invocations; the worktree is removed again.
ref_jar="" ref_label=""
if [[ "$ref" != none ]]; then
  if sha="$(git rev-parse --verify -q "$ref^{commit}")"; then
    ref_label="$ref ($(git rev-parse --short "$sha"))"
    ref_dir="$root/target/bench-ref/$sha"
    if [[ ! -f "$ref_dir/quarkus-app/quarkus-run.jar" ]]; then
      log "building the reference $ref_label (about a minute)..."
      rm -rf "$ref_dir"
      git worktree add -q --detach "$work/ref-src" "$sha"
      if (cd "$work/ref-src" && ./mvnw -q -B package -DskipTests 1>&2); then
        mkdir -p "$ref_dir"
        cp -R "$work/ref-src/target/quarkus-app" "$work/ref-src/config" "$ref_dir/"
      else
        log "reference build failed; running without it"
      fi
      git worktree remove --force "$work/ref-src"
    fi
    [[ -f "$ref_dir/quarkus-app/quarkus-run.jar" ]] && ref_jar="$ref_dir/quarkus-app/quarkus-run.jar"
  else
    log "no commit '$ref'; running without a reference build"
  fi
fi
go_bin="${BLIS_GO_BIN:-}"
if [[ -n "$go_bin" && ! -x "$go_bin" ]]; then
  log "BLIS_GO_BIN=$go_bin is not executable; skipping the Go reference"
  go_bin=""
fi
# BLIS runs from its own folder, so a relative path must be made absolute first.
[[ -n "$go_bin" ]] && go_bin="$(cd "$(dirname "$go_bin")" && pwd -P)/$(basename "$go_bin")"
if [[ -z "$requests" ]]; then
  requests=1000000
  if [[ -n "$go_bin" ]]; then
    # BLIS (measured here) takes about 4.5 ms and 30 KB per request: 1M would need ~75 minutes and
    # ~30 GB. Its synthetic case therefore defaults to 100,000; --requests still overrides.
    requests=100000
    log "BLIS_GO_BIN set: synthetic case with $requests requests (BLIS needs ~30 GB for 1M; --requests overrides)"
  fi
fi
go_dir="${BLIS_GO_DIR:-$(dirname "${go_bin:-.}")}"

if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
  gnu_time=(/usr/bin/time -v)
else
  gnu_time=()
  log "GNU time not found (apt-get install -y time): peak RSS will show as n/a"
fi

# --- one measurement ------------------------------------------------------------------------
# measure NAME CMD...: runs CMD once with stdout discarded; sets m_wall (s), m_rss (MiB or n/a),
# m_req, m_steps, m_sim (sums of the CLI's timing lines on stderr; empty without them), m_rc and
# m_err (the stderr file).
measure() {
  local name="$1"; shift
  local err="$work/$name.$((++measure_count)).err" t0 t1
  m_err="$err"
  t0="$(date +%s%N)"
  set +e
  ${gnu_time[@]+"${gnu_time[@]}"} "$@" >/dev/null 2>"$err"
  m_rc=$?
  set -e
  t1="$(date +%s%N)"
  m_wall="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')"
  m_rss="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$err")"
  [[ -n "$m_rss" ]] || m_rss="n/a"
  read -r m_req m_steps m_sim < <(awk '
    /^blis-native: simulated [0-9]+ requests, [0-9]+ steps in / {
      r += $3; s += $5; t += $8; n++ }
    END { if (n) printf "%d %d %.6f\n", r, s, t; else print "" }' "$err") || true
}

# --- results table --------------------------------------------------------------------------
printf '%-22s %-26s %10s %11s %9s %11s %11s %8s %8s %9s\n' \
  case build requests steps "sim s" "req/s" "steps/s" speed "wall s" "RSS MiB" >"$work/table"

# row CASE BUILD [CUR_SIM CUR_WALL]: appends the restored measurement; without CUR_* it is this
# checkout's row, else its speed is compared with this checkout on the simulation time when
# both printed the CLI's timing line, on the wall time (start-up included) otherwise.
row() {
  local case="$1" build="$2" cur_sim="${3:-}" cur_wall="${4:-}" secs req_s steps_s speed="1.00"
  if ((m_rc != 0)); then
    printf '%-22s %-26s %s\n' "$case" "$build" "failed (exit $m_rc, see below)" >>"$work/table"
    { echo "$case / $build:"; tail -n 3 "$m_err" | sed 's/^/    /'; } >>"$work/failures"
    return
  fi
  secs="${m_sim:-$m_wall}"
  req_s="$(awk -v n="${m_req:-$expected_requests}" -v t="$secs" 'BEGIN { printf "%.0f", n / t }')"
  steps_s="n/a"
  [[ -n "$m_steps" ]] && steps_s="$(awk -v n="$m_steps" -v t="$secs" 'BEGIN { printf "%.0f", n / t }')"
  if [[ -n "$cur_wall" ]]; then
    if [[ -n "$m_sim" && -n "$cur_sim" ]]; then
      speed="$(awk -v a="$m_sim" -v b="$cur_sim" 'BEGIN { printf "%.2f", a / b }')"
    else
      speed="$(awk -v a="$m_wall" -v b="$cur_wall" 'BEGIN { printf "%.2f", a / b }')"
    fi
  fi
  printf '%-22s %-26s %10s %11s %9.3f %11s %11s %7sx %8s %9s\n' "$case" "$build" "${m_req:-$expected_requests}" \
    "${m_steps:-n/a}" "$secs" "$req_s" "$steps_s" "$speed" "$m_wall" "$m_rss" >>"$work/table"
}

# run_case CASE EXPECTED_REQUESTS GO_ARGS|- ARGS...: current, reference and Go, interleaved
# --repeat times; the fastest repetition of each is reported (least disturbed by other load).
run_case() {
  local case="$1" go_args="$3"; expected_requests="$2"; shift 3
  local i best_cur="" best_ref="" best_go="" secs
  local -a cur_m=() ref_m=() go_m=()
  for ((i = 0; i < repeat; i++)); do
    log "$case: this checkout (run $((i + 1))/$repeat)"
    measure cur "${jvm[@]}" -jar "$cur_jar" "$@"
    secs="${m_sim:-$m_wall}"
    if ((m_rc != 0)) || [[ -z "$best_cur" ]] || awk -v a="$secs" -v b="$best_cur" 'BEGIN { exit !(a < b) }'; then
      best_cur="$secs" cur_m=("$m_wall" "$m_rss" "${m_req:-}" "${m_steps:-}" "${m_sim:-}" "$m_rc" "$m_err")
    fi
    if [[ -n "$ref_jar" ]]; then
      log "$case: reference $ref_label"
      measure ref "${jvm[@]}" -jar "$ref_jar" "$@"
      secs="${m_sim:-$m_wall}"
      if ((m_rc != 0)) || [[ -z "$best_ref" ]] || awk -v a="$secs" -v b="$best_ref" 'BEGIN { exit !(a < b) }'; then
        best_ref="$secs" ref_m=("$m_wall" "$m_rss" "${m_req:-}" "${m_steps:-}" "${m_sim:-}" "$m_rc" "$m_err")
      fi
    fi
    if [[ -n "$go_bin" && "$go_args" != - ]]; then
      log "$case: BLIS (Go)"
      # BLIS finds its defaults.yaml and model_configs/ relative to the working directory.
      # shellcheck disable=SC2086 # go_args is a word list
      measure go bash -c 'cd "$0" && exec "$@"' "$go_dir" "$go_bin" $go_args
      secs="$m_wall"
      if ((m_rc != 0)) || [[ -z "$best_go" ]] || awk -v a="$secs" -v b="$best_go" 'BEGIN { exit !(a < b) }'; then
        best_go="$secs" go_m=("$m_wall" "$m_rss" "" "" "" "$m_rc" "$m_err")
      fi
    fi
  done
  restore "${cur_m[@]}"
  row "$case" "this checkout"
  if ((m_rc != 0)); then return; fi
  local cur_sim="$m_sim" cur_wall="$m_wall"
  if ((${#ref_m[@]})); then restore "${ref_m[@]}"; row "" "$ref_label" "$cur_sim" "$cur_wall"; fi
  if ((${#go_m[@]})); then restore "${go_m[@]}"; row "" "BLIS Go (wall)" "$cur_sim" "$cur_wall"; fi
}

restore() { m_wall="$1" m_rss="$2" m_req="$3" m_steps="$4" m_sim="$5" m_rc="$6" m_err="$7"; }

# Drops the flags only blis-native has, for the same workload through BLIS.
go_args_of() {
  local out=() skip=""
  for a in "$@"; do
    if [[ -n "$skip" ]]; then skip=""; continue; fi
    case "$a" in --format | --config-dir) skip=yes ;; *) out+=("$a") ;; esac
  done
  echo "${out[*]}"
}

# --- the cases ------------------------------------------------------------------------------
want() { [[ -z "$only" || "$only" == "$1" ]]; }

if want traces; then
  traces=(traces/*.jsonl)
  total=0
  for t in "${traces[@]}"; do total=$((total + $(wc -l <"$t") - 1)); done
  run_case "traces (${#traces[@]} files)" "$total" - replay "${traces[@]}"
fi

if want synthetic; then
  synthetic=(run --model meta-llama/llama-3.1-8b-instruct --hardware H100 --tp 1
    --num-requests "$requests" --rate 20 --prompt-tokens 512 --output-tokens 256 --seed 42 --format json)
  run_case "synthetic $requests" "$requests" "$(go_args_of "${synthetic[@]}")" "${synthetic[@]}"
fi

if want golden; then
  reference="$root/../shared/blis-reference"
  if [[ -d "$reference/testdata" ]] && command -v python3 >/dev/null; then
    # BLIS's largest golden experiment (inference-perf workload with multi-turn sessions, the
    # trained-physics set), with the settings BLIS's golden test gives it.
    mapfile -t golden < <(python3 - "$reference" "$work/golden-spec.json" <<'PY'
import json, sys
ref, spec = sys.argv[1], sys.argv[2]
data = json.load(open(ref + "/testdata/trained_physics_iter29.json"))
e = max(data["experiments"], key=lambda x: x["workload"]["num_requests"])
json.dump(e["workload"], open(spec, "w"))
args = ["run", "--model", e["model"], "--model-config-folder", ref + "/" + e["model_config_dir"],
        "--hardware-config", ref + "/hardware_config.json", "--hardware", e["hardware"], "--tp", str(e["tp"]),
        "--latency-model", "trained-physics",
        "--alpha-coeffs", ",".join(str(a) for a in data["alpha_coeffs"]),
        "--beta-coeffs", ",".join(str(b) for b in data["beta_coeffs"]),
        "--total-kv-blocks", str(e["total_kv_blocks"]), "--max-num-seqs", str(e["max_num_seqs"]),
        "--max-num-batched-tokens", str(e["max_num_batched_tokens"])]
if e.get("cpu_kv_blocks", 0) > 0:
    args += ["--kv-cpu-blocks", str(e["cpu_kv_blocks"]), "--kv-transfer-bandwidth", "0.2"]
args += ["--workload-spec", spec, "--timeout", "-1", "--format", "json"]
print(e["id"] + " " + e["model"].split("/")[-1])
print(e["workload"]["num_requests"])
print("\n".join(args))
PY
    )
    golden_name="${golden[0]}" golden_requests="${golden[1]}"
    golden=("${golden[@]:2}")
    run_case "golden ${golden_name%% *}" "$golden_requests" "$(go_args_of "${golden[@]}")" "${golden[@]}"
  else
    log "golden: ../shared/blis-reference or python3 missing; skipped"
  fi
fi

# --- report ---------------------------------------------------------------------------------
echo "blis-native benchmark, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
echo "machine: $(nproc 2>/dev/null || echo '?') cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || uname -m)"
echo "jvm: ${jvm[*]}"
echo "java: $("${jvm[0]}" -version 2>&1 | head -n 1)"
echo "repetitions: $repeat (fastest shown); speed = reference time / this checkout's time"
echo
cat "$work/table"
if [[ -f "$work/failures" ]]; then
  echo
  echo "failures (last stderr lines):"
  cat "$work/failures"
fi
