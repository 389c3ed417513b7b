"""What the benchmarks share: timing a piece of work several times and reporting its median with min–max."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timed(work: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """Median, min and max seconds of ``repeat`` runs of ``work``."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times), max(times)
