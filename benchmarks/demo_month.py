"""The demo month the UI suite measures on, and the one moment its clock shows.

Seeded as of a fixed day and read through a clock fixed that morning, the month looks
the same to the benchmark whatever the machine's date: the flows order on the same
free slots today, next year or on a 31 December.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

DEMO_AS_OF = date(2026, 11, 26)
DEMO_MORNING = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
