"""The fixed clock of the demo platform: every timestamp is derived from T0, never from now()."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

# "Now" of the demo world. Metrics cover the week before it, billing the months before it.
T0 = datetime(2026, 11, 1, tzinfo=UTC)
PLATFORM_START = T0 - timedelta(days=400)
METRICS_START = T0 - timedelta(days=7)

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


def between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    """A whole-second instant in [start, end)."""
    span = int((end - start).total_seconds())
    if span <= 0:
        return start
    return start + timedelta(seconds=rng.randrange(span))


def month_start(moment: datetime) -> datetime:
    return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def next_month(moment: datetime) -> datetime:
    first = month_start(moment)
    if first.month == 12:
        return first.replace(year=first.year + 1, month=1)
    return first.replace(month=first.month + 1)
