"""A preview of an export: the first records exactly as the chosen format writes them, for the first few
documents only, so that it is quick to compute whatever the size of the project.

What the writer produces is shown as text, with three concessions to reading: a long string inside a JSON
record (a whole report's ``text``) is shortened in the middle, a brat ``.txt`` is shortened the same way,
and the binary spaCy DocBin is shown as the tokens and spans it would hold. The few words a preview adds are
marked for the app's catalogue and put into the reader's language by the ``say`` the caller passes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

from biaozhu.corpus.formats.spans_jsonl import write_spans
from biaozhu.corpus.formats.writing import by_sentence, write_folder, write_stream
from biaozhu.corpus.model import AnnotatedText
from biaozhu.db.errors import QT_TRANSLATE_NOOP
from biaozhu.db.models import Document
from biaozhu.operations.export import (
    ExportRequest,
    ExportSummary,
    format_of,
    layers,
    selection,
    shaped,
    write_options,
)

# Formats whose output is JSON (a record a line, or labelstudio's array of tasks): long strings get shortened.
_JSON = frozenset({"jsonl", "doccano-entities", "spans", "hf", "cluener", "labelstudio"})
LONG = 120  # characters of a string kept in a preview (half at each end)
Say = Callable[[str], str]  # a marked sentence in the reader's language
MORE = QT_TRANSLATE_NOOP("Preview", "…({count} more characters)…")
DOC = QT_TRANSLATE_NOOP("Preview", "Doc {name} ({annotator}): {tokens} tokens, {spans} spans")
WORDS = QT_TRANSLATE_NOOP("Preview", "words:")
WHERE = QT_TRANSLATE_NOOP("Preview", "chars [{start}, {end})  tokens [{first}, {last}]")


def as_written(sentence: str) -> str:
    return sentence


def shorten(text: str, keep: int = LONG, say: Say = as_written) -> str:
    """``text`` with its middle replaced by a note of how much was left out, when longer than ``keep``."""
    if len(text) <= keep:
        return text
    half = keep // 2
    return f"{text[:half]} {say(MORE).format(count=len(text) - 2 * half)} {text[-half:]}"


def _shortened(value: Any, say: Say) -> Any:
    if isinstance(value, str):
        return shorten(value, say=say)
    if isinstance(value, list):
        return [_shortened(v, say) for v in value]
    if isinstance(value, dict):
        return {k: _shortened(v, say) for k, v in value.items()}
    return value


def _json_lines(chunks: Iterable[bytes], fmt: str, say: Say) -> Iterator[str]:
    """Each record on a line of its own, long strings shortened (labelstudio's array: a task a line)."""
    for chunk in chunks:
        for line in chunk.split(b"\n"):
            body = line.strip().rstrip(b",") if fmt == "labelstudio" else line
            if not body or body in (b"[", b"]"):
                if body:
                    yield body.decode()
                continue
            yield orjson.dumps(_shortened(orjson.loads(body), say)).decode()


def _docbin_summary(docs: Iterable[AnnotatedText], level: str, say: Say) -> Iterator[str]:
    """What each spaCy Doc would hold: its words (our tokens) and its spans, with their token ranges."""
    for line in write_spans(docs, level):
        record = orjson.loads(line)
        meta = record.get("meta", {})
        tokens = record["tokens"]
        yield say(DOC).format(name=meta.get("name", record.get("id")), annotator=record.get("annotator") or "-",
                              tokens=len(tokens), spans=len(record["spans"]))
        yield f"  {say(WORDS)} " + shorten(" | ".join(t["text"] for t in tokens), 4 * LONG, say)
        for span in record["spans"]:
            where = say(WHERE).format(start=span["start"], end=span["end"], first=span["token_start"],
                                      last=span["token_end"])
            yield f"  {span['label']}\t{record['text'][span['start']:span['end']]}\t{where}"
        yield ""


def _brat(entries: Iterable[tuple[str, bytes]], say: Say) -> Iterator[str]:
    for relative, content in entries:
        text = content.decode("utf-8")
        yield f"── {relative} ──"
        yield shorten(text, 4 * LONG, say) if relative.endswith(".txt") else text.rstrip("\n")
        yield ""


def _first_documents(session: Session, ids: set[int] | None, limit: int) -> set[int]:
    if ids is not None:
        return set(sorted(ids)[:limit])
    return set(session.scalars(select(Document.id).order_by(Document.id).limit(limit)))


def _clipped(lines: Iterable[str], max_chars: int) -> str:
    kept: list[str] = []
    size = 0
    for line in lines:
        if size + len(line) > max_chars:
            kept.append(line[:max(0, max_chars - size)] + " …")
            break
        kept.append(line)
        size += len(line) + 1
    return "\n".join(kept)


def preview(session: Session, request: ExportRequest, limit: int = 3, max_chars: int = 20_000,
            say: Say = as_written) -> str:
    """The start of what exporting ``request`` would write, from its first ``limit`` documents (or records).

    Raises what :func:`~biaozhu.operations.export.run_export` raises for the same options, so a refusal
    (nested spans under refuse, a span whose text disagrees) shows before anything is written.
    """
    spec = format_of(request)
    options, labels, policy = write_options(request, session)
    ids, keep = selection(session, request.documents, request.layer)
    first = _first_documents(session, ids, limit)
    docs = islice(shaped(layers(session, request.layer, first), keep, labels, policy, ExportSummary()), limit)
    if request.format == "spacy":
        chosen = by_sentence(docs, options.max_length) if options.sentences else docs
        lines: Iterable[str] = _docbin_summary(chosen, options.level or spec.level or "word", say)
    elif spec.folder:
        lines = _brat(write_folder(request.format, docs, options), say)
    elif request.format in _JSON:
        lines = _json_lines(write_stream(request.format, docs, options), request.format, say)
    else:
        lines = (line for chunk in write_stream(request.format, docs, options)
                 for line in chunk.decode("utf-8").split("\n"))
    return _clipped(lines, max_chars)
