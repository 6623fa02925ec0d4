#!/usr/bin/env python3
"""Collects the RELIABILITY lines the fault and crash tests print, for the closing notes.

Each such test prints one line, `RELIABILITY <driver> <test> key=value ...` (storage:
attempted, committed, partial, faults; queues: published, acked, redelivered, lost, ...). This
prints every line found in the surefire/failsafe output files and in target/reliability/*.txt,
then the sums of the numeric values per driver and key. It judges nothing (the tests do): it only reports.

Usage: python3 .ci/reliability.py [--since EPOCH] [ROOT]   (--since: ignore older output files)
"""
import glob
import os
import re
import sys
from collections import defaultdict

LINE = re.compile(r"^RELIABILITY (\S+) (\S+)((?: \w+=\S+)+)\s*$")


def main():
    args = sys.argv[1:]
    since = 0.0
    if args[:1] == ["--since"]:
        since, args = float(args[1]), args[2:]
    root = os.path.abspath(args[0] if args else os.path.join(os.path.dirname(__file__), ".."))
    lines = set()
    outputs = []
    for kind in ("surefire-reports", "failsafe-reports"):
        outputs += glob.glob(os.path.join(root, "**", "target", kind, "*-output.txt"), recursive=True)
    outputs += glob.glob(os.path.join(root, "**", "target", "reliability", "*.txt"), recursive=True)
    for out in outputs:
        if os.path.getmtime(out) < since:
            continue
        with open(out, encoding="utf-8", errors="replace") as f:
            lines.update(line.strip() for line in f if LINE.match(line.strip()))
    if not lines:
        print("no RELIABILITY lines in the test output")
        return 0
    totals = defaultdict(lambda: defaultdict(int))
    tests = defaultdict(int)
    for line in sorted(lines):
        print(line)
        driver, _, fields = LINE.match(line).groups()
        tests[driver] += 1
        for key, value in re.findall(r"(\w+)=(\d+)(?=\s|$)", fields):
            totals[driver][key] += int(value)
    print()
    for driver in sorted(totals):
        sums = " ".join(f"{k}={v}" for k, v in totals[driver].items())
        print(f"RELIABILITY-TOTAL {driver} tests={tests[driver]} {sums}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
