"""What the benchmarks share: timing a piece of work several times and reporting its median with min–max, the
machine's load, and the generated project of 10,000 documents and 1,000,000 spans, built once and reused."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path


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


def both(work: Callable[[], object], repeat: int, before: Callable[[], object] = lambda: None
         ) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds (this process: ``time.process_time``) of each of ``repeat`` runs of ``work``, from the
    same runs (``before`` each, untimed): a busy machine stretches wall time, the CPU figure is the one to compare
    there."""
    walls, cpus = [], []
    for _ in range(repeat):
        before()
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return walls, cpus


def seconds(values: list[float]) -> str:
    """``median s (min–max)``; in milliseconds under a second."""
    scale, unit, digits = (1, "s", 2) if statistics.median(values) >= 1 else (1000, "ms", 1)
    return f"{statistics.median(values) * scale:.{digits}f} {unit} ({min(values) * scale:.{digits}f}–" \
        f"{max(values) * scale:.{digits}f})"


def child(command: list[str]) -> tuple[float, float, float]:
    """Wall time (s), CPU time (s, user + system: steadier on a busy machine) and peak RSS (MB) of one child."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode() if process.stderr else ''}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank): what the slowest one in twenty takes."""
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * 95 // 100) - 1)]


def spread(values: list[float], unit: str = "ms", *, tail: bool = False) -> str:
    """``median (min–max)``; with ``tail`` also the 95th percentile."""
    middle = f"{statistics.median(values):7.1f} {unit}"
    return f"{middle}, p95 {p95(values):6.1f} ({min(values):.1f}–{max(values):.1f})" if tail else \
        f"{middle} ({min(values):.1f}–{max(values):.1f})"


def load() -> str:
    """The one-minute load average, printed with every run: on 2 shared cores wall times follow it."""
    return f"{os.getloadavg()[0]:.2f}"


def generated_project(into: Path, documents: int = 10_000, per_document: int = 100,
                      cache: Path | None = None) -> Path:
    """A project of ``documents`` documents with ``per_document`` spans each (``export.py``'s builder, in a child
    process) at ``into``; with ``cache``, built there once and copied from it on later runs (a million spans take
    a while to build)."""
    kept = cache / f"project-{documents}x{per_document}.sqlite" if cache else None
    if kept is not None and kept.exists():
        shutil.copy(kept, into)
        return into
    subprocess.run([sys.executable, str(Path(__file__).parent / "export.py"), "--build", str(into),
                    "--documents", str(documents), "--spans-per-document", str(per_document)], check=True)
    if kept is not None:
        kept.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(into, kept)
    return into
