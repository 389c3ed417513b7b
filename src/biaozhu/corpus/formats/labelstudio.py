"""Label Studio JSON: a list of tasks, each ``data.text`` with ``annotations`` (pre-1.0: ``completions``).

Each span is a result of type ``labels`` with ``value.start/end/text/labels``; Label Studio counts code
points, as we do. We write one task per document and one annotation per layer; the layers' names go in
``data.biaozhu.annotators`` (Label Studio gives imported annotations to the importing user), and the gold
layer's annotation is marked ``ground_truth``. Results name ``from_name="label"`` and ``to_name="text"``,
as Label Studio's NER template does (``<Labels name="label" toName="text">``, ``<Text name="text" value="$text"/>``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

import orjson

from biaozhu.corpus.errors import Errors, InputError
from biaozhu.corpus.formats.common import RawSpan, build_document
from biaozhu.corpus.model import AnnotatedText, SourceDocument

GOLD = "gold"


def _result(doc: AnnotatedText) -> list[dict[str, Any]]:
    return [{"id": f"{doc.id}-{n}", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
             "value": {"start": s.start, "end": s.end, "text": s.text, "labels": [s.label]}}
            for n, s in enumerate(doc.spans)]


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


def _raw_spans(results: Any, path: Path, where: str, notes: list[str]) -> list[RawSpan]:
    if not isinstance(results, list):
        raise InputError(path, f'{where}: "result" must be a list')
    spans: list[RawSpan] = []
    for item in results:
        value = item.get("value") if isinstance(item, dict) else None
        if not isinstance(value, dict) or item.get("type") != "labels" or "start" not in value:
            kind = item.get("type") if isinstance(item, dict) else type(item).__name__
            notes.append(f"{where}: a {kind} result is not a text span; ignored")
            continue
        labels = value.get("labels")
        if not isinstance(labels, list) or not labels:
            raise InputError(path, f"{where}: a result has no labels")
        spans.extend((value.get("start"), value.get("end"), label, value.get("text")) for label in labels)
    return spans


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
        spans = _raw_spans(results, path, f"{where} ({who})" if who else where, notes)
        document = build_document(text, spans, path=path, line=None, name=name, fmt="labelstudio",
                                  annotator=who if spans else None, meta=meta, where=where)
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
