"""The model engine: a character CRF (python-crfsuite) per label, so that spans of different labels may nest, trained
on the project's spans with the features of :mod:`biaozhu.corpus.crf_features` (characters, jieba words, quotes,
the rules' and the dictionary's findings). A model is one file, a zip holding each label's CRF and the dictionary it
was trained with, read back whole with :meth:`Model.load`.

crfsuite's trainer holds the GIL for its whole run: the window trains in another process
(``biaozhu.operations.model``); this module only turns texts into bytes and bytes into suggestions.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pycrfsuite

from biaozhu.corpus.crf_features import features, sentences, spans_of, tags
from biaozhu.corpus.errors import Refused
from biaozhu.corpus.suggestions import MODEL, Dictionary, Example, Suggestion

FORMAT = 1
# What the features and the rules inside them are: a model trained with other ones is trained again, even on the same
# spans (raise it when crf_features, the rules or the parts of speech they read change what a character is given).
FEATURES = 2
# Characters of sentences a model is trained on at most (sentences holding spans first): crfsuite keeps every
# feature of what it trains on in memory, and its time grows with them (150,000 characters: about a minute of one
# core, benchmarks/suggestions.py).
TRAINING_BUDGET = 150_000
# Another engine's suggestion the model gives less than this is not shown (the model learned it is wrong there).
JUDGED_FLOOR = 0.05
_PARAMETERS = {"c1": 0.05, "c2": 0.01, "max_iterations": 120, "feature.possible_transitions": True}

Segment = Callable[[str], Sequence[tuple[int, int]]]  # a text's word boundaries (jieba's, in the app)


@dataclass
class Trained:
    """What a training run tells: how much it learned from (kept in the model file)."""

    labels: list[str]
    documents: int = 0
    spans: int = 0
    characters: int = 0
    left_out: int = 0  # characters of sentences beyond the budget
    extra: dict[str, object] = field(default_factory=dict)  # what the caller adds (when, from what)


@dataclass(frozen=True, slots=True)
class _Piece:
    text: str
    spans: list[tuple[int, int, str]]  # offsets in the piece
    fold: int  # the dictionary of its features is learned from the other fold


def _pieces(examples: Iterable[Example]) -> list[_Piece]:
    """Each example's sentences with the spans inside them (found by bisection: a 5 MB text has 150,000)."""
    found: list[_Piece] = []
    for example in examples:
        spans = sorted(example.spans, key=lambda s: s.start)
        starts = [span.start for span in spans]
        for sentence in sentences(example.text):
            among = spans[bisect_left(starts, sentence.start):bisect_left(starts, sentence.end)]
            inside = [(s.start - sentence.start, s.end - sentence.start, s.label) for s in among
                      if s.start < s.end <= sentence.end]
            found.append(_Piece(example.text[sentence.start:sentence.end], inside, len(found) % 2))
    return found


def _within_budget(pieces: list[_Piece], budget: int) -> tuple[list[_Piece], int]:
    """Sentences holding spans first, then the others, up to ``budget`` characters; and what was left out."""
    chosen, used = [], 0
    for piece in sorted(pieces, key=lambda p: not p.spans):
        if used + len(piece.text) <= budget:
            chosen.append(piece)
            used += len(piece.text)
    return chosen, sum(len(p.text) for p in pieces) - used


def _dictionary(pieces: Iterable[_Piece]) -> Dictionary:
    return Dictionary(Counter((piece.text[s:e], label) for piece in pieces for s, e, label in piece.spans))


def train(examples: Iterable[Example], labels: Sequence[str], segment: Segment, budget: int = TRAINING_BUDGET,
          extra: Mapping[str, object] | None = None) -> tuple[bytes, Trained]:
    """A model file's bytes, trained on ``examples``. The dictionary features of each sentence are learned from
    the other half of the sentences, as they will be on a text the model has not seen: otherwise the model would
    learn that the dictionary is always right."""
    examples = list(examples)
    pieces, left_out = _within_budget(_pieces(examples), budget)
    halves = [_dictionary(p for p in pieces if p.fold != fold) for fold in (0, 1)]
    trainers = {label: pycrfsuite.Trainer(verbose=False) for label in labels}
    for piece in pieces:
        sequence = pycrfsuite.ItemSequence(features(piece.text, segment(piece.text), halves[piece.fold]))
        for label, trainer in trainers.items():
            trainer.append(sequence, tags([(s, e) for s, e, name in piece.spans if name == label], 0,
                                          len(piece.text)))
    learned = Counter((piece.text[s:e], label) for piece in pieces for s, e, label in piece.spans)
    info = Trained(list(labels), len(examples), sum(learned.values()), sum(len(p.text) for p in pieces), left_out,
                   dict(extra or {}))
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory(prefix="biaozhu-crf-") as folder, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        for number, trainer in enumerate(trainers.values()):
            trainer.set_params(_PARAMETERS)
            path = Path(folder) / f"{number}.crfsuite"
            trainer.train(str(path))
            bundle.writestr(f"{number}.crfsuite", path.read_bytes())
        bundle.writestr("meta.json", json.dumps({
            "format": FORMAT, "labels": list(labels), "info": _info(info),
            "dictionary": [[text, label, count] for (text, label), count in learned.items()]}, ensure_ascii=False))
    return buffer.getvalue(), info


def _info(info: Trained) -> dict[str, object]:
    return {"documents": info.documents, "spans": info.spans, "characters": info.characters,
            "left_out": info.left_out, **info.extra}


@dataclass(frozen=True, slots=True)
class Tagged:
    suggestions: list[Suggestion]
    uncertainty: float  # mean over sentences and labels of 1 - the probability of the best tagging
    judged: list[Suggestion]  # the candidates given, scored by the model


class Model:
    """A trained model, ready to tag texts."""

    def __init__(self, data: bytes) -> None:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as bundle:
                meta = json.loads(bundle.read("meta.json"))
                if meta.get("format") != FORMAT:
                    raise Refused(f"the model file is of format {meta.get('format')}, this biaozhu reads {FORMAT}: "
                                  "it is trained again")
                self.labels: list[str] = list(meta["labels"])
                self.info: dict[str, object] = dict(meta["info"])
                self.taggers = {}
                # crfsuite reads the model where it lies: the bytes must live as long as the tagger
                self._data = [bundle.read(f"{number}.crfsuite") for number in range(len(self.labels))]
                for label, model in zip(self.labels, self._data, strict=True):
                    tagger = pycrfsuite.Tagger()
                    tagger.open_inmemory(model)
                    self.taggers[label] = tagger
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
            raise Refused(f"the model file is damaged ({exc}): it is trained again") from None
        self.dictionary = Dictionary({(text, label): count for text, label, count in meta["dictionary"]})

    @classmethod
    def load(cls, path: Path) -> Model | None:
        """The model in ``path``; None when there is none yet."""
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        return cls(data)

    def tag(self, text: str, segment: Segment, labels: Iterable[str] | None = None,
            candidates: Sequence[Suggestion] = ()) -> Tagged:
        """The spans each label's CRF finds, scored by the lowest marginal probability of their tags (and of the
        tag just after them: how sure the model is of both boundaries); the other engines' ``candidates`` scored
        the same way (those of a label it never saw a span of, or running over a sentence's end, kept as they are);
        and how unsure the model is of the whole text."""
        wanted = [label for label in self.labels if labels is None or label in set(labels)]
        found: list[Suggestion] = []
        cut = sentences(text)
        starts = [sentence.start for sentence in cut]
        waiting: dict[tuple[int, str], list[Suggestion]] = defaultdict(list)
        judged: list[Suggestion] = []
        for candidate in candidates:
            at = bisect_right(starts, candidate.start) - 1
            if at >= 0 and candidate.end <= cut[at].end and candidate.label in self.taggers:
                waiting[at, candidate.label].append(candidate)
            else:
                judged.append(candidate)
        doubt, counted = 0.0, 0
        for number, sentence in enumerate(cut):
            piece = text[sentence.start:sentence.end]
            sequence = pycrfsuite.ItemSequence(features(piece, segment(piece), self.dictionary))
            for label in wanted:
                tagger = self.taggers[label]
                tagger.set(sequence)
                best = tagger.tag()
                doubt += 1.0 - tagger.probability(best)
                counted += 1
                for start, end in spans_of(best):
                    sure = _sureness(tagger, best, start, end)
                    found.append(Suggestion(sentence.start + start, sentence.start + end, label, sure, MODEL))
                learned = "B" in tagger.labels()
                for candidate in waiting.pop((number, label), []):
                    if not learned:
                        judged.append(candidate)
                        continue
                    start, end = candidate.start - sentence.start, candidate.end - sentence.start
                    shape = ["B"] + ["I"] * (end - start - 1) + ["O"] * (end < len(best))
                    sure = _sureness(tagger, [*best[:start], *shape], start, end)
                    judged.append(replace(candidate, score=sure))
        judged += [candidate for rest in waiting.values() for candidate in rest]
        return Tagged(found, doubt / counted if counted else 0.0, judged)

    def suggest(self, text: str, segment: Segment, labels: Iterable[str] | None = None,
                candidates: Sequence[Suggestion] = ()) -> list[Suggestion]:
        """The model's own suggestions, and ``candidates`` it judged worth showing."""
        tagged = self.tag(text, segment, labels, candidates)
        return tagged.suggestions + [s for s in tagged.judged if s.score >= JUDGED_FLOOR]


def _sureness(tagger: pycrfsuite.Tagger, tagged: Sequence[str], start: int, end: int) -> float:
    """The lowest marginal probability of the tags of ``[start, end)`` and of the one after it."""
    return round(float(min(tagger.marginal(tagged[at], at) for at in range(start, min(end + 1, len(tagged))))), 3)
