"""Every export format behind one name: what it can hold, and its writer with the options it takes.

Writers take :class:`AnnotatedText` whose spans come sorted (by start, end, then label), as the storage reads
them (``iter_layers``, ``iter_majority``) and as :func:`by_sentence` keeps them: no writer sorts again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from biaozhu.corpus.formats.brat import write_brat
from biaozhu.corpus.formats.cluener import cluener_record
from biaozhu.corpus.formats.conll import write_conll
from biaozhu.corpus.formats.doccano import doccano_record, entities_record, write_jsonl
from biaozhu.corpus.formats.hf import write_hf
from biaozhu.corpus.formats.labelstudio import labelstudio_tasks, write_labelstudio
from biaozhu.corpus.formats.spacy_docbin import write_docbin
from biaozhu.corpus.formats.spans_jsonl import spans_record
from biaozhu.corpus.model import AnnotatedText
from biaozhu.corpus.sentences import sentence_ranges, spans_in

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Format:
    """``nests``: holds a span inside another; ``folder``: writes a folder of files; ``tagged``: tokens with
    tags, split into sentences by default; ``level``: default tokens (None: the format has no tokens)."""

    nests: bool
    folder: bool = False
    tagged: bool = False
    level: str | None = None


FORMATS: dict[str, Format] = {
    "jsonl": Format(nests=True),
    "doccano-entities": Format(nests=True),
    "spans": Format(nests=True, level="word"),
    "spacy": Format(nests=True, level="word"),
    "conll": Format(nests=False, tagged=True, level="char"),
    "hf": Format(nests=False, tagged=True, level="char"),
    "brat": Format(nests=True, folder=True),
    "labelstudio": Format(nests=True),
    "cluener": Format(nests=True),
}


@dataclass(frozen=True, slots=True)
class WriteOptions:
    scheme: str = "bio"
    level: str | None = None
    sentences: bool = True
    max_length: int = 0
    tag_ids: Sequence[str] | None = None
    labels: Sequence[str] = field(default_factory=tuple)
    layered: bool = True
    with_text: bool = False  # conll: the ``# document``/``# text`` comments that keep the exact text


class Tally:
    """Counts the records an export writes as they go out: JSONL lines, CoNLL sentences, Label Studio tasks,
    DocBin docs, brat documents. A document is many records when written a sentence a record."""

    def __init__(self) -> None:
        self.records = 0

    def each(self, items: Iterable[T]) -> Iterator[T]:
        for item in items:
            self.records += 1
            yield item


def by_sentence(docs: Iterable[AnnotatedText], max_length: int = 0) -> Iterator[AnnotatedText]:
    """Each sentence as a record of its own, spans moved to its offsets; ``meta`` says where it came from."""
    for doc in docs:
        for number, (start, end) in enumerate(sentence_ranges(doc.text, doc.spans, max_length)):
            text = doc.text[start:end]
            yield AnnotatedText(doc.id, f"{doc.name}#{number}", text, hashlib.sha256(text.encode("utf-8")).hexdigest(),
                                {**doc.meta, "document": doc.name, "offset": start}, doc.annotator,
                                spans_in(doc.spans, start, end), doc.values_of(start, end))


def write_stream(name: str, docs: Iterable[AnnotatedText], options: WriteOptions,
                 tally: Tally | None = None) -> Iterator[bytes]:
    """The bytes of a single-file export, a document at a time; ``tally`` counts its records."""
    tally = tally or Tally()
    level = options.level or FORMATS[name].level or "char"
    if name == "conll":  # a chunk per sentence
        return tally.each(write_conll(docs, scheme=options.scheme, level=level, sentences=options.sentences,
                                      max_length=options.max_length, with_text=options.with_text))
    if name == "hf":  # a line per sentence
        return tally.each(write_hf(docs, scheme=options.scheme, level=level, sentences=options.sentences,
                                   max_length=options.max_length, tag_ids=options.tag_ids))
    if options.sentences:
        docs = by_sentence(docs, options.max_length)
    if name == "spacy":
        return write_docbin(tally.each(docs), level)
    if name == "labelstudio":
        return write_labelstudio(tally.each(labelstudio_tasks(docs)))
    records: dict[str, Callable[[AnnotatedText], dict[str, Any]]] = {
        "jsonl": doccano_record, "doccano-entities": entities_record, "cluener": cluener_record,
        "spans": partial(spans_record, level=level)}
    return write_jsonl(tally.each(map(records[name], docs)))


def write_folder(name: str, docs: Iterable[AnnotatedText], options: WriteOptions,
                 tally: Tally | None = None) -> Iterator[tuple[str, bytes]]:
    """``(relative path, content)`` of a folder export (brat); ``tally`` counts its documents."""
    if options.sentences:
        docs = by_sentence(docs, options.max_length)
    return write_brat((tally or Tally()).each(docs), options.labels, layered=options.layered)
