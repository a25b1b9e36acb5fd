#!/usr/bin/env bash
# Instructions per `from_code` query of each shipped spec with integer codes, and per
# `HashMap::get` of the same codes, counted by callgrind on the from_code benchmark's
# queries (errcodes-bench/examples/code_loop.rs): the difference between 20 and 10 loops of
# 65,536 queries, so that start-up does not count. `local_<spec>` is the spec expanded in
# the calling crate (as a user's own `platform_errors!` and the criterion benchmark's);
# `<spec>` alone is the shipped enum, whose table is in another crate (`code_loop` has the
# opt-in platforms `lazada` and `tiktok_shop` expanded here only).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p errcodes-bench --example code_loop
bin=${CARGO_TARGET_DIR:-target}/release/examples/code_loop
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
printf '| spec | errcodes | `HashMap` | errcodes ÷ `HashMap` |\n| --- | ---: | ---: | ---: |\n'
for spec in aliexpress tiktok_local_services top_gateway wangdiantong wechat_global wechat_shop wechat_transaction lazada tiktok_shop; do
  places=("local_$spec")
  case $spec in lazada | tiktok_shop) ;; *) places+=("$spec") ;; esac
  for where in "${places[@]}"; do
    line="| $where"
    for reader in errcodes hashmap; do
      one=$(count "$where" "$reader" 10)
      two=$(count "$where" "$reader" 20)
      per=$(python3 -c "print(f'{($two - $one) / 655360:.1f}')")
      line="$line | $per"
      eval "per_$reader=$per"
    done
    echo "$line | $(python3 -c "print(f'{$per_errcodes / $per_hashmap:.2f}')") |"
  done
done
