"""A report's outline: its headings, found from Word's heading styles and outline levels when the document
came with them, else from the text: Chinese official-document numbering (GB/T 9704: 一、 （一） 1. （1）) and
short unnumbered title lines such as 坚持政治引领 把牢方向之舵. Not sentences, signature lines
(泸州市委统战部2023-2-13), dates, or 一是/二是 lists. Pure functions on the stored text and meta."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from biaozhu.corpus.model import AnnotatedText

_CN = "一二三四五六七八九十百零〇"
# Numbering by level, GB/T 9704's order; a 1. before a digit is a number (1.5亿), not a heading.
_NUMBERED: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(f"^[{_CN}]+[、．.]")),
    (2, re.compile(f"^[（(][{_CN}]+[）)]")),
    (3, re.compile(r"^[0-9０-９]+(?:[、]|[.．](?![0-9０-９]))")),
    (4, re.compile(r"^[（(][0-9０-９]+[）)]")),
)
_SENTENCE_END = re.compile("[。！？!?；;]")
_TITLE_BREAKERS = re.compile("[，。！？；：,;:!?、]")
_DATE = re.compile(r"(?:[0-9０-９]{4}\s*[-./年－]\s*[0-9０-９]{1,2}\s*(?:月|[-./－])?\s*(?:[0-9０-９]{1,2}\s*日?)?"
                   f"|[{_CN}]{{4}}年[{_CN}]{{1,2}}月(?:[{_CN}]{{1,3}}日)?)\\s*$")
_HAN = re.compile("[\u4e00-\u9fff]")
# A numbered heading's own words end at the first sentence end; longer than this, it is a numbered paragraph.
NUMBERED_MAX = 40
TITLE_MIN, TITLE_MAX = 4, 30
DOCUMENT_TITLE_MAX = 80


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading: its level (0 for the document's title, 1 the top section), words, and code-point offsets of
    the heading itself [start, end) and of its section [start, section_end)."""

    level: int
    text: str
    start: int
    end: int
    section_end: int


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _numbered(line: str) -> tuple[int, int] | None:
    """(level, length of the heading's words) of a numbered heading line, or None."""
    for level, pattern in _NUMBERED:
        number = pattern.match(line)
        if number:
            end = _SENTENCE_END.search(line)
            words = line[:end.start()] if end else line.rstrip()
            return (level, len(words)) if number.end() < len(words) <= NUMBERED_MAX else None
    return None


def _is_title(line: str, limit: int, breakers: re.Pattern[str]) -> bool:
    """A short line of Chinese words with no sentence punctuation, no date, not an 一是 list item."""
    words = line.strip()
    return (TITLE_MIN <= len(words) <= limit and bool(_HAN.search(words)) and not breakers.search(words)
            and not _DATE.search(words) and not re.match(f"^[{_CN}]+是", words))


def detect(text: str) -> list[tuple[int, int, int]]:
    """(start, end, level) of the heading lines found in plain text."""
    found: list[tuple[int, int, int]] = []
    lines = list(_lines(text))
    first = next((i for i, (_, line) in enumerate(lines) if line.strip()), None)
    for i, (start, line) in enumerate(lines):
        words = line.strip()
        if not words:
            continue
        lead = start + len(line) - len(line.lstrip())
        followed = any(rest.strip() for _, rest in lines[i + 1:i + 3])
        numbered = _numbered(words)
        if numbered:
            found.append((lead, lead + numbered[1], numbered[0]))
        elif i == first and followed and _is_title(words, DOCUMENT_TITLE_MAX, _SENTENCE_END):
            found.append((lead, lead + len(words), 0))
        elif followed and _is_title(words, TITLE_MAX, _TITLE_BREAKERS):
            found.append((lead, lead + len(words), 1))
    return found


def outline(text: str, meta: Mapping[str, Any] | None = None) -> list[Heading]:
    """The document's headings with their sections: Word's headings (``meta["headings"]``) when it has them,
    else those :func:`detect` finds."""
    given: Sequence[Any] = (meta or {}).get("headings") or []
    marks = [(int(s), int(e), int(level)) for s, e, level in given] if given else detect(text)
    marks.sort()
    headings: list[Heading] = []
    for i, (start, end, level) in enumerate(marks):
        section_end = next((s for s, _, other in marks[i + 1:] if other <= level), len(text))
        headings.append(Heading(level, text[start:end], start, end, section_end))
    return headings


def section_at(headings: Sequence[Heading], offset: int) -> list[Heading]:
    """The path of headings whose sections hold ``offset``, outermost first (for the status bar and exports)."""
    index = bisect.bisect_right([h.start for h in headings], offset)
    return [h for h in headings[:index] if h.start <= offset < h.section_end]


def with_sections(doc: AnnotatedText) -> AnnotatedText:
    """The document with each span's section path in its meta (``span_sections``: start, end, label and the
    headings, outermost first), for exports that carry meta."""
    headings = outline(doc.text, doc.meta)
    sections = [[span.start, span.end, span.label, [h.text.strip() for h in section_at(headings, span.start)]]
                for span in doc.spans]
    return replace(doc, meta={**doc.meta, "span_sections": sections})
