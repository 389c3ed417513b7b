"""Counting and mapping a million items in slices. One C call over all of them (``Counter(texts)``,
``list(map(f, texts))``) holds the GIL for a third of a second at a million span texts, and the UI thread, which
needs the GIL to run a single slot, freezes that long while a worker loads word snapping; between slices the
interpreter hands the GIL over."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import islice
from typing import TypeVar

T = TypeVar("T", bound=Hashable)
R = TypeVar("R")
SLICE = 20_000  # about 5 ms of C per slice


def count_in_slices(items: Sequence[T]) -> Counter[T]:
    """``Counter(items)``."""
    counts: Counter[T] = Counter()
    for at in range(0, len(items), SLICE):
        counts.update(items[at:at + SLICE])
    return counts


def map_in_slices(function: Callable[[T], R], items: Iterable[T]) -> list[R]:
    """``list(map(function, items))``."""
    mapped: list[R] = []
    source = iter(items)
    while chunk := list(islice(source, SLICE)):
        mapped.extend(map(function, chunk))
    return mapped
