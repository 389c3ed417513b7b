"""spaCy/Prodigy span JSONL: ``text``, ``tokens`` (start, end, id, ws) and ``spans`` with token indices.

Prodigy's ``token_end`` is inclusive. Tokens are jieba words cut at span boundaries, so every span starts
and ends on a token. As in spaCy, ``ws`` means exactly one ASCII space follows a token; any other white space
(U+3000, tabs, line breaks, a second space) is a token of its own, so the tokens rebuild the text exactly.
Relations are Prodigy's (``rel.manual``): ``{"head", "child", "head_span", "child_span", "label"}``, ``head`` and
``child`` the first token of each span; reading takes each end from its ``head_span``/``child_span``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.formats.common import RawSpan, is_offset, read_records
from biaozhu.corpus.formats.doccano import document_meta, with_values, write_jsonl
from biaozhu.corpus.formats.links import RawRelation, relation_ends
from biaozhu.corpus.model import AnnotatedText, SourceDocument
from biaozhu.corpus.tokens import check_tokenisable, spacy_tokens, tokenise


def spans_record(doc: AnnotatedText, level: str = "word") -> dict[str, Any]:
    check_tokenisable(f"document {doc.id} ({doc.name})", doc.spans)
    tokens = spacy_tokens(doc.text, tokenise(doc.text, doc.spans, level))
    index = {t.start: i for i, t in enumerate(tokens)}
    index_end = {t.end: i for i, t in enumerate(tokens)}
    spans = [{"start": s.start, "end": s.end, "label": s.label, "text": s.text,
              "token_start": index[s.start], "token_end": index_end[s.end]}
             for s in doc.spans]
    record = {"text": doc.text,
              "tokens": [{"text": doc.text[t.start:t.end], "start": t.start, "end": t.end, "id": i, "ws": t.ws}
                         for i, t in enumerate(tokens)],
              "spans": spans, "answer": "accept", "annotator": doc.annotator, "meta": document_meta(doc)}
    if doc.relations:
        record["relations"] = [{"head": spans[a]["token_start"], "child": spans[b]["token_start"],
                                "head_span": _end(spans[a]), "child_span": _end(spans[b]), "label": kind}
                               for a, b, kind in relation_ends(doc)]
    return with_values(record, doc)


def _end(span: dict[str, Any]) -> dict[str, Any]:
    return {key: span[key] for key in ("start", "end", "token_start", "token_end", "label")}


def write_spans(docs: Iterable[AnnotatedText], level: str = "word") -> Iterator[bytes]:
    return write_jsonl(spans_record(d, level) for d in docs)


def _raw_spans(record: dict[str, Any], path: Path, line: int) -> list[RawSpan]:
    items = record.get("spans", [])
    tokens = record.get("tokens")
    if not isinstance(items, list):
        raise InputError(path, '"spans" must be a list', line)
    raw: list[RawSpan] = []
    for item in items:
        if not isinstance(item, dict) or not {"start", "end", "label"} <= item.keys():
            raise InputError(path, 'each span needs "start", "end" and "label"', line)
        start, end = item["start"], item["end"]
        if isinstance(tokens, list) and "token_start" in item and "token_end" in item:
            try:
                first, last = tokens[index(item["token_start"])], tokens[index(item["token_end"])]
                agree = first["start"] == start and last["end"] == end
            except (IndexError, KeyError, TypeError):
                agree = False
            if not agree:
                raise InputError(path, f"span [{start}, {end}) {item['label']}: its token_start/token_end (inclusive) "
                                 "do not point at tokens starting and ending there", line)
        raw.append((start, end, item["label"], item.get("text")))
    return raw


def index(value: Any) -> int:
    """A token index as the file gives it: a non-negative integer (Python would take -1 as the last token)."""
    if not is_offset(value):
        raise IndexError(value)
    return int(value)


def _raw_relations(record: dict[str, Any], spans: list[RawSpan], path: Path, line: int) -> list[RawRelation]:
    """Prodigy's relations; an end that is not among ``spans`` yet (a span only a relation names) is added."""
    items = record.get("relations") or []
    if not isinstance(items, list):
        raise InputError(path, '"relations" must be a list', line)
    where = {(s, e, label): n for n, (s, e, label, _) in enumerate(spans)}
    raw: list[RawRelation] = []
    for item in items:
        ends = [item.get(key) for key in ("head_span", "child_span")] if isinstance(item, dict) else []
        if not (ends and isinstance(item.get("label"), str)) \
                or not all(isinstance(end, dict) and isinstance(end.get("label"), str) and is_offset(end.get("start"))
                           and is_offset(end.get("end")) for end in ends):
            raise InputError(path, 'each relation needs a "label" and a "head_span" and "child_span" with their '
                             '"start", "end" (whole numbers) and "label"', line)
        found = []
        for end in ends:
            assert isinstance(end, dict)
            key = (end.get("start"), end.get("end"), end["label"])
            if key not in where:
                where[key] = len(spans)
                spans.append((*key, None))
            found.append(where[key])
        raw.append((found[0], found[1], item["label"]))
    return raw


def read_spans(path: Path, annotator: str | None = None) -> list[SourceDocument]:
    """Prodigy/spaCy span records; the tokens are checked against the spans, then dropped (we cut our own).
    Prodigy's rejected and ignored examples are not annotations and are skipped."""
    return read_records(path, annotator, "spans-jsonl", _raw_spans,
                        keep=lambda record: record.get("answer", "accept") == "accept", relations=_raw_relations)
