"""File formats biaozhu reads and writes.

The readers' registry lives in :mod:`biaozhu.corpus.formats.reading` and is loaded on first use of one of its
names here (``from biaozhu.corpus.formats import read_file``): importing it loads every reader (PDF, OFD, Word,
CoNLL...), which was 0.05 s of each ``biaozhu export``, whose writers import this package first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from biaozhu.corpus.formats.reading import EXTENSIONS, READERS, format_of, read_file, sniff_jsonl

__all__ = ["EXTENSIONS", "READERS", "format_of", "read_file", "sniff_jsonl"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from biaozhu.corpus.formats import reading

        return getattr(reading, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
