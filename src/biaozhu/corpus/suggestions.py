"""Suggested spans, before anyone tags: rules that know how these reports write figures, programmes and
organisations, the project's own dictionary (every span text proposes the same text elsewhere), and the model
learned from the project's spans (:mod:`biaozhu.corpus.crf`).

Pure functions from a text to :class:`Suggestion` s; the caller stores them as the ``suggestions`` layer, which
never enters anyone's data until accepted. A layer must not hold crossing spans, so :func:`compatible` keeps the
best-scored suggestions that nest or stand apart.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from biaozhu.corpus.model import Span
from biaozhu.corpus.organizations import organization_names
from biaozhu.corpus.programmes import programme_names
from biaozhu.corpus.quantities import parse_quantity
from biaozhu.corpus.spans import crosses

METRIC, PROGRAM, ORGANIZATION = "METRIC", "PROGRAM", "ORGANIZATION"
RULES, DICTIONARY, MODEL = "rules", "dictionary", "model"
ENGINES = (RULES, DICTIONARY, MODEL)
# The learned model's suggestions for a text, with the other engines' (given) as it judges them
# (:class:`biaozhu.corpus.crf.Model`, with a word segmenter).
Proposer = Callable[[str, Sequence["Suggestion"]], list["Suggestion"]]

_NUMBER = r"(?:\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+)"
_UNITS = ("个百分点", "万人次", "人次", "亿美元", "万美元", "美元", "亿元", "万元", "千元", "元", "万吨", "吨",
          "平方米", "万亩", "亩", "公里", "千米", "米", "户", "家", "个", "件", "条", "次", "批次",
          "名", "项", "份", "场", "批", "期", "所", "笔", "人", "位", "篇", "部", "组", "种", "类",
          "本", "支", "倍", "天", "小时", "座", "台", "辆", "套", "处", "间", "张", "册", "%", "％")
_UNIT = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
# A figure with its unit: 377.178亿元, 38万余公里, 50多件, 近千个, 3.2个百分点, 5-8万元 (and 百分之四十 apart), or
# Arabic digits with a magnitude and nothing counted after them (会员1.59万，). Not after 第 (第十二次, an ordinal),
# 数/几 (数百名: no figure), an opening quote (“五个认同”: a name) or inside a figure (十二次 of 第十二次).
_METRIC = re.compile(rf"(?<![第数几“\"\d.零〇一二两三四五六七八九十百千万亿])(?:"
                     rf"(?:近|约|超过|逾|不足|不到)?{_NUMBER}(?:[万亿千百]+)?(?:余|多)?"
                     rf"(?:\s*[-~～至到—]\s*{_NUMBER}(?:[万亿千百]+)?)?(?:余|多)?(?:{_UNIT})(?:以上|以下|左右)?"
                     rf"|百分之{_NUMBER}"
                     rf"|\d+(?:\.\d+)?[万亿](?:余|多)?(?![\u4e00-\u9fff\d%％]))")
# 一个, 一名, 一批: an article (一个缩影), not a reported figure
_ARTICLE = re.compile(r"一(?:个|名|份|批|支|件|项|种|位|家|条|次|场|部|本|张|组|类|处)")


@dataclass(frozen=True, slots=True)
class Example:
    """A text and the spans one layer has on it: what the learned model is trained on."""

    text: str
    spans: Sequence[Span]


@dataclass(frozen=True, slots=True)
class Suggestion:
    start: int
    end: int
    label: str
    score: float  # 0–1: how sure the engine is
    engine: str

    def as_span(self, text: str) -> Span:
        return Span(self.start, self.end, self.label, text[self.start:self.end])


def rule_suggestions(text: str, labels: Iterable[str] = (METRIC, PROGRAM, ORGANIZATION)) -> list[Suggestion]:
    """What the rules find: figures with units (checked by :func:`parse_quantity`: no years, dates or 一是),
    programmes' names in quotes and plans' titles (:mod:`biaozhu.corpus.programmes`), and organisations' names
    (:mod:`biaozhu.corpus.organizations`)."""
    wanted = set(labels)
    found: list[Suggestion] = []
    if METRIC in wanted:
        for match in _METRIC.finditer(text):
            if parse_quantity(match.group()) is not None and not _ARTICLE.fullmatch(match.group()):
                # 一个, 两名: a count in a sentence more often than a reported figure
                small = len(match.group()) <= 2 and not match.group()[0].isdigit()
                found.append(Suggestion(match.start(), match.end(), METRIC, 0.3 if small else 0.9, RULES))
    if PROGRAM in wanted:
        found += [Suggestion(start, end, PROGRAM, score, RULES) for start, end, score in programme_names(text)]
    if ORGANIZATION in wanted:
        found += [Suggestion(start, end, ORGANIZATION, score, RULES) for start, end, score in organization_names(text)]
    return found


class Dictionary:
    """Every span text of the project with how often it got each label: the same text elsewhere is proposed
    with its most frequent label, scored by that label's share.

    A team project knows a million texts: they are looked up in a dict, at each position of the text only at the
    lengths that entries starting with its next two characters have (a regex alternation of the entries took 15 s
    to compile and 10 s per thousand characters at that size)."""

    def __init__(self, counts: Mapping[tuple[str, str], int], shortest: int = 2) -> None:
        """``counts``: how many spans have each (text, label)."""
        self._usual: dict[str, tuple[str, int]] = {}  # each text's most frequent label (the first counted on a tie)
        self._totals: dict[str, int] = {}  # spans of each text that has more than one label
        usual, totals = self._usual, self._totals
        for (text, label), count in counts.items():
            if (seen := usual.get(text)) is None:
                if len(text) >= shortest and "\n" not in text:
                    usual[text] = (label, count)
                continue
            totals[text] = totals.get(text, seen[1]) + count  # the first label's count while it is the only one
            if count > seen[1]:
                usual[text] = (label, count)
        self._key = min(2, shortest)
        lengths: dict[str, set[int]] = defaultdict(set)
        for text in usual:
            lengths[text[:self._key]].add(len(text))
        self._lengths = {key: sorted(found, reverse=True) for key, found in lengths.items()}

    def __len__(self) -> int:
        """How many texts it knows."""
        return len(self._usual)

    @classmethod
    def learn(cls, spans: Iterable[Span]) -> Dictionary:
        """The dictionary of these spans' texts."""
        return cls(Counter((span.text, span.label) for span in spans))

    def suggest(self, text: str) -> list[Suggestion]:
        """Every occurrence, longest entry first where they start at one place."""
        found = []
        lengths_at, usual, totals, key, size = self._lengths.get, self._usual, self._totals, self._key, len(text)
        for start in range(size - key + 1):
            for length in lengths_at(text[start:start + key], ()):
                piece = text[start:start + length] if start + length <= size else ""
                if (entry := usual.get(piece)) is not None:
                    label, count = entry
                    share = count / totals.get(piece, count)
                    found.append(Suggestion(start, start + length, label, round(0.5 + 0.5 * share, 3), DICTIONARY))
                    break
        return found


def compatible(suggestions: Iterable[Suggestion], existing: Sequence[tuple[int, int]] = ()) -> list[Suggestion]:
    """The best-scored suggestions that cross neither each other nor ``existing`` ranges, one per range and label,
    in text order. Only ranges starting less than the longest one's length before a suggestion can cross it, so a
    5 MB report's tens of thousands of suggestions take a bisection each, not a scan of all those kept so far."""
    kept: list[Suggestion] = []
    taken: set[tuple[int, int, str]] = set()
    ranges = sorted(existing)
    longest = max((end - start for start, end in ranges), default=0)
    for item in sorted(suggestions, key=lambda s: (-s.score, s.start, s.end - s.start)):
        if (item.start, item.end, item.label) in taken:
            continue
        near = ranges[bisect_left(ranges, (item.start - longest,)):bisect_left(ranges, (item.end,))]
        if any(crosses(s, e, item.start, item.end) for s, e in near):
            continue
        kept.append(item)
        taken.add((item.start, item.end, item.label))
        insort(ranges, (item.start, item.end))
        longest = max(longest, item.end - item.start)
    return sorted(kept, key=lambda s: (s.start, -s.end, s.label))


def suggest(text: str, engines: Sequence[str], dictionary: Dictionary | None = None,
            labels: Iterable[str] = (METRIC, PROGRAM, ORGANIZATION), model: Proposer | None = None
            ) -> list[Suggestion]:
    """The engines' suggestions for ``text``, made compatible (no crossing pairs)."""
    wanted = set(labels)
    found: list[Suggestion] = []
    if RULES in engines:
        found += rule_suggestions(text, wanted)
    if DICTIONARY in engines and dictionary is not None:
        found += [s for s in dictionary.suggest(text) if s.label in wanted]
    if MODEL in engines and model is not None:  # it learned from the same spans: it has the last word
        found = [s for s in model(text, found) if s.label in wanted]
    return compatible(found)


@dataclass(frozen=True, slots=True)
class Score:
    true_positives: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float | None:
        return self.true_positives / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.true_positives / self.expected if self.expected else None

    @property
    def f1(self) -> float | None:
        total = self.predicted + self.expected
        return 2 * self.true_positives / total if total else None


def evaluate(pairs: Iterable[tuple[Sequence[Span], Sequence[Span]]]) -> Mapping[str, Score]:
    """Exact-match precision/recall/F1 per label and overall (key ``all``) of predicted against expected spans,
    one pair of span lists per document."""
    hits: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    for guessed, truth in pairs:
        same = {(s.start, s.end, s.label) for s in guessed} & {(s.start, s.end, s.label) for s in truth}
        hits.update(label for _, _, label in same)
        predicted.update(s.label for s in guessed)
        expected.update(s.label for s in truth)
    labels = sorted(set(predicted) | set(expected))
    scores = {label: Score(hits[label], predicted[label], expected[label]) for label in labels}
    scores["all"] = Score(sum(hits.values()), sum(predicted.values()), sum(expected.values()))
    return scores
