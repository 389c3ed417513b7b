"""doccano's sequence-labelling JSONL: ``{"text", "label": [[s, e, "L"]]}`` or ``{"text", "entities": [...]}``.

Offsets in the file count code points of the file's text; they are moved through the same
normalisation as the text, so each span keeps covering the same characters. We write the ``label``
form (``jsonl``) and the ``entities`` form (``doccano-entities``, what doccano exports from a project
with relations). Relations are ``"relations": [{"from_id", "to_id", "type"}]``: in the ``entities`` form the ids
are the entities' ``id`` (doccano's relation extraction format); in the ``label`` form, which has no ids, they are
positions in the ``label`` list, counted from 0. METRIC values go in ``values`` (start, end, value, value_max,
unit, qualifier), a key doccano keeps without reading it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import itemgetter
from pathlib import Path
from typing import Any

import orjson

from biaozhu.corpus.errors import Errors, InputError
from biaozhu.corpus.formats.common import (
    RawSpan,
    build_document,
    json_lines,
    meta_of,
    owner,
    raw_values,
    require_some,
)
from biaozhu.corpus.formats.links import RawRelation, relation_ends
from biaozhu.corpus.model import AnnotatedText, SourceDocument


def _raw_spans(record: dict[str, Any], path: Path, line: int) -> tuple[list[RawSpan], dict[Any, int]]:
    """The record's spans, and what its relations call each: an entity's ``id``, else a position in ``label``."""
    spans: list[RawSpan] = []
    ids: dict[Any, int] = {}
    if "entities" in record:
        entities = record["entities"]
        if not isinstance(entities, list):
            raise InputError(path, '"entities" must be a list', line)
        for item in entities:
            if not isinstance(item, dict) or not {"start_offset", "end_offset", "label"} <= item.keys():
                raise InputError(path, 'each entity needs "start_offset", "end_offset" and "label"', line)
            if "id" in item and isinstance(item["id"], int | str):
                ids[item["id"]] = len(spans)
            spans.append((item["start_offset"], item["end_offset"], item["label"], None))
    labels = record.get("label", [])
    if not isinstance(labels, list):
        raise InputError(path, '"label" must be a list of [start, end, "LABEL"]', line)
    for item in labels:
        if not (isinstance(item, list) and len(item) == 3):
            raise InputError(path, f'"label" entries must be [start, end, "LABEL"], not {item!r} '
                             "(is this a text-classification file?)", line)
    if "entities" not in record:  # relations name these spans by position
        ids.update(zip(range(len(labels)), range(len(labels)), strict=True))
    spans.extend([(start, end, label, None) for start, end, label in labels])
    return spans, ids


def _raw_relations(record: dict[str, Any], ids: dict[Any, int], path: Path, line: int) -> list[RawRelation]:
    relations = record.get("relations") or []
    if not isinstance(relations, list):
        raise InputError(path, '"relations" must be a list of {"from_id", "to_id", "type"}', line)
    raw: list[RawRelation] = []
    for item in relations:
        if not isinstance(item, dict) or not {"from_id", "to_id", "type"} <= item.keys():
            raise InputError(path, 'each relation needs "from_id", "to_id" and "type"', line)
        ends = []
        for key in ("from_id", "to_id"):
            end = item[key]
            if not isinstance(end, int | str) or isinstance(end, bool) or end not in ids:
                what = "entity id" if "entities" in record else "position in \"label\" (from 0)"
                raise InputError(path, f"a {item['type']} relation's {key} {end!r} is no {what} on this line", line)
            ends.append(ids[end])
        raw.append((ends[0], ends[1], item["type"]))
    return raw


def parse_record(record: Any, path: Path, line: int, annotator: str | None) -> SourceDocument:
    """One JSONL line to a document with its spans, offsets remapped through normalisation."""
    if not isinstance(record, dict):
        raise InputError(path, "each line must be a JSON object", line)
    raw = record.get("text")
    if not isinstance(raw, str) or not raw:
        raise InputError(path, 'the line has no "text"', line)
    spans, ids = _raw_spans(record, path, line)
    meta = meta_of(record)
    return build_document(raw, spans, path=path, line=line, name=str(meta.get("name") or f"{path.stem}#{line}"),
                          fmt="doccano-jsonl", annotator=owner(annotator, record, bool(spans), path, line),
                          meta=meta, raw_relations=_raw_relations(record, ids, path, line),
                          raw_values=raw_values(record, spans, path, line))


def read_doccano(path: Path, annotator: str | None = None) -> list[SourceDocument]:
    """Every line of a doccano JSONL file, or an :class:`InputError` naming every bad line."""
    documents = []
    errors = Errors(path)
    for line, record in json_lines(path, errors):
        with errors.each():
            documents.append(parse_record(record, path, line, annotator))
    errors.check()
    return require_some(documents, path)


def document_meta(doc: AnnotatedText) -> dict[str, Any]:
    """What every JSON export carries in ``meta``: the document's name and hash, then its own meta."""
    return {"name": doc.name, "sha256": doc.sha256, **doc.meta}


def with_values(record: dict[str, Any], doc: AnnotatedText) -> dict[str, Any]:
    """The record with a ``values`` list (the METRIC figures: start, end, value, value_max, unit, qualifier) when
    the document's spans have any, and a ``scores`` list (start, end, label, engine, score) for the suggestions
    layer; doccano keeps keys it does not know, so the file still imports there."""
    if doc.values:
        found = [(s, doc.values.get((s.start, s.end, s.label))) for s in doc.spans]
        record["values"] = [{"start": s.start, "end": s.end, "value": v.value, "value_max": v.value_max,
                             "unit": v.unit, "qualifier": v.qualifier} for s, v in found if v is not None]
    if doc.scores:
        scored = [(s, doc.scores.get((s.start, s.end, s.label))) for s in doc.spans]
        record["scores"] = [{"start": s.start, "end": s.end, "label": s.label, "engine": v[0], "score": v[1]}
                            for s, v in scored if v is not None]
    return record


def with_relations(record: dict[str, Any], doc: AnnotatedText, first: int) -> dict[str, Any]:
    """The record with its ``relations`` when it has any, naming spans by position from ``first``."""
    if doc.relations:
        record["relations"] = [{"id": n, "from_id": a + first, "to_id": b + first, "type": kind}
                               for n, (a, b, kind) in enumerate(relation_ends(doc), start=first)]
    return record


# A span's [start, end, label] as a tuple made in C (orjson writes it as the same array): 1M spans in 0.07 s, against
# 0.11 s for a list built in Python from the span's attributes.
_BOUNDS_AND_LABEL = itemgetter(0, 1, 2)


def doccano_record(doc: AnnotatedText) -> dict[str, Any]:
    """The doccano ``label`` form of one document and one annotator's spans (in the order they come: sorted)."""
    record = {"id": doc.id, "text": doc.text, "label": list(map(_BOUNDS_AND_LABEL, doc.spans)),
              "annotator": doc.annotator, "meta": document_meta(doc)}
    return with_values(with_relations(record, doc, 0), doc)


def entities_record(doc: AnnotatedText) -> dict[str, Any]:
    """The doccano ``entities`` form: one dict per span, numbered within the document from 1."""
    entities = [{"id": n, "label": s.label, "start_offset": s.start, "end_offset": s.end}
                for n, s in enumerate(doc.spans, start=1)]
    record = {"id": doc.id, "text": doc.text, "entities": entities, "annotator": doc.annotator,
              "meta": document_meta(doc)}
    return with_values(with_relations(record, doc, 1), doc)


def write_jsonl(records: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """Serialise records one line at a time, so an export streams."""
    for record in records:
        yield orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)

