#!/usr/bin/env bash
# Regenerates the shipped traces (traces/*.jsonl) from the measured data in ../shared/data with
# `blis-native convert`, one conversion per line of traces/SOURCES.tsv. Deterministic: running it twice
# gives the same bytes (TracesUpToDateTest checks the shipped files against a fresh conversion).
#
# Usage: scripts/regenerate-traces.sh            (BLIS_SHARED_DIR overrides ../shared)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
data=${BLIS_SHARED_DIR:-$root/../shared}/data
if [[ ! -d $data ]]; then
  echo "regenerate-traces: measured data not found at $data (set BLIS_SHARED_DIR)" >&2
  exit 2
fi

if [[ -x $root/bin/blis-native ]]; then
  cli=("$root/bin/blis-native")
else
  jar=$root/target/quarkus-app/quarkus-run.jar
  if [[ ! -f $jar ]]; then
    echo "regenerate-traces: no bin/blis-native and no $jar; build with ./mvnw package -DskipTests" >&2
    exit 2
  fi
  cli=(java -jar "$jar")
fi

while IFS=$'\t' read -r -a field; do
  [[ ${#field[@]} -eq 0 || ${field[0]} == \#* ]] && continue
  "${cli[@]}" convert "$data/${field[1]}" --output "$root/traces/${field[0]}" "${field[@]:2}"
done < "$root/traces/SOURCES.tsv"
