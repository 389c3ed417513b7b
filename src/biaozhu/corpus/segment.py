"""Word snapping with jieba: a selection grows to word boundaries, and to span texts the project knows.

jieba's dictionary takes about a second to load, so it is read once per process (callers do that off the
UI thread, in chunks that leave the GIL free: ``jieba_dictionary.py``, where jieba itself is imported too) and
every :class:`Segmenter` gets its own ``jieba.Tokenizer`` on a copy of it: what one project teaches its
segmenter never leaks into another's.

Only word-like span texts are learned (:func:`word_like`): jieba's ``add_word`` stores every prefix of a word,
so a span over a whole 1,000,000-character report took 23 GB, at every start. And what is learned follows the
project's spans as they are now: each text is counted once per span, and forgotten when none is left.

Learning a text only counts it in a set of our own; jieba is taught it (``add_word``) the first time it occurs in a
text being cut, and forgets it with the last span. jieba cuts a text by looking up its substrings only, so it cuts
the neighbourhood of a selection as if it knew every learned text (but for the total of its frequencies, a little
smaller), while a project's million texts load in a fraction of a second, not half a minute of ``add_word``.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable, Mapping

from biaozhu.corpus.jieba_dictionary import load_dictionary
from biaozhu.corpus.slices import count_in_slices, map_in_slices

# Characters of context cut on each side of a selection: more than any word jieba knows.
WINDOW = 24
# The longest span text learned as a word: names of programmes and bodies are shorter ("酒城同心·金融速贷" is 9).
MAX_WORD = 20
# A line break or a sentence's end makes a text a passage, not a word.
_NOT_IN_A_WORD = re.compile(r"[\n\r\u2028\u2029。！？；!?;]")


def word_like(text: str) -> bool:
    """Whether a span text is a word snapping may learn: 2 to :data:`MAX_WORD` characters, one line, no
    sentence punctuation."""
    return 1 < len(text) <= MAX_WORD and text == text.strip() and not _NOT_IN_A_WORD.search(text)

_lock = threading.Lock()
_base: tuple[dict[str, int], int] | None = None


def base_dictionary() -> tuple[dict[str, int], int]:
    """jieba's default dictionary (word -> frequency, total), loaded once per process."""
    global _base
    with _lock:
        if _base is None:
            _base = load_dictionary()
        return _base


class Segmenter:
    """A jieba tokenizer of its own plus the span texts it has learned."""

    def __init__(self) -> None:
        freq, total = base_dictionary()
        import jieba  # loaded by then, with the dictionary

        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.FREQ, self._tokenizer.total = dict(freq), total
        self._tokenizer.initialized = True
        self._counts: Counter[str] = Counter()  # learned text -> how many spans have it
        self._before: dict[str, int | None] = {}  # text taught to jieba -> its frequency in jieba's own dictionary
        self._lengths: Counter[int] = Counter()  # length -> how many learned texts have it

    @property
    def learned(self) -> frozenset[str]:
        return frozenset(self._counts)

    def learn(self, words: Iterable[str]) -> None:
        """Count span texts; a word-like one comes out of the dictionary as one word and snapping keeps it whole."""
        for word in words:
            word = word.strip()
            if not word_like(word):
                continue
            if not self._counts[word]:
                self._lengths[len(word)] += 1
            self._counts[word] += 1

    def forget(self, words: Iterable[str]) -> None:
        """Count span texts gone; one no span has any more is no longer a word of its own (unless jieba's was)."""
        for word in words:
            word = word.strip()
            if self._counts[word] > 1:
                self._counts[word] -= 1
                continue
            if self._counts.pop(word, None) is not None:
                self._lengths[len(word)] -= 1
                if not self._lengths[len(word)]:
                    del self._lengths[len(word)]
            if word in self._before:  # back to jieba's own frequency (0: a prefix only, not a word)
                before = self._before.pop(word) or 0
                self._tokenizer.total += before - self._tokenizer.FREQ.get(word, 0)
                self._tokenizer.FREQ[word] = before  # not del_word: that forces a split in every tokenizer

    def _learn_all(self, counts: Mapping[str, int]) -> None:
        """What :meth:`learn` does for each span of ``counts`` (text -> spans having it), at once: a fresh
        segmenter learns a project's million texts in a few tenths of a second."""
        unfit = [text for text in counts if not word_like(text)]  # few: most span texts are words as they are
        kept = Counter(counts)  # a copy of the table: inserting a million texts one by one takes twice as long
        for text in unfit:
            count, word = kept.pop(text), text.strip()
            if word_like(word):
                kept[word] += count
        self._counts = kept
        self._lengths = count_in_slices(map_in_slices(len, kept))  # a worker's: the UI thread runs between slices

    def _teach(self, text: str) -> None:
        """Teach jieba the learned texts that occur in ``text`` and it has not been taught yet: shorter ones first,
        so that a longer one (绵阳市委统战部) gets a frequency that keeps it whole over a shorter (市委统战部)."""
        for length in sorted(self._lengths):
            for start in range(len(text) - length + 1):
                word = text[start:start + length]
                if word in self._counts and word not in self._before:
                    self._before[word] = self._tokenizer.FREQ.get(word)
                    self._tokenizer.add_word(word)

    def follow(self, counts: Mapping[str, int], words: Iterable[str] | None = None) -> None:
        """Learn and forget until the counts are ``counts`` (span text -> spans having it, as stored now); with
        ``words``, only for those (the texts whose counts may have changed: a few, where all are a million)."""
        if words is None and not self._counts:
            self._learn_all(counts)
            return
        if words is None:
            for word in list(self._counts):
                if counts.get(word, 0) < self._counts[word]:
                    self.forget([word] * (self._counts[word] - counts.get(word, 0)))
            words = counts
        for word in words:
            have, want = self._counts.get(word, 0), counts.get(word, 0)
            if want < have:
                self.forget([word] * (have - want))
            elif want > have:
                self.learn([word] * (want - have))

    def words(self, text: str) -> list[tuple[int, int]]:
        """Word boundaries ``(start, end)`` of ``text``, the learned texts in it kept whole."""
        self._teach(text)
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
        """Look up each substring of a learned length that overlaps the selection (a few hundred set lookups,
        however many texts are learned) and grow over those it does not contain, until none is left."""
        changed = True
        while changed:
            changed = False
            for length in self._lengths:
                for s in range(max(0, start - length + 1), min(end, len(text) - length + 1)):
                    if (s < start or s + length > end) and text[s:s + length] in self._counts:
                        start, end, changed = min(s, start), max(s + length, end), True
        return start, end
