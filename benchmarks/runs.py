"""What the benchmarks share: timing a piece of work several times and reporting its median with min–max."""

from __future__ import annotations

import os
import statistics
import subprocess
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


def child(command: list[str]) -> tuple[float, float, float]:
    """Wall time (s), CPU time (s, user + system: steadier on a busy machine) and peak RSS (MB) of one child."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode() if process.stderr else ''}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
