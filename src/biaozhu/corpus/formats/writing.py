"""Every export format behind one name: what it can hold, and its writer with the options it takes.

Writers take :class:`AnnotatedText` whose spans come sorted (by start, end, then label), as the storage reads
them (``iter_layers``, ``iter_majority``) and as :func:`by_sentence` keeps them: no writer sorts again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from biaozhu.corpus.formats.brat import write_brat
from biaozhu.corpus.formats.cluener import write_cluener
from biaozhu.corpus.formats.conll import write_conll
from biaozhu.corpus.formats.doccano import write_doccano, write_doccano_entities
from biaozhu.corpus.formats.hf import write_hf
from biaozhu.corpus.formats.labelstudio import write_labelstudio
from biaozhu.corpus.formats.spacy_docbin import write_docbin
from biaozhu.corpus.formats.spans_jsonl import write_spans
from biaozhu.corpus.model import AnnotatedText
from biaozhu.corpus.sentences import sentence_ranges, spans_in


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


def by_sentence(docs: Iterable[AnnotatedText], max_length: int = 0) -> Iterator[AnnotatedText]:
    """Each sentence as a record of its own, spans moved to its offsets; ``meta`` says where it came from."""
    for doc in docs:
        for number, (start, end) in enumerate(sentence_ranges(doc.text, doc.spans, max_length)):
            text = doc.text[start:end]
            yield AnnotatedText(doc.id, f"{doc.name}#{number}", text, hashlib.sha256(text.encode("utf-8")).hexdigest(),
                                {**doc.meta, "document": doc.name, "offset": start}, doc.annotator,
                                spans_in(doc.spans, start, end))


def write_stream(name: str, docs: Iterable[AnnotatedText], options: WriteOptions) -> Iterator[bytes]:
    """The bytes of a single-file export, a document at a time."""
    level = options.level or FORMATS[name].level or "char"
    if FORMATS[name].tagged:
        tagging = {"scheme": options.scheme, "level": level, "sentences": options.sentences,
                   "max_length": options.max_length}
        if name == "conll":
            return write_conll(docs, **tagging, with_text=options.with_text)
        return write_hf(docs, **tagging, tag_ids=options.tag_ids)
    if options.sentences:
        docs = by_sentence(docs, options.max_length)
    if name == "spans":
        return write_spans(docs, level)
    if name == "spacy":
        return write_docbin(docs, level)
    writers = {"jsonl": write_doccano, "doccano-entities": write_doccano_entities, "labelstudio": write_labelstudio,
               "cluener": write_cluener}
    return writers[name](docs)


def write_folder(name: str, docs: Iterable[AnnotatedText], options: WriteOptions) -> Iterator[tuple[str, bytes]]:
    """``(relative path, content)`` of a folder export (brat)."""
    if options.sentences:
        docs = by_sentence(docs, options.max_length)
    return write_brat(docs, options.labels, layered=options.layered)
