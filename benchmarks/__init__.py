"""Comptoir's benchmarks: `python -m benchmarks SUITE [--json] [--quick]`.

A suite is a module of this package (registered in `benchmarks/__main__.py`) with a
function `run(*, scale: float) -> dict[str, object]` that measures, returns its figures
as a JSON-ready dict, and includes a "targets" entry: {figure name: the most it may be}.
`scale` is 1.0 for the full run; `--quick` passes a tenth, the smoke test less. The
command adds the machine's description and which targets were met.

Suites report their targets; they never assert on them (the machine is shared and
noisy). Results are recorded in docs/BENCHMARKS.md.
"""
