"""Label Studio JSON: a list of tasks, each ``data.text`` with ``annotations`` (pre-1.0: ``completions``).

Each span is a result of type ``labels`` with ``value.start/end/text/labels``; Label Studio counts code
points, as we do. We write one task per document and one annotation per layer; the layers' names go in
``data.biaozhu.annotators`` (Label Studio gives imported annotations to the importing user), and the gold
layer's annotation is marked ``ground_truth``. Results name ``from_name="label"`` and ``to_name="text"``,
as Label Studio's NER template does (``<Labels name="label" toName="text">``, ``<Text name="text" value="$text"/>``).
Relations are results of type ``relation`` (``from_id``/``to_id`` the regions' ids, the type in ``labels``), as
``<Relations><Relation value="所属项目"/></Relations>`` makes them; a METRIC span's value is a per-region text area
(``<TextArea name="value" toName="text" perRegion="true"/>``): a ``textarea`` result with the region's id holding
``value=… qualifier=… unit=…``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

import orjson

from biaozhu.corpus.errors import Errors, InputError
from biaozhu.corpus.formats.common import RawSpan, build_document
from biaozhu.corpus.formats.links import RawRelation, RawValue, read_value_note, relation_ends, value_note
from biaozhu.corpus.model import AnnotatedText, SourceDocument

GOLD = "gold"


def _result(doc: AnnotatedText) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    for n, s in enumerate(doc.spans):
        region = {"start": s.start, "end": s.end, "text": s.text}
        results.append({"id": f"{doc.id}-{n}", "from_name": "label", "to_name": "text", "type": "labels",
                        "origin": "manual", "value": {**region, "labels": [s.label]}})
        scored = doc.scores.get((s.start, s.end, s.label))
        if scored is not None:  # a suggestion: Label Studio's own per-result score
            results[-1].update(origin="prediction", score=scored[1])
        value = doc.values.get((s.start, s.end, s.label))
        if value is not None:
            results.append({"id": f"{doc.id}-{n}", "from_name": "value", "to_name": "text", "type": "textarea",
                            "origin": "manual", "value": {"start": s.start, "end": s.end, "text": [value_note(value)]}})
    results.extend({"from_id": f"{doc.id}-{a}", "to_id": f"{doc.id}-{b}", "type": "relation", "direction": "right",
                    "labels": [kind]} for a, b, kind in relation_ends(doc))
    return results


def labelstudio_task(layers: Sequence[AnnotatedText]) -> dict[str, Any]:
    """One task for one document and all of its exported layers."""
    first = layers[0]
    annotated = [layer for layer in layers if layer.annotator is not None]
    data = {"text": first.text, "biaozhu": {"id": first.id, "name": first.name, "sha256": first.sha256,
                                            "meta": first.meta, "annotators": [a.annotator for a in annotated]}}
    return {"data": data, "annotations": [{"result": _result(layer), "ground_truth": layer.annotator == GOLD,
                                           "was_cancelled": False} for layer in annotated]}


def labelstudio_tasks(docs: Iterable[AnnotatedText]) -> Iterator[dict[str, Any]]:
    """A task per document (its layers come one after the other)."""
    for _, layers in groupby(docs, key=lambda d: (d.id, d.sha256)):
        yield labelstudio_task(list(layers))


def write_labelstudio(tasks: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """A JSON array of tasks, written a task at a time."""
    yield b"["
    separator = b"\n"
    for task in tasks:
        yield separator + orjson.dumps(task)
        separator = b",\n"
    yield b"\n]\n"


def _who(annotation: dict[str, Any], position: int, named: list[Any], annotator: str | None) -> str:
    if annotator:
        return annotator
    if position < len(named) and isinstance(named[position], str):
        return str(named[position])
    by = annotation.get("completed_by")
    if isinstance(by, dict):
        by = by.get("email") or by.get("id")
    return f"labelstudio-{by}" if by is not None else "labelstudio"


class _Results:
    """One annotation's results as spans, relations and values (naming spans by position), and notes."""

    def __init__(self) -> None:
        self.spans: list[RawSpan] = []
        self.relations: list[RawRelation] = []
        self.values: list[RawValue] = []
        self.regions: dict[object, int] = {}  # a region's id to its (first) span's position


def _read_results(results: Any, path: Path, where: str, notes: list[str]) -> _Results:
    if not isinstance(results, list):
        raise InputError(path, f'{where}: "result" must be a list')
    found = _Results()
    rest = []
    for item in results:
        value = item.get("value") if isinstance(item, dict) else None
        if not isinstance(value, dict) or item.get("type") != "labels" or "start" not in value:
            rest.append(item)
            continue
        labels = value.get("labels")
        if not isinstance(labels, list) or not labels:
            raise InputError(path, f"{where}: a result has no labels")
        if isinstance(item.get("id"), str | int):
            found.regions.setdefault(item["id"], len(found.spans))
        found.spans.extend((value.get("start"), value.get("end"), label, value.get("text")) for label in labels)
    for item in rest:
        kind = item.get("type") if isinstance(item, dict) else type(item).__name__
        if kind == "relation":
            _relation(item, found, path, where, notes)
        elif kind != "textarea" or not _value(item, found):
            notes.append(f"{where}: a {kind} result is not a text span; ignored")
    return found


def _region(found: _Results, key: object) -> int | None:
    """The span a region id names (None for anything else, a list say)."""
    return found.regions.get(key) if isinstance(key, str | int) else None


def _relation(item: dict[str, Any], found: _Results, path: Path, where: str, notes: list[str]) -> None:
    ends = [_region(found, item.get(key)) for key in ("from_id", "to_id")]
    if None in ends:
        raise InputError(path, f"{where}: a relation from {item.get('from_id')!r} to {item.get('to_id')!r} names "
                         "a region that is not a span of this annotation")
    labels = item.get("labels") or []
    if not isinstance(labels, list) or not labels:
        notes.append(f"{where}: a relation without a label (its type) is left out")
        return
    a, b = ends
    assert a is not None and b is not None
    if item.get("direction") == "left":  # the arrow points from to_id to from_id
        a, b = b, a
    found.relations.extend((a, b, label) for label in labels)


def _value(item: dict[str, Any], found: _Results) -> bool:
    """A per-region text area holding a value: put on its region's span."""
    text = item.get("value", {}).get("text") if isinstance(item.get("value"), dict) else None
    lines = text if isinstance(text, list) else [text]
    value = read_value_note(lines[0]) if lines and isinstance(lines[0], str) else None
    region = _region(found, item.get("id"))
    if value is None or region is None:
        return False
    found.values.append((region, value))
    return True


def _task_documents(task: Any, number: int, path: Path, annotator: str | None) -> list[SourceDocument]:
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise InputError(path, f'task #{number + 1}: each task needs a "data" object with the text')
    where = f"task {task['id']}" if 'id' in task else f"task #{number + 1}"
    data = task["data"]
    text = data.get("text")
    if not isinstance(text, str):
        text = next((v for v in data.values() if isinstance(v, str) and v.strip()), None)
    ours = data.get("biaozhu") if isinstance(data.get("biaozhu"), dict) else {}
    name = str(ours.get("name") or f"{path.stem}#{task.get('id', number)}")
    meta = {"name": name, **(ours["meta"] if isinstance(ours.get("meta"), dict) else {})}
    listed = ours.get("annotators")
    named = listed if isinstance(listed, list) else []
    layers: list[tuple[str | None, Any]] = []
    human = task.get("annotations") or task.get("completions") or []
    predictions = task.get("predictions") or []
    if not (isinstance(human, list) and isinstance(predictions, list)):
        raise InputError(path, f'{where}: "annotations" and "predictions" must be lists')
    for position, annotation in enumerate(human):
        if isinstance(annotation, dict) and not annotation.get("was_cancelled"):
            layers.append((_who(annotation, position, named, annotator), annotation.get("result", [])))
    for prediction in predictions:
        if isinstance(prediction, dict):
            layers.append((f"prediction-{prediction.get('model_version') or 'model'}", prediction.get("result", [])))
    documents = []
    for who, results in layers or [(None, [])]:
        notes: list[str] = []
        found = _read_results(results, path, f"{where} ({who})" if who else where, notes)
        document = build_document(text, found.spans, path=path, line=None, name=name, fmt="labelstudio",
                                  annotator=who if found.spans else None, meta=meta, where=where,
                                  raw_relations=found.relations, raw_values=found.values)
        document.notes.extend(notes)
        documents.append(document)
    return documents


def read_labelstudio(path: Path, annotator: str | None = None) -> list[SourceDocument]:
    """A JSON list of tasks, or one task (a pre-1.0 ``completions`` file); a span whose ``value.text``
    disagrees with the task's text is an error naming the task."""
    try:
        loaded = orjson.loads(path.read_bytes())
    except OSError as exc:
        raise InputError(path, f"cannot read the file: {exc.strerror}") from None
    except orjson.JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON: {exc}") from None
    tasks = loaded if isinstance(loaded, list) else [loaded]
    documents = []
    errors = Errors(path)
    for number, task in enumerate(tasks):
        with errors.each():
            documents.extend(_task_documents(task, number, path, annotator))
    errors.check()
    if not documents:
        raise InputError(path, "the file holds no tasks")
    return documents
