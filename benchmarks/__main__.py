"""`python -m benchmarks SUITE [--json] [--quick]`: run one suite and print its figures,
as one JSON object (--json) or as a table for people."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from typing import Any

from .measure import describe_machine, render_table, targets_met

# The registry: a suite's name on the command line -> the module that runs it. Adding a
# suite is one line here. Modules are imported only when their suite runs, so the store
# suite never loads Qt and the ui suite never starts a server.
SUITES: dict[str, str] = {
    "store": "benchmarks.store",
    "sync": "benchmarks.sync",
    "ui": "benchmarks.ui",
    "printing": "benchmarks.printing",
    "package": "benchmarks.package",
}

QUICK_SCALE = 0.1


def run_suite(name: str, *, scale: float) -> dict[str, Any]:
    """Run the suite `name` and return its report: the machine, the suite's figures and
    targets, and which targets were met."""
    machine = describe_machine()
    module = importlib.import_module(SUITES[name])
    figures: dict[str, Any] = module.run(scale=scale)
    # The load after the run too: a busy neighbour during the run shows in one or both.
    machine["load_average_1min_after"] = describe_machine()["load_average_1min"]
    report: dict[str, Any] = {"suite": name, "scale": scale, "machine": machine}
    report.update(figures)
    report["targets_met"] = targets_met(figures, figures.get("targets", {}))
    return report


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description="Measure Comptoir's speed, one suite at a time."
    )
    parser.add_argument("suite", choices=sorted(SUITES), help="the suite to run")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    size = parser.add_mutually_exclusive_group()
    size.add_argument(
        "--quick", action="store_true", help=f"a smaller run ({QUICK_SCALE:g} of the sizes)"
    )
    # For the smoke tests: the same code path at a tiny size.
    size.add_argument("--scale", type=float, default=1.0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.quick:
        args.scale = QUICK_SCALE
    # argparse drops a lone "--" from an option's value and hands back an empty list,
    # never calling `float` (hypothesis found `--scale=--`).
    if not isinstance(args.scale, float) or not 0 < args.scale <= 1:
        parser.error("--scale must be in (0, 1]")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    report = run_suite(args.suite, scale=args.scale)
    if args.json:
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
