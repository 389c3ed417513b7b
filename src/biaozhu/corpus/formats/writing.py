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

from biaozhu.corpus.formats.doccano import doccano_record, entities_record, write_jsonl
from biaozhu.corpus.formats.links import moved
from biaozhu.corpus.model import AnnotatedText
from biaozhu.corpus.sentences import sentence_ranges, spans_in

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Format:
    """``nests``: holds a span inside another; ``folder``: writes a folder of files; ``tagged``: tokens with
    tags, split into sentences by default; ``level``: default tokens (None: the format has no tokens);
    ``relations``: holds relations between spans."""

    nests: bool
    folder: bool = False
    tagged: bool = False
    level: str | None = None
    relations: bool = True


FORMATS: dict[str, Format] = {
    "jsonl": Format(nests=True),
    "doccano-entities": Format(nests=True),
    "spans": Format(nests=True, level="word"),
    "spacy": Format(nests=True, level="word"),
    "conll": Format(nests=False, tagged=True, level="char", relations=False),
    "hf": Format(nests=False, tagged=True, level="char", relations=False),
    "brat": Format(nests=True, folder=True),
    "labelstudio": Format(nests=True),
    "cluener": Format(nests=True, relations=False),
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
    relation_types: Sequence[str] = field(default_factory=tuple)  # brat declares them in annotation.conf
    with_text: bool = False  # conll: the ``# document``/``# text`` comments that keep the exact text


class Tally:
    """Counts the records an export writes as they go out: JSONL lines, CoNLL sentences, Label Studio tasks,
    DocBin docs, brat documents. A document is many records when written a sentence a record. Relations are
    counted as written, or as left out where the format cannot hold them or a sentence cuts them."""

    def __init__(self) -> None:
        self.records = 0
        self.relations = 0
        self.relations_dropped = 0

    def each(self, items: Iterable[T]) -> Iterator[T]:
        for item in items:
            self.records += 1
            yield item

    def relations_of(self, docs: Iterable[AnnotatedText], holds: bool) -> Iterator[AnnotatedText]:
        """Count each document's relations as written (``holds``) or left out."""
        for doc in docs:
            if holds:
                self.relations += len(doc.relations)
            else:
                self.relations_dropped += len(doc.relations)
            yield doc


def by_sentence(docs: Iterable[AnnotatedText], max_length: int = 0,
                tally: Tally | None = None) -> Iterator[AnnotatedText]:
    """Each sentence as a record of its own, spans moved to its offsets; ``meta`` says where it came from. A
    relation between two sentences is left out (``tally`` counts it)."""
    for doc in docs:
        kept = 0
        for number, (start, end) in enumerate(sentence_ranges(doc.text, doc.spans, max_length)):
            text = doc.text[start:end]
            relations = moved(doc.relations, start, end)
            kept += len(relations)
            yield AnnotatedText(doc.id, f"{doc.name}#{number}", text, hashlib.sha256(text.encode("utf-8")).hexdigest(),
                                {**doc.meta, "document": doc.name, "offset": start}, doc.annotator,
                                spans_in(doc.spans, start, end), doc.values_of(start, end), relations)
        if tally is not None:
            tally.relations_dropped += len(doc.relations) - kept


def write_stream(name: str, docs: Iterable[AnnotatedText], options: WriteOptions,
                 tally: Tally | None = None) -> Iterator[bytes]:
    """The bytes of a single-file export, a document at a time; ``tally`` counts its records."""
    tally = tally or Tally()
    level = options.level or FORMATS[name].level or "char"
    if options.sentences and not FORMATS[name].tagged:  # conll and hf cut their own sentences
        docs = by_sentence(docs, options.max_length, tally)
    docs = tally.relations_of(docs, FORMATS[name].relations)
    # Each writer is imported when its format is written: together they were a tenth of a jsonl export's start.
    if name == "conll":  # a chunk per sentence
        from biaozhu.corpus.formats.conll import write_conll

        return tally.each(write_conll(docs, scheme=options.scheme, level=level, sentences=options.sentences,
                                      max_length=options.max_length, with_text=options.with_text))
    if name == "hf":  # a line per sentence
        from biaozhu.corpus.formats.hf import write_hf

        return tally.each(write_hf(docs, scheme=options.scheme, level=level, sentences=options.sentences,
                                   max_length=options.max_length, tag_ids=options.tag_ids))
    if name == "spacy":
        from biaozhu.corpus.formats.spacy_docbin import write_docbin

        return write_docbin(tally.each(docs), level)
    if name == "labelstudio":
        from biaozhu.corpus.formats.labelstudio import labelstudio_tasks, write_labelstudio

        return write_labelstudio(tally.each(labelstudio_tasks(docs)))
    if name in ("jsonl", "doccano-entities"):
        record: Callable[[AnnotatedText], dict[str, Any]] = doccano_record if name == "jsonl" else entities_record
    elif name == "cluener":
        from biaozhu.corpus.formats.cluener import cluener_record as record
    else:
        from biaozhu.corpus.formats.spans_jsonl import spans_record

        record = partial(spans_record, level=level)
    return write_jsonl(tally.each(map(record, docs)))


def write_folder(name: str, docs: Iterable[AnnotatedText], options: WriteOptions,
                 tally: Tally | None = None) -> Iterator[tuple[str, bytes]]:
    """``(relative path, content)`` of a folder export (brat); ``tally`` counts its documents."""
    from biaozhu.corpus.formats.brat import write_brat

    tally = tally or Tally()
    if options.sentences:
        docs = by_sentence(docs, options.max_length, tally)
    return write_brat(tally.each(tally.relations_of(docs, True)), options.labels, layered=options.layered,
                      relation_types=options.relation_types)
