#!/usr/bin/env bash
# Instructions per read of each body of errcodes-bench/src/responses.rs, by `from_response`
# and by parsing into a `serde_json::Value`, counted by callgrind: the difference between
# 2,000 and 1,000 reads, over 1,000, so that start-up does not count.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p errcodes-bench --example read_loop
bin="${CARGO_TARGET_DIR:-target}/release/examples/read_loop"
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
printf '| body | errcodes | `Value` | errcodes ÷ `Value` |\n| --- | ---: | ---: | ---: |\n'
for body in wechat_error wangdiantong_template tiktok_error top_gateway_sub_code wechat_success_2kb; do
  line="| $body"
  for reader in errcodes value; do
    one=$(count "$body" "$reader" 1000)
    two=$(count "$body" "$reader" 2000)
    per=$(( (two - one) / 1000 ))
    line="$line | $per"
    eval "per_$reader=$per"
  done
  ratio=$(python3 -c "print(f'{$per_errcodes / $per_value:.2f}')")
  echo "$line | $ratio |"
done
