#!/usr/bin/env python3
"""Prints the medians of the last `cargo bench` run as Markdown tables, with ratios.

Reads target/criterion/<group>/<function>/new/estimates.json (criterion's own output).
Per group, every function's median is divided by the group's baselines (`hashmap`, `enum`,
`match`, `regex_list`, `regex_set` where present). Criterion throughput is per batch, so
the per-query time is the batch median divided by the batch size in benchmark.json.

    cargo bench && python3 scripts/bench_table.py [target/criterion]
"""

import json
import pathlib
import sys

BASELINES = ["hashmap", "match", "regex_list", "regex_set", "serde_json_value", "enum"]


def median_and_batch(function_dir):
    new = function_dir / "new"
    estimates = json.loads((new / "estimates.json").read_text())
    bench = json.loads((new / "benchmark.json").read_text())
    throughput = bench.get("throughput") or {}
    batch = throughput.get("Elements") or throughput.get("Bytes") or 1
    return estimates["median"]["point_estimate"], batch


def fmt_ns(ns):
    return f"{ns:.1f} ns" if ns < 1000 else f"{ns / 1000:.2f} µs"


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
    groups = {}
    for estimates in sorted(root.glob("**/new/estimates.json")):
        function_dir = estimates.parent.parent
        bench = json.loads((estimates.parent / "benchmark.json").read_text())
        group = bench["group_id"]
        function = bench["function_id"] or bench.get("value_str") or function_dir.name
        median, batch = median_and_batch(function_dir)
        groups.setdefault(group, {})[function] = median / batch
    for group, functions in sorted(groups.items()):
        baselines = [b for b in BASELINES if b in functions]
        print(f"\n### `{group}`\n")
        unit = "median per byte" if group.startswith("from_response") else "median per query"
        print(f"| implementation | {unit} | " + " | ".join(f"÷ {b}" for b in baselines) + " |")
        print("| --- | --- | " + " | ".join("---" for _ in baselines) + " |")
        for function, per_query in functions.items():
            ratios = [f"{per_query / functions[b]:.2f}" for b in baselines]
            print(f"| {function} | {fmt_ns(per_query)} | " + " | ".join(ratios) + " |")


if __name__ == "__main__":
    main()
