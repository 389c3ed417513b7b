"""Word snapping with jieba: a selection grows to word boundaries, and to span texts the project knows.

jieba's dictionary takes about a second to load, so it is read once per process (callers do that off the
UI thread) and every :class:`Segmenter` gets its own ``jieba.Tokenizer`` on a copy of it: what one project
teaches its segmenter never leaks into another's.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

import jieba

# Characters of context cut on each side of a selection: more than any word jieba knows.
WINDOW = 24

_lock = threading.Lock()
_base: tuple[dict[str, int], int] | None = None


def _base_dictionary() -> tuple[dict[str, int], int]:
    """jieba's default dictionary (word -> frequency, total), loaded once per process."""
    global _base
    with _lock:
        if _base is None:
            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            _base = tokenizer.FREQ, tokenizer.total
        return _base


class Segmenter:
    """A jieba tokenizer of its own plus the span texts it has learned."""

    def __init__(self) -> None:
        freq, total = _base_dictionary()
        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.FREQ, self._tokenizer.total = dict(freq), total
        self._tokenizer.initialized = True
        self._learned: set[str] = set()

    @property
    def learned(self) -> frozenset[str]:
        return frozenset(self._learned)

    def learn(self, words: Iterable[str]) -> None:
        """Add span texts to the dictionary so they come out as one word, and remember them for snapping."""
        for word in words:
            word = word.strip()
            if len(word) > 1 and word not in self._learned:
                self._learned.add(word)
                self._tokenizer.add_word(word)

    def words(self, text: str) -> list[tuple[int, int]]:
        """Word boundaries ``(start, end)`` of ``text``."""
        return [(s, e) for _, s, e in self._tokenizer.tokenize(text)]

    def longer_word(self, text: str, start: int, end: int) -> str | None:
        """The word longer than ``[start, end)`` that contains it, if any: 市委统战部 lies inside 绵阳市委统战部
        once that is a span text learned (tag-all leaves such an occurrence alone)."""
        left = max(0, start - WINDOW)
        right = min(len(text), end + WINDOW)
        for s, e in self.words(text[left:right]):
            if s + left <= start and end <= e + left and e - s > end - start:
                return text[s + left:e + left]
        return None

    def snap(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Grow ``[start, end)`` to the boundaries of the words it touches and over learned texts it overlaps.

        jieba's default pattern cuts at '·', so a learned “酒城同心·金融速贷” is kept whole by the second
        step, which grows the selection over every occurrence of a learned text that it overlaps.
        """
        if start >= end:
            return start, end
        left = max(0, start - WINDOW)
        right = min(len(text), end + WINDOW)
        for s, e in self.words(text[left:right]):
            s, e = s + left, e + left
            if s < start < e:
                start = s
            if s < end < e:
                end = e
        return self._grow_over_learned(text, start, end)

    def _grow_over_learned(self, text: str, start: int, end: int) -> tuple[int, int]:
        longest = max(map(len, self._learned), default=0)
        changed = True
        while changed and longest:
            changed = False
            left = max(0, start - longest + 1)
            window = text[left:end + longest - 1]
            for word in self._learned:
                at = window.find(word)
                while at != -1:
                    s, e = at + left, at + left + len(word)
                    if s < end and e > start and (s < start or e > end):
                        start, end, changed = min(s, start), max(e, end), True
                    at = window.find(word, at + 1)
                if changed:
                    break
        return start, end
