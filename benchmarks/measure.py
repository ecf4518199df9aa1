"""What every suite needs: timing statistics, the machine's description, the report
as a table, and progress notes on stderr (stdout carries only the report)."""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

NS_PER_MS = 1_000_000


def median_ms(samples_ns: Sequence[int]) -> float:
    return round(statistics.median(samples_ns) / NS_PER_MS, 4)


def percentile_ms(samples_ns: Sequence[int], percent: int) -> float:
    """The `percent`th percentile (inclusive method: within the samples' range, and
    defined for a handful of samples as the smoke test takes)."""
    if len(samples_ns) == 1:
        return round(samples_ns[0] / NS_PER_MS, 4)
    cuts = statistics.quantiles(samples_ns, n=100, method="inclusive")
    return round(cuts[percent - 1] / NS_PER_MS, 4)


def scaled(full: int, scale: float, *, minimum: int) -> int:
    """A size of the full run, reduced for --quick and the smoke test."""
    return max(minimum, round(full * scale))


def note(message: str) -> None:
    """Progress for the person waiting; stderr, so `--json` output stays one object."""
    print(f"[benchmarks] {message}", file=sys.stderr, flush=True)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition(":")
            if key.strip() in ("model name", "Model", "Hardware"):
                return value.strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def describe_machine() -> dict[str, Any]:
    """Where the figures come from: they mean little without it."""
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "cpu_model": _cpu_model(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "system": f"{platform.system()} {platform.release()}",
        "load_average_1min": round(load[0], 2),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def targets_met(figures: Mapping[str, Any], targets: Mapping[str, float]) -> dict[str, bool]:
    """Each target is the most its figure may be."""
    return {
        name: isinstance(figures.get(name), int | float) and figures[name] <= limit
        for name, limit in targets.items()
    }


_NOT_FIGURES = frozenset({"suite", "scale", "machine", "targets", "targets_met"})


def render_table(report: Mapping[str, Any]) -> str:
    """The report for people: one figure a line, beside its target and verdict."""
    machine = report["machine"]
    lines = [
        f"Suite {report['suite']} (scale {report['scale']:g}), {machine['measured_at']}",
        f"{machine['cpu_model']}, {machine['cores']} cores, Python {machine['python']}, "
        f"SQLite {machine['sqlite']}, load {machine['load_average_1min']} before, "
        f"{machine.get('load_average_1min_after', '?')} after",
        "",
        f"{'figure':<34} {'value':>12} {'target':>10}  verdict",
    ]
    targets: Mapping[str, float] = report.get("targets", {})
    met: Mapping[str, bool] = report.get("targets_met", {})
    for name, value in report.items():
        if name in _NOT_FIGURES:
            continue
        target = f"≤ {targets[name]:g}" if name in targets else ""
        verdict = ("met" if met.get(name) else "MISSED") if name in targets else ""
        shown = f"{value:,.3f}" if isinstance(value, float) else f"{value:,}"
        lines.append(f"{name:<34} {shown:>12} {target:>10}  {verdict}".rstrip())
    return "\n".join(lines) + "\n"
