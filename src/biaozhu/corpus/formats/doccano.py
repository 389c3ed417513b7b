"""doccano's sequence-labelling JSONL: ``{"text", "label": [[s, e, "L"]]}`` or ``{"text", "entities": [...]}``.

Offsets in the file count code points of the file's text; they are moved through the same
normalisation as the text, so each span keeps covering the same characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.model import SourceDocument, Span
from biaozhu.corpus.spans import check_layer
from biaozhu.corpus.text import normalise


def _raw_spans(record: dict[str, Any], path: Path, line: int) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    if "entities" in record:
        entities = record["entities"]
        if not isinstance(entities, list):
            raise InputError(path, '"entities" must be a list', line)
        for item in entities:
            if not isinstance(item, dict) or not {"start_offset", "end_offset", "label"} <= item.keys():
                raise InputError(path, 'each entity needs "start_offset", "end_offset" and "label"', line)
            spans.append((item["start_offset"], item["end_offset"], item["label"]))
    labels = record.get("label", [])
    if not isinstance(labels, list):
        raise InputError(path, '"label" must be a list of [start, end, "LABEL"]', line)
    for item in labels:
        if not (isinstance(item, list) and len(item) == 3):
            raise InputError(path, f'"label" entries must be [start, end, "LABEL"], not {item!r} '
                             "(is this a text-classification file?)", line)
        spans.append((item[0], item[1], item[2]))
    for start, end, label in spans:
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(label, str) and label):
            raise InputError(path, f"span {[start, end, label]!r}: offsets must be integers and the label a name", line)
    return spans


def parse_record(record: Any, path: Path, line: int, annotator: str | None) -> SourceDocument:
    """One JSONL line to a document with its spans, offsets remapped through normalisation."""
    if not isinstance(record, dict):
        raise InputError(path, "each line must be a JSON object", line)
    raw = record.get("text")
    if not isinstance(raw, str) or not raw:
        raise InputError(path, 'the line has no "text"', line)
    normalised = normalise(raw)
    spans = []
    for start, end, label in _raw_spans(record, path, line):
        if not (0 <= start < end <= len(raw)):
            raise InputError(path, f"span [{start}, {end}) {label} is outside the text (length {len(raw)})", line)
        s, e = normalised.offsets(start), normalised.offsets(end)
        spans.append(Span(s, e, label, normalised.text[s:e]))
    who = annotator or record.get("annotator")
    if spans and not who:
        raise InputError(path, "the spans here belong to nobody: give --annotator NAME", line)
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    name = str(meta.get("name") or f"{path.stem}#{line}")
    return SourceDocument(name=name, text=normalised.text, source=str(path), meta=meta,
                          normalisation={"format": "doccano-jsonl", **normalised.steps},
                          spans=check_layer(normalised.text, spans, path, line), annotator=who, line=line)


def read_doccano(path: Path, annotator: str | None = None) -> list[SourceDocument]:
    """Every line of a doccano JSONL file, or an :class:`InputError` naming the first bad line."""
    documents = []
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(path, f"cannot read the file: {exc.strerror}") from None
    with handle:
        for number, data in enumerate(handle, start=1):
            if not data.strip():
                continue
            try:
                record = orjson.loads(data)
            except orjson.JSONDecodeError as exc:
                raise InputError(path, f"not valid JSON: {exc}", number) from None
            documents.append(parse_record(record, path, number, annotator))
    if not documents:
        raise InputError(path, "the file is empty")
    return documents


def doccano_record(doc_id: int, text: str, spans: Iterable[Span], annotator: str | None,
                   meta: dict[str, Any]) -> dict[str, Any]:
    """The doccano ``label`` form of one document and one annotator's spans, sorted."""
    return {"id": doc_id, "text": text, "label": [[s.start, s.end, s.label] for s in sorted(spans)],
            "annotator": annotator, "meta": meta}


def write_jsonl(records: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """Serialise records one line at a time, so an export streams."""
    for record in records:
        yield orjson.dumps(record) + b"\n"
