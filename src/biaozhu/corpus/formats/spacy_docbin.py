"""spaCy ``DocBin`` (``.spacy``) for ``spacy train``; spaCy is an optional extra, imported only here.

Each Doc reproduces the text exactly: words are our tokens (jieba, cut at span boundaries), and white
space other than a single space after a word becomes a space token, as spaCy's own tokenizer does.
``doc.spans["sc"]`` holds every span; ``doc.ents`` the outermost ones (entities cannot nest). The layer,
document name and relations (``[from, to, type]``, positions in ``doc.spans["sc"]``) travel in
``user_data["biaozhu"]``; a METRIC span's value as span extensions (``span._.value``, ``value_max``, ``unit``,
``qualifier``, once registered with ``Span.set_extension(name, default=None)``), which spaCy keeps in
``user_data`` too.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.formats.common import build_document
from biaozhu.corpus.formats.guard import MB, max_size, too_big
from biaozhu.corpus.formats.links import RawRelation, RawValue, relation_ends
from biaozhu.corpus.model import AnnotatedText, SourceDocument, SpanValue
from biaozhu.corpus.nesting import keep_outer
from biaozhu.corpus.tokens import check_tokenisable, spacy_tokens, tokenise

SPANS_KEY = "sc"
CHUNK = 1024 * 1024
EXTENSIONS = SpanValue._fields  # value, value_max, unit, qualifier: span._.value ...


def _spacy() -> Any:
    try:
        import spacy
    except ImportError:
        raise RuntimeError("the spacy format needs spaCy: pip install 'biaozhu[spacy]'") from None
    return spacy


def to_doc(vocab: Any, doc: AnnotatedText, level: str = "word") -> Any:
    from spacy.tokens import Doc

    check_tokenisable(f"document {doc.id} ({doc.name})", doc.spans)
    tokens = spacy_tokens(doc.text, tokenise(doc.text, doc.spans, level))
    result = Doc(vocab, words=[doc.text[t.start:t.end] for t in tokens], spaces=[t.ws for t in tokens])
    every = {s: result.char_span(s.start, s.end, label=s.label, alignment_mode="strict") for s in doc.spans}
    found = {s: span for s, span in every.items() if span is not None}
    if len(found) != len(every):
        raise ValueError(f"document {doc.id} ({doc.name}): a span does not fall on token boundaries")
    result.spans[SPANS_KEY] = list(found.values())
    result.ents = [found[s] for s in keep_outer(doc.spans).kept]
    result.user_data["biaozhu"] = {"id": doc.id, "name": doc.name, "annotator": doc.annotator,
                                   "relations": [list(ends) for ends in relation_ends(doc)]}
    user_data: dict[Any, Any] = result.user_data  # spaCy's own keys are tuples
    for (start, end, _), value in doc.values.items():
        for name, field in zip(EXTENSIONS, value, strict=True):
            if field is not None:
                user_data[("._.", name, start, end)] = field  # what span._.<name> = field stores
    return result


def _links(doc: Any, ours: dict[str, Any], spans: list[tuple[int, int, str, str]]
           ) -> tuple[list[RawRelation], list[RawValue]]:
    """The relations (when the spans are ``spans["sc"]``, which they name) and the values stored with the doc."""
    stored = ours.get("relations") if SPANS_KEY in doc.spans else None
    relations = [(a, b, kind) for a, b, kind in stored if isinstance(a, int) and isinstance(b, int)
                 and 0 <= a < len(spans) and 0 <= b < len(spans)] \
        if isinstance(stored, list | tuple) and all(isinstance(r, list | tuple) and len(r) == 3 for r in stored) \
        else []
    values = []
    for n, (start, end, _, _) in enumerate(spans):
        fields = [doc.user_data.get(("._.", name, start, end)) for name in EXTENSIONS]
        text = [None if field is None else str(field) for field in fields]
        if text[0] is not None:
            values.append((n, SpanValue(text[0], text[1], text[2], text[3])))
    return relations, values


def write_docbin(docs: Iterable[AnnotatedText], level: str = "word") -> Iterator[bytes]:
    """The whole DocBin at the end: the format is one serialised blob, so this one does not stream."""
    spacy = _spacy()
    from spacy.tokens import DocBin

    vocab = spacy.blank("zh").vocab
    binary = DocBin(store_user_data=True)
    for doc in docs:
        binary.add(to_doc(vocab, doc, level))
    yield binary.to_bytes()


def check_unpacked(data: bytes, path: Path) -> None:
    """A DocBin is zlib-compressed msgpack: count what it inflates to, a chunk at a time, before spaCy
    inflates it whole (a 1 MB zlib bomb is 2 GB)."""
    inflate = zlib.decompressobj()
    size = 0
    try:
        chunk = inflate.decompress(data, CHUNK)
        while chunk:
            size += len(chunk)
            if size > max_size():
                raise too_big(path, f"it unpacks to over {size // MB} MB")
            chunk = inflate.decompress(inflate.unconsumed_tail, CHUNK)
    except zlib.error as exc:
        raise InputError(path, f"not a spaCy DocBin: {exc}") from None


def read_docbin(path: Path, annotator: str | None = None) -> list[SourceDocument]:
    """Docs from a ``.spacy`` file: ``spans["sc"]`` if there, else the entities."""
    try:
        spacy = _spacy()
    except RuntimeError as exc:
        raise InputError(path, str(exc)) from None
    from spacy.tokens import DocBin

    data = path.read_bytes()
    check_unpacked(data, path)
    nlp = spacy.blank("zh")
    try:
        docs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    except Exception as exc:  # spaCy and srsly raise many kinds for a file that is not a DocBin
        raise InputError(path, f"not a spaCy DocBin: {exc}") from None
    documents = []
    for number, doc in enumerate(docs):
        stored = doc.user_data.get("biaozhu")
        ours: dict[str, Any] = stored if isinstance(stored, dict) else {}
        chosen = doc.spans.get(SPANS_KEY, doc.ents)
        spans = [(s.start_char, s.end_char, s.label_, s.text) for s in chosen]
        who = annotator or ours.get("annotator")
        if spans and not who:
            raise InputError(path, f"doc {number}: the spans here belong to nobody: give --annotator NAME")
        name = str(ours.get("name") or f"{path.stem}#{number}")
        relations, values = _links(doc, ours, spans)
        documents.append(build_document(doc.text, spans, path=path, line=None, name=name, fmt="spacy",
                                        annotator=who, meta={"name": name}, where=f"doc {number}",
                                        raw_relations=relations, raw_values=values))
    if not documents:
        raise InputError(path, "the DocBin holds no docs")
    return documents
