"""Nested spans in formats that cannot hold them (BIO-family tags): keep the outer span, or refuse.

Never silent: the caller learns how many spans were dropped and reports it, or gets the first nested
pair to name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from biaozhu.corpus.errors import Refusal
from biaozhu.corpus.model import Span

POLICIES = ("keep", "keep-outer", "refuse")


@dataclass(frozen=True, slots=True)
class Flattened:
    """The spans a flat format keeps, and the ones it had to drop (each inside a kept span)."""

    kept: list[Span]
    dropped: list[Span]


class NestedSpansRefused(Refusal):
    """``--nested refuse`` met a span inside another one."""

    def __init__(self, where: str, outer: Span, inner: Span) -> None:
        self.where, self.outer, self.inner = where, outer, inner
        super().__init__(f"{where}: {inner.label} {inner.text!r} [{inner.start}, {inner.end}) lies inside "
                         f"{outer.label} {outer.text!r} [{outer.start}, {outer.end}); this format cannot hold "
                         "nested spans (use --nested keep-outer to keep the outer one)")


def keep_outer(spans: Sequence[Span]) -> Flattened:
    """Keep the outermost spans; a span overlapping a kept one is dropped.

    Of two spans over the same characters with different labels, the first label in sort order stays.
    """
    kept: list[Span] = []
    dropped: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.label)):
        if kept and span.start < kept[-1].end:
            dropped.append(span)
        else:
            kept.append(span)
    return Flattened(kept, dropped)


def flatten(spans: Sequence[Span], policy: str, where: str) -> Flattened:
    """Apply ``policy`` (one of :data:`POLICIES`) to one layer's spans on one text; ``keep`` keeps them as given."""
    if policy == "keep":
        return Flattened(list(spans), [])
    result = keep_outer(spans)
    if result.dropped and policy == "refuse":
        inner = result.dropped[0]
        outer = next(k for k in reversed(result.kept) if k.start <= inner.start < k.end)
        raise NestedSpansRefused(where, outer, inner)
    return result
