#!/usr/bin/env bash
# Build cost of platform_errors! at 150, 1,000 and 10,000 entries, debug and release: wall time
# and peak compiler memory of the crate's own build. Prints a Markdown table (BENCHMARKS.md).
#
# Needs GNU time at /usr/bin/time for the peak memory ("Maximum resident set size"); on Debian
# or Ubuntu this script installs it (package `time`) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (apt package 'time')" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq time; else sudo apt-get update -qq && sudo apt-get install -y -qq time; fi
fi

# The harness itself is small; build it in release so that it does not skew the machine.
cargo test --release --offline --test build_cost -- --ignored --nocapture --test-threads 1
