"""CLUENER JSON lines: ``{"text", "label": {"TYPE": {"entity text": [[start, end_inclusive], ...]}}}``.

CLUENER's end offsets are inclusive; ours are exclusive, so 1 is added on reading and taken off on
writing. The format holds nested spans. ``annotator`` and ``meta`` are extra keys CLUENER readers ignore.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.formats.common import RawSpan, is_offset, read_records
from biaozhu.corpus.formats.doccano import document_meta
from biaozhu.corpus.model import AnnotatedText, SourceDocument


def cluener_record(doc: AnnotatedText) -> dict[str, Any]:
    labels: dict[str, dict[str, list[list[int]]]] = {}
    for span in doc.spans:
        labels.setdefault(span.label, {}).setdefault(span.text, []).append([span.start, span.end - 1])
    return {"id": doc.id, "text": doc.text, "label": labels, "annotator": doc.annotator, "meta": document_meta(doc)}


def _raw_spans(record: dict[str, Any], path: Path, line: int) -> list[RawSpan]:
    labels = record.get("label", {})
    if not isinstance(labels, dict):
        raise InputError(path, '"label" must map each type to {"entity text": [[start, end], ...]}', line)
    spans: list[RawSpan] = []
    for label, entities in labels.items():
        if not isinstance(entities, dict):
            raise InputError(path, f'"label"."{label}" must map entity texts to [[start, end], ...]', line)
        for said, places in entities.items():
            if not isinstance(places, list) or not all(isinstance(p, list) and len(p) == 2 for p in places):
                raise InputError(path, f'{label} {said!r}: expected [[start, end], ...] (end inclusive)', line)
            for start, end in places:
                if not (is_offset(start) and is_offset(end)):
                    raise InputError(path, f"{label} {said!r}: offsets must be integers", line)
                spans.append((start, end + 1, label, said))
    return spans


def read_cluener(path: Path, annotator: str | None = None) -> list[SourceDocument]:
    return read_records(path, annotator, "cluener", _raw_spans)
