"""What the benchmarks share: timing a piece of work several times and reporting its median with min–max."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timed(work: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter
          ) -> tuple[float, float, float]:
    """Median, min and max seconds of ``repeat`` runs of ``work`` (wall time, or ``clock``: ``time.process_time``
    gives CPU seconds, steadier on a busy machine)."""
    times = []
    for _ in range(repeat):
        started = clock()
        work()
        times.append(clock() - started)
    return statistics.median(times), min(times), max(times)
