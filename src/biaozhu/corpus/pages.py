"""Text laid out on pages (PDF, OFD) back into the text a reader sees.

Readers hand over each page's lines with their left and right edges; this module drops running headers, footers
and page numbers, joins lines that the layout broke inside a sentence, maps Kangxi radicals back to ideographs,
and records where each page starts. Pure: no file access, no PDF library.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.model import SourceDocument
from biaozhu.corpus.radicals_data import IDEOGRAPHS, RADICALS
from biaozhu.corpus.text import check_printable, normalise

_RADICALS = str.maketrans(RADICALS, IDEOGRAPHS)
_RADICAL = re.compile(f"[{RADICALS}]")
# A line ending so ends its paragraph even when it reaches the right margin.
_FINAL = tuple("。！？!?") + tuple(p + q for p in "。！？!?" for q in "”’」』)）")
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
# Ragged right: line breaking rules (no 。 at a line start, digits kept together) end full lines this much short.
_RAGGED = 3.0
_INDENT, _INDENT_MAX = 1.5, 3.5
# How many lines at the top and the bottom of a page may be a running header or footer.
_EDGE = 2


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line: its text, left and right edge and character size, in page units."""

    text: str
    left: float
    right: float
    size: float


@dataclass(frozen=True, slots=True)
class PagedText:
    """Text assembled from pages, where each page starts in it, and what was repaired."""

    text: str
    page_starts: list[int]
    steps: dict[str, Any] = field(default_factory=dict)


def unify_radicals(text: str) -> tuple[str, int]:
    """Kangxi radicals and CJK radical supplements to the ideographs they stand for (⼯ → 工, ⺠ → 民); nothing
    else changes, so offsets stay put (unlike NFKC, which also turns ， into ,)."""
    count = len(_RADICAL.findall(text))
    return (text.translate(_RADICALS), count) if count else (text, 0)


def is_cjk(ch: str) -> bool:
    """Ideographs, CJK punctuation and full-width forms."""
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\uffef" or "\U00020000" <= ch <= "\U0003ffff"


def layout_gap(before: str, after: str) -> bool:
    """Whether a gap between these characters is layout, not a space in the text: Chinese beside Latin letters
    or digits (2023 年). Between two Chinese characters a gap is a real space (坚持政治引领 把牢方向之舵)."""
    return (is_cjk(before) and after.isascii() and after.isalnum()) or (
        is_cjk(after) and before.isascii() and before.isalnum())


def _scanned(scanned: list[int], total: int) -> str:
    """The refusal for pages that are only images: which pages, of how many."""
    listed = ", ".join(map(str, scanned[:20])) + (" …" if len(scanned) > 20 else "")
    many = len(scanned) > 1
    return (f"page{'s' if many else ''} {listed} of {total} {'are' if many else 'is a'} scanned "
            f"image{'s' if many else ''} with no text layer; run OCR on the file first")


def _key(line: Line) -> str:
    """A running header or footer with its page number blanked out: the same on every page."""
    return _DIGITS.sub("#", _SPACE.sub("", line.text))


def _running(pages: list[list[Line]]) -> set[tuple[int, int]]:
    """(page, line) of the lines at a page's top or bottom that repeat, number aside, on most pages."""
    if len(pages) < 2:
        return set()
    found: set[tuple[int, int]] = set()
    for top in (True, False):
        edge = [(p, i) for p, lines in enumerate(pages)
                for i in (range(min(_EDGE, len(lines))) if top else range(max(0, len(lines) - _EDGE), len(lines)))]
        pages_with = Counter(key for _, key in {(p, _key(pages[p][i])) for p, i in edge})
        common = {key for key, n in pages_with.items() if key and n >= max(2, -(-len(pages) * 3 // 5))}
        found.update((p, i) for p, i in edge if _key(pages[p][i]) in common)
    return found


def _continues(line: Line, following: Line, margins: tuple[float, float, bool]) -> bool:
    """Whether the layout broke a sentence between these lines: the first reaches the right margin and the next
    is not indented as a new paragraph; where paragraphs are not indented, a full line ending a sentence ends
    its paragraph too."""
    right, left, indents = margins
    text = line.text.rstrip()
    return (bool(text) and line.right >= right - _RAGGED * line.size
            and following.left < left + _INDENT * following.size and (indents or not text.endswith(_FINAL)))


def _glue(before: str, after: str) -> str:
    """What joins a line broken by the layout to the next: nothing in Chinese, a space between Latin words."""
    last, first = before.rstrip()[-1:], after[:1]
    return " " if last.isascii() and last.isalnum() and first.isascii() and first.isalnum() else ""


def _margins(lines: list[Line]) -> tuple[float, float, bool]:
    """A page's right and left margin, and whether its paragraphs start indented (two or more lines start about
    two characters in; a centred title or signature alone does not count)."""
    right, left = max(line.right for line in lines), min(line.left for line in lines)
    indented = sum(1 for line in lines if _INDENT * line.size <= line.left - left <= _INDENT_MAX * line.size)
    return right, left, indented >= 2


def assemble(pages: list[list[Line]]) -> PagedText:
    """The pages' text as one string: running headers/footers dropped, broken lines joined, radicals mapped."""
    running = _running(pages)
    parts: list[str] = []
    starts: list[int] = []
    length = joined = 0
    previous: Line | None = None
    margins = (0.0, 0.0, False)
    for p, lines in enumerate(pages):
        kept = [line for i, line in enumerate(lines) if (p, i) not in running and line.text.strip()]
        page_margins = _margins(kept) if kept else margins
        for line in kept:
            text = line.text.strip()
            if previous is not None:
                glue = _glue(previous.text, text) if _continues(previous, line, margins) else "\n"
                joined += glue != "\n"
                parts.append(glue)
                length += len(glue)
            if line is kept[0]:
                starts.append(length)
                margins = page_margins
            parts.append(text)
            length += len(text)
            previous = line
        if not kept:
            starts.append(length)
    text, radicals = unify_radicals("".join(parts))
    steps: dict[str, Any] = {"pages": len(pages)}
    repairs = {"radicals_mapped": radicals, "lines_joined": joined, "running_lines_dropped": len(running)}
    steps.update((name, value) for name, value in repairs.items() if value)
    return PagedText(text, starts, steps)


def paged_document(path: Path, pages: list[list[Line]], scanned: list[int], kind: str) -> list[SourceDocument]:
    """One document from a paged file (``kind``: PDF, OFD), with where each page starts in its meta (``pages``);
    refused when some pages are scans (``scanned``, 1-based) or there is no text."""
    if scanned:
        raise InputError(path, _scanned(scanned, len(pages)))
    paged = assemble(pages)
    result = normalise(paged.text)
    if not result.text.strip():
        raise InputError(path, f"the {kind} holds no text")
    check_printable(result.text, path)
    return [SourceDocument(name=path.name, text=result.text, source=str(path),
                           normalisation={"encoding": kind.lower(), **paged.steps, **result.steps},
                           meta={"pages": paged.page_starts})]
