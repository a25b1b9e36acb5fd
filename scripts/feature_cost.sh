#!/usr/bin/env bash
# What one opt-in platform feature costs a user crate's build (issue 16, item 4): a binary
# crate outside the workspace depending on errcodes by path with `default-features = false`,
# with no platform and with one (`alipay`, `wechat_shop`), debug. Only errcodes and the user
# crate change between them; their dependencies are built once, beforehand.
#
#   scripts/feature_cost.sh count [ROUNDS]   instructions (callgrind) of the two rustc runs,
#                                            linker included; repeatable under any load
#   scripts/feature_cost.sh time [ROUNDS]    CPU and wall time of the same two rustc runs,
#                                            rounds alternating the crates, medians
#
# Prints Markdown tables (BENCHMARKS.md). Needs valgrind (count) or GNU time (time).
# FEATURE_COST_DIR keeps the scratch crates and their target directory (default: a temp dir);
# FEATURE_COST_VARIANTS lists the crates (default `none alipay wechat_shop`; the first is the
# base of the ratios): `none`, or a shipped platform's name.
set -euo pipefail

# Run as cargo's RUSTC_WRAPPER: count the compiles of errcodes and the user crate, pass the
# rest through.
if [ -n "${FEATURE_COST_WRAP:-}" ]; then
  crate=
  prev=
  for arg in "$@"; do
    if [ "$prev" = --crate-name ]; then crate=$arg; fi
    prev=$arg
  done
  if [ "$FEATURE_COST_WRAP" = count ] && { [ "$crate" = errcodes ] || [ "$crate" = user ]; }; then
    # Children too (the linker), each to its own log and profile; the parent sums them.
    exec valgrind --tool=callgrind --trace-children=yes \
      --callgrind-out-file="$FEATURE_COST_LOGS/$crate.%p.out" \
      --log-file="$FEATURE_COST_LOGS/$crate.%p.log" "$@"
  fi
  if [ "$FEATURE_COST_WRAP" = time ] && { [ "$crate" = errcodes ] || [ "$crate" = user ]; }; then
    exec /usr/bin/time -f "%e %U %S" -a -o "$FEATURE_COST_TIMES" "$@"
  fi
  exec "$@"
fi

mode=${1:-count}
rounds=${2:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${FEATURE_COST_DIR:-$(mktemp -d)}
echo "scratch crates, target directory and profiles in $work" >&2
# shellcheck disable=SC2206
variants=(${FEATURE_COST_VARIANTS:-none alipay wechat_shop})
export CARGO_TARGET_DIR="$work/target" CARGO_INCREMENTAL=0
export RUSTC_WRAPPER="$root/scripts/feature_cost.sh" FEATURE_COST_WRAP=pass

# The user crate: the same `main` for every variant, plus one call into the platform it
# enables, as a user of that platform writes.
user_crate() {
  local variant=$1 dir=$work/$1 features= call=
  case $variant in
    none) ;;
    alipay) features='"alipay"'; call='errcodes::platforms::alipay::AlipayError::from_code(20000)' ;;
    wechat_shop) features='"wechat_shop"'; call='errcodes::platforms::wechat_shop::WechatShopError::from_code(300000)' ;;
    *)
      # Any other platform: its feature, and `from_code(0)` of the enum its spec names.
      local enum
      enum=$(sed -n 's/^enum: *//p' "$root/specs/$variant.yaml")
      [ -n "$enum" ] || { echo "no spec specs/$variant.yaml" >&2; exit 2; }
      features="\"$variant\""; call="errcodes::platforms::$variant::$enum::from_code(0)" ;;
  esac
  mkdir -p "$dir/src"
  cat >"$dir/Cargo.toml" <<EOF
[package]
name = "user"
version = "0.1.0"
edition = "2021"
publish = false

[dependencies]
errcodes = { path = "$root/errcodes", default-features = false, features = [$features] }

[workspace]
EOF
  {
    echo 'fn main() {'
    echo '    println!("{:?}", errcodes::RetryClass::Transient);'
    [ -n "$call" ] && echo "    println!(\"{}\", $call);"
    echo '}'
  } >"$dir/src/main.rs"
  # The workspace's lock file pins the same dependency versions, with no network.
  cp "$root/Cargo.lock" "$dir/Cargo.lock"
}

for variant in "${variants[@]}"; do
  user_crate "$variant"
  (cd "$work/$variant" && cargo build --offline --quiet)
done

# errcodes and the user crate only are rebuilt: their sources' times are touched. (Not `cargo clean -p errcodes`: it also
# removes one of serde's builds, which the next build then redoes.)
clean() { touch "$root/errcodes/src/lib.rs" "$work/$1/src/main.rs"; }
build() { (cd "$work/$1" && cargo build --offline --quiet); }
sum() { sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$FEATURE_COST_LOGS"/"$1".*.log | awk '{ s += $1 } END { printf "%.0f\n", s }'; }

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if [ "$mode" = count ]; then
  export FEATURE_COST_WRAP=count
  printf '| crate | round | errcodes | user crate (and link) | both | ÷ none |\n| --- | ---: | ---: | ---: | ---: | ---: |\n'
  for round in $(seq "$rounds"); do
    for variant in "${variants[@]}"; do
      # The profiles stay there, for `callgrind_annotate --inclusive=yes`.
      export FEATURE_COST_LOGS="$work/logs/$variant.$round"
      rm -rf "$FEATURE_COST_LOGS" && mkdir -p "$FEATURE_COST_LOGS"
      clean "$variant"
      build "$variant"
      lib=$(sum errcodes) bin=$(sum user)
      both=$((lib + bin))
      [ "$variant" = none ] && base=$both
      ratio=$(awk -v a="$both" -v b="$base" 'BEGIN { printf "%.3f", a / b }')
      echo "| $variant | $round | $lib | $bin | $both | $ratio |"
    done
  done
else
  [ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time (apt package 'time')" >&2; exit 2; }
  # The two rustc runs timed one after the other (cargo's own work and waits for its locks,
  # which other builds on the machine hold, left out): their wall times and CPU times summed.
  export FEATURE_COST_WRAP=time FEATURE_COST_TIMES="$work/rustc.times"
  rm -f "$work"/times.*
  for round in $(seq "$rounds"); do
    for variant in "${variants[@]}"; do
      clean "$variant"
      rm -f "$FEATURE_COST_TIMES"
      build "$variant"
      awk '{ w += $1; c += $2 + $3 } END { printf "%.2f %.2f\n", w, c }' "$FEATURE_COST_TIMES" >>"$work/times.$variant"
    done
  done
  printf '| crate | CPU (user + system), each round | CPU median | ÷ none | wall median |\n| --- | --- | ---: | ---: | ---: |\n'
  for variant in "${variants[@]}"; do
    cpus=$(awk '{ print $2 }' "$work/times.$variant")
    cpu=$(echo "$cpus" | median)
    wall=$(awk '{ print $1 }' "$work/times.$variant" | median)
    [ "$variant" = none ] && base=$cpu
    ratio=$(awk -v a="$cpu" -v b="$base" 'BEGIN { printf "%.2f", a / b }')
    echo "| $variant | $(echo $cpus | sed 's/ / s, /g') s | $cpu s | $ratio | $wall s |"
  done
fi
