#!/usr/bin/env python3
"""Writes a log of real-shaped lines for `errcodes scan` throughput (BENCHMARKS.md).

usage: scripts/scan_log.py PLATFORM MEGABYTES > log.jsonl

The lines cycle through the platform's response corpus (tests/fixtures/responses/), as raw
bodies and as {"status", "body"} wrappers, with request ids varied, and mix in bodies of codes
the spec lacks, errcodes::lacking events as tracing-subscriber's JSON writes them, and a
malformed line now and then. Deterministic: the same arguments give the same file.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(platform):
    bodies = []
    for line in (ROOT / "tests/fixtures/responses" / f"{platform}.jsonl").read_text().splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        if entry.get("format") == "xml":
            continue
        bodies.append((entry.get("status"), json.loads(entry["body"])))
    return bodies


def lines(platform):
    bodies = corpus(platform)
    n = 0
    while True:
        for status, body in bodies:
            n += 1
            body = dict(body)
            for key in ("request_id", "rid"):
                if key in body:
                    body[key] = f"{key}-{n:08x}"
            text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
            if n % 2:
                yield text
            else:
                yield json.dumps({"status": status or 200, "body": body}, ensure_ascii=False, separators=(",", ":"))
            if n % 7 == 0:
                yield json.dumps({
                    "timestamp": f"2026-12-06T10:{n // 60 % 60:02}:{n % 60:02}.000000Z",
                    "level": "WARN",
                    "fields": {"message": f"{platform} lacks unknown_code", "kind": "unknown_code",
                               "platform": platform, "code": str(990000 + n % 13), "variant": "Unknown",
                               "retry": "permanent", "platform_message": f"a new error {n % 13}"},
                    "target": "errcodes::lacking",
                }, ensure_ascii=False, separators=(",", ":"))
            if n % 1000 == 0:
                yield "a line that is not JSON"


def main():
    platform, megabytes = sys.argv[1], float(sys.argv[2])
    limit = int(megabytes * 1_000_000)
    written = 0
    out = sys.stdout.buffer
    for line in lines(platform):
        data = (line + "\n").encode()
        out.write(data)
        written += len(data)
        if written >= limit:
            break


if __name__ == "__main__":
    main()
