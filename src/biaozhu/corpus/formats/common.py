"""What every reader shares: JSON lines, whose spans these are, and raw spans onto normalised text."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, NoReturn, TypeGuard

import orjson

from biaozhu.corpus.errors import Errors, InputError
from biaozhu.corpus.formats.links import RawRelation, RawValue
from biaozhu.corpus.model import Relation, SourceDocument, Span, SpanValue
from biaozhu.corpus.spans import check_layer
from biaozhu.corpus.text import normalise

# A raw span as a file gives it: offsets into the file's text, the label, and the text the file says it covers.
RawSpan = tuple[object, object, str, str | None]  # offsets as the file gives them, checked by build_document
METRIC = "METRIC"  # the label whose spans are figures: a value given for a range goes to its METRIC span


def open_binary(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as exc:
        raise InputError(path, f"cannot read the file: {exc.strerror}") from None


def json_lines(path: Path, errors: Errors | None = None) -> Iterator[tuple[int, Any]]:
    """``(line number, record)`` for every non-blank line; a line that is not JSON is named (and collected in
    ``errors``, reading on, when given)."""
    with open_binary(path) as handle:
        for number, data in enumerate(handle, start=1):
            if not data.strip():
                continue
            try:
                record = orjson.loads(data)
            except orjson.JSONDecodeError as exc:
                encoding = encoding_of(data)
                if encoding:  # the whole file is: one sentence, not one per line
                    raise InputError(path, f"the file is {encoding}, not UTF-8: save it as UTF-8 (JSON lines are "
                                     "UTF-8)", number) from None
                if errors is None:
                    raise InputError(path, f"not valid JSON: {exc}", number) from None
                errors.add(InputError(path, f"not valid JSON: {exc}", number))
                continue
            yield number, record


def encoding_of(data: bytes) -> str:
    """The encoding a line that is not UTF-8 JSON looks like it is in ("" when it looks like UTF-8)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data.count(b"\x00") > len(data) // 4:
        return "UTF-16"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            return "in an encoding other than UTF-8"
        return "GBK/GB18030"
    return ""


def first_json_line(path: Path) -> Any:
    """The first record of a JSON-lines file, for telling formats apart; None when it is not JSON."""
    try:
        return next((record for _, record in json_lines(path)), None)
    except InputError:
        return None


def owner(annotator: str | None, record: dict[str, Any], has_spans: bool, path: Path, line: int | None) -> str | None:
    """Whose spans these are: ``--annotator``, else the file's ``annotator``; spans need someone."""
    found = annotator or record.get("annotator")
    if has_spans and not (isinstance(found, str) and found.strip()):
        raise InputError(path, "the spans here belong to nobody: give --annotator NAME", line)
    return found if isinstance(found, str) else None


def is_offset(value: object) -> TypeGuard[int]:
    """An integer offset; JSON's ``true`` is not one, although Python counts it as 1."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def build_document(raw: object, raw_spans: Sequence[RawSpan], *, path: Path, line: int | None, name: str, fmt: str,
                   annotator: str | None, meta: dict[str, Any] | None = None, where: str = "",
                   raw_relations: Sequence[RawRelation] = (), raw_values: Sequence[RawValue] = ()) -> SourceDocument:
    """Normalise the text and move each span onto it, checking range and surface text against the file's; the
    relations and values, which name spans by their position in ``raw_spans``, move with them."""
    prefix = f"{where}: " if where else ""
    if not isinstance(raw, str) or not raw:
        raise InputError(path, f"{prefix}there is no text", line)
    normalised = normalise(raw)
    moved = normalised.offsets if normalised.offsets.removed else None  # most texts: the offsets stay
    text, length, steps = normalised.text, len(raw), bool(normalised.steps)
    spans = []
    checked: list[tuple[int, int, str]] = []
    for start, end, label, said in raw_spans:
        # One test for the usual span (a million of them): whole offsets inside the text (JSON's true is no offset,
        # and type() is not int for a bool), a label, the text the file says it covers; _refuse says what is wrong.
        if not (type(start) is int and type(end) is int and 0 <= start < end <= length and isinstance(label, str)
                and label and (said is None or raw[start:end] == said)):
            _refuse(raw, (start, end, label, said), path, line, prefix)
        s, e = (moved(start), moved(end)) if moved else (start, end)
        spans.append(tuple.__new__(Span, (s, e, label, text[s:e])))  # in C: Span(...) is a Python call
        if steps:
            checked.append((start, end, label))
    if steps:  # offsets moved: crossing spans are named by the file's offsets, which the user can find
        check_layer(raw, [Span(start, end, label, raw[start:end]) for start, end, label in checked], path, line)
    relations = []
    for a, b, kind in raw_relations:
        if not (isinstance(kind, str) and kind.strip()):
            raise InputError(path, f"{prefix}a relation from {spans[a].text!r} to {spans[b].text!r} has no type", line)
        if spans[a] == spans[b]:
            raise InputError(path, f"{prefix}a {kind} relation goes from {spans[a].text!r} to itself", line)
        relations.append(Relation(spans[a], spans[b], kind))
    return SourceDocument(name=name, text=normalised.text, source=str(path), meta=meta or {},
                          normalisation={"format": fmt, **normalised.steps},
                          spans=check_layer(normalised.text, spans, path, line), annotator=annotator, line=line,
                          relations=list(dict.fromkeys(relations)),
                          values={(spans[n].start, spans[n].end, spans[n].label): value for n, value in raw_values})


def _refuse(raw: str, span: RawSpan, path: Path, line: int | None, prefix: str) -> NoReturn:
    """Raise the InputError that says what is wrong with a raw span :func:`build_document` cannot take."""
    start, end, label, said = span
    if not (type(start) is int and type(end) is int and start >= 0 and end >= 0 and isinstance(label, str) and label):
        raise InputError(path, f"{prefix}span {[start, end, label]!r}: offsets must be whole numbers (0 or more) "
                         "and the label a name", line)
    if not start < end <= len(raw):
        raise InputError(path, f"{prefix}span [{start}, {end}) {label} is outside the text (length {len(raw)})", line)
    raise InputError(path, f"{prefix}span [{start}, {end}) {label}: the file says it covers {said!r} but the text "
                     f"there is {raw[start:end]!r}", line)


def raw_values(record: dict[str, Any], spans: list[RawSpan], path: Path, line: int) -> list[RawValue]:
    """The ``values`` our exports write, each put on the span of its range (the METRIC one where there are more)."""
    values = record.get("values") or []
    if not isinstance(values, list):
        raise InputError(path, '"values" must be a list of {"start", "end", "value", ...}', line)
    at: dict[tuple[object, object], int] = {}
    for n, (start, end, label, _) in enumerate(spans):
        if (start, end) not in at or label == METRIC:
            at[(start, end)] = n
    raw: list[RawValue] = []
    for item in values:
        if not isinstance(item, dict) or not (is_offset(item.get("start")) and is_offset(item.get("end"))) \
                or (item["start"], item["end"]) not in at or item.get("value") is None:
            raise InputError(path, f"the value {item!r} is not on a span of this line "
                                   '(expected {"start", "end", "value", ...} of one of its spans)', line)
        extra = {key: None if item.get(key) is None else str(item[key]) for key in ("value_max", "unit", "qualifier")}
        raw.append((at[(item["start"], item["end"])], SpanValue(str(item["value"]), **extra)))
    return raw


def meta_of(record: dict[str, Any]) -> dict[str, Any]:
    meta = record.get("meta")
    return meta if isinstance(meta, dict) else {}


def require_some(documents: list[SourceDocument], path: Path) -> list[SourceDocument]:
    if not documents:
        raise InputError(path, "the file is empty")
    return documents


def read_records(path: Path, annotator: str | None, fmt: str,
                 raw_spans: Callable[[dict[str, Any], Path, int], list[RawSpan]],
                 keep: Callable[[dict[str, Any]], bool] = lambda record: True,
                 relations: Callable[[dict[str, Any], list[RawSpan], Path, int], list[RawRelation]] | None = None,
                 ) -> list[SourceDocument]:
    """A JSON-lines file of ``{"text", <spans>, "annotator"?, "meta"?, "values"?}`` records; ``raw_spans`` reads
    the spans, ``relations`` the relations where the format has them (it may add the spans they name)."""
    documents = []
    errors = Errors(path)
    for line, record in json_lines(path, errors):
        with errors.each():
            if not isinstance(record, dict):
                raise InputError(path, "each line must be a JSON object", line)
            if not keep(record):
                continue
            spans = raw_spans(record, path, line)
            links = relations(record, spans, path, line) if relations is not None else []
            meta = meta_of(record)
            documents.append(build_document(record.get("text"), spans, path=path, line=line, fmt=fmt,
                                            name=str(meta.get("name") or f"{path.stem}#{line}"), meta=meta,
                                            annotator=owner(annotator, record, bool(spans), path, line),
                                            raw_relations=links, raw_values=raw_values(record, spans, path, line)))
    errors.check()
    return require_some(documents, path)
