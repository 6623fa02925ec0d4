#!/usr/bin/env python3
"""The CI gate: judges the surefire/failsafe reports of every module of the reactor.

A module fails the gate when
  * it ran no tests, unless .ci/test-allowances says "no tests" for it (and then it must run none);
  * it skipped more tests than .ci/test-allowances allows it (per test class, then per module);
  * a test failed or erred.
It prints the table it judged and exits 1 when any module fails.

Usage: python3 .ci/gate.py [--since EPOCH] [ROOT] [ALLOWANCES]
  ROOT defaults to the repository, ALLOWANCES to ROOT/.ci/test-allowances; with --since, reports
  written before that time (left by an earlier build) are ignored, so a module whose tests did not
  run this time counts as having run none.
"""
from __future__ import annotations

import glob
import os
import re
import shutil
import sys
from dataclasses import dataclass, field


@dataclass
class Allowance:
    module: str
    test_class: str | None  # simple class name, or None for the whole module
    kind: str               # "no tests", "skipped" or "all skipped"
    count: int              # for "skipped"
    condition: list[str]    # "missing" alternatives; empty = always
    why: str
    line: int

    def active(self):
        """Always, or while none of the things the condition names exists."""
        return not self.condition or not any(exists(thing) for thing in self.condition)


@dataclass
class Module:
    path: str
    tests: int = 0
    failed: int = 0
    skipped: int = 0
    classes: dict = field(default_factory=dict)  # simple class name -> (tests, skipped)


def exists(thing):
    if "/" in thing:
        return bool(glob.glob(thing))
    return shutil.which(thing) is not None


def modules(root, directory="."):
    """The reactor's modules, in order: the directory itself, then its <module>s, recursively."""
    pom = open(os.path.join(root, directory, "pom.xml"), encoding="utf-8").read()
    pom = re.sub(r"<!--.*?-->", "", pom, flags=re.S)
    found = [directory]
    for child in re.findall(r"<module>\s*([^<\s]+)\s*</module>", pom):
        found += modules(root, os.path.normpath(os.path.join(directory, child)))
    return found


def read_reports(root, path, since):
    m = Module(path)
    for kind in ("surefire-reports", "failsafe-reports"):
        for report in glob.glob(os.path.join(root, path, "target", kind, "TEST-*.xml")):
            if os.path.getmtime(report) < since:
                continue
            # Only the <testsuite> tag's counters: captured output can make the rest ill-formed XML.
            with open(report, encoding="utf-8", errors="replace") as f:
                tag = re.search(r"<testsuite\b[^>]*>", f.read(8192))
            if not tag:
                continue
            a = dict(re.findall(r'(\w+)="([^"]*)"', tag.group(0)))
            tests, skipped = int(a.get("tests", 0)), int(a.get("skipped", 0))
            m.tests += tests
            m.skipped += skipped
            m.failed += int(a.get("failures", 0)) + int(a.get("errors", 0))
            name = a.get("name", "?").split(".")[-1]
            t, s = m.classes.get(name, (0, 0))
            m.classes[name] = (t + tests, s + skipped)
    return m


def read_allowances(path):
    allowances, problems = [], []
    for number, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.split("#", 1)[0].strip() if raw.lstrip().startswith("#") else raw.strip()
        if not line:
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 4:
            problems.append(f"{path}:{number}: expected 'module [Class] | allowance | only when | why'")
            continue
        target, allowance, when, why = parts
        words = target.split()
        module, test_class = words[0], (words[1] if len(words) > 1 else None)
        count = 0
        if allowance == "no tests" or allowance == "all skipped":
            kind = allowance
        elif re.fullmatch(r"\d+ skipped", allowance):
            kind, count = "skipped", int(allowance.split()[0])
        else:
            problems.append(f"{path}:{number}: unknown allowance '{allowance}'")
            continue
        condition = when.split()[1:] if when.startswith("missing ") else []
        if when and not condition:
            problems.append(f"{path}:{number}: 'only when' must be empty or 'missing ...'")
            continue
        if not why:
            problems.append(f"{path}:{number}: every allowance needs its reason")
            continue
        allowances.append(Allowance(module, test_class, kind, count, condition, why, number))
    return allowances, problems


def allowed_skips(m, allowances):
    """How many of the module's skips its active allowances cover, and which allowances those are."""
    mine = [a for a in allowances if a.module == m.path and a.active() and a.kind != "no tests"]
    covered, used = 0, []
    uncovered = 0
    for name, (tests, skipped) in m.classes.items():
        for_class = [a for a in mine if a.test_class == name]
        limit = max((tests if a.kind == "all skipped" else a.count for a in for_class), default=0)
        covered_here = min(skipped, limit)
        covered += covered_here
        uncovered += skipped - covered_here
        used += [a for a in for_class if skipped > 0]
    for_module = [a for a in mine if a.test_class is None]
    module_limit = max((m.tests if a.kind == "all skipped" else a.count for a in for_module), default=0)
    covered += min(uncovered, module_limit)
    used += [a for a in for_module if uncovered > 0]
    return covered, used


def judge(m, allowances):
    no_tests = [a for a in allowances if a.module == m.path and a.kind == "no tests"]
    if no_tests:
        if m.tests:
            return 0, f"FAIL: {m.tests} tests ran, but .ci/test-allowances:{no_tests[0].line} says 'no tests': update it", []
        return 0, "ok, no tests: " + no_tests[0].why, []
    if m.tests == 0:
        return 0, "FAIL: ran 0 tests", []
    covered, used = allowed_skips(m, allowances)
    if m.failed:
        return covered, f"FAIL: {m.failed} failed", used
    if m.skipped > covered:
        return covered, f"FAIL: {m.skipped} skipped, {covered} allowed", used
    return covered, "ok", used


def main():
    args = sys.argv[1:]
    since = 0.0
    if args[:1] == ["--since"]:
        since, args = float(args[1]), args[2:]
    root = os.path.abspath(args[0] if args else os.path.join(os.path.dirname(__file__), ".."))
    allowances_file = args[1] if len(args) > 1 else os.path.join(root, ".ci", "test-allowances")
    allowances, problems = read_allowances(allowances_file)
    paths = modules(root)
    problems += [f"{allowances_file}:{a.line}: no module '{a.module}' in the reactor"
                 for a in allowances if a.module not in paths]

    width = max(len(p) for p in paths) + 2
    print(f"{'module':{width}} {'tests':>6} {'failed':>6} {'skipped':>7} {'allowed':>7}  verdict")
    failures, reasons, total = 0, [], [0, 0, 0]
    for path in paths:
        m = read_reports(root, path, since)
        covered, verdict, used = judge(m, allowances)
        print(f"{path:{width}} {m.tests:6} {m.failed:6} {m.skipped:7} {covered:7}  {verdict}")
        failures += verdict.startswith("FAIL")
        reasons += [f"{path}{' ' + a.test_class if a.test_class else ''}: {a.why}" for a in used]
        total[0] += m.tests
        total[1] += m.failed
        total[2] += m.skipped
    print(f"{total[0] - total[1] - total[2]} passed, {total[1]} failed, {total[2]} skipped")
    if reasons:
        print("\nskips allowed by .ci/test-allowances:")
        for r in dict.fromkeys(reasons):
            print("  " + r)
    for p in problems:
        print("FAIL: " + p)
    failures += len(problems)
    print(f"\ngate: {'FAILED, ' + str(failures) + ' problem(s)' if failures else 'passed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
