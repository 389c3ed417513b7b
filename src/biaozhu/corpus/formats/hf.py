"""Hugging Face token classification JSONL: ``tokens`` + ``ner_tags``, one sentence a line.

Tags are strings by default; with ids, the tag list (``O`` first) is written beside the file as
``<file>.labels.json`` and read from there again. Each line also carries the sentence's exact ``text``
and its ``document`` id, name and annotator, extra columns that ``datasets`` loads and ignores until
asked, so biaozhu can read the file back exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson

from biaozhu.corpus.errors import Errors, InputError
from biaozhu.corpus.formats.common import json_lines
from biaozhu.corpus.formats.sequences import ReadSentence, assemble, tagged_sentences
from biaozhu.corpus.model import AnnotatedText, SourceDocument


def labels_path(path: Path) -> Path:
    """Where the tag list of an id-tagged file lives: beside it."""
    return path.with_name(path.name + ".labels.json")


def write_hf(docs: Iterable[AnnotatedText], *, scheme: str = "bio", level: str = "char", sentences: bool = True,
             max_length: int = 0, tag_ids: Sequence[str] | None = None) -> Iterator[bytes]:
    """One JSON line per sentence; ``tag_ids`` (the tag list) turns string tags into their index."""
    index = {tag: i for i, tag in enumerate(tag_ids)} if tag_ids is not None else None
    for doc in docs:
        for sentence in tagged_sentences(doc, scheme=scheme, level=level, sentences=sentences, max_length=max_length):
            tags: list[Any] = sentence.tags if index is None else [index[tag] for tag in sentence.tags]
            yield orjson.dumps({"id": f"{doc.id}-{sentence.number}", "tokens": sentence.tokens, "ner_tags": tags,
                                "text": sentence.text, "document": doc.id, "name": doc.name,
                                "annotator": doc.annotator}) + b"\n"


def _tag_names(path: Path, line: int) -> list[str]:
    beside = labels_path(path)
    try:
        names = orjson.loads(beside.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        raise InputError(path, f"ner_tags are numbers, but there is no readable tag list at {beside}", line) from None
    if not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
        raise InputError(beside, "expected a JSON list of tag names, O first")
    return names


def _sentences(path: Path, errors: Errors) -> Iterator[ReadSentence]:
    names: list[str] | None = None
    for line, record in json_lines(path, errors):
        with errors.each():
            if not isinstance(record, dict) or not isinstance(record.get("tokens"), list) \
                    or not isinstance(record.get("ner_tags"), list) or len(record["tokens"]) != len(record["ner_tags"]):
                raise InputError(path, 'each line needs "tokens" and "ner_tags", lists of the same length', line)
            tags = record["ner_tags"]
            if any(isinstance(t, int) for t in tags):
                names = names or _tag_names(path, line)
                if not all(isinstance(t, int) and not isinstance(t, bool) and 0 <= t < len(names) for t in tags):
                    raise InputError(path, f"ner_tags {tags!r} are not all ids into the {len(names)} tags", line)
                tags = [names[t] for t in tags]
            if not all(isinstance(t, str) for t in [*record["tokens"], *tags]):
                raise InputError(path, "tokens and ner_tags must be strings (or tag ids)", line)
            text = record.get("text") if isinstance(record.get("text"), str) else None
            group = (record.get("document"), record.get("annotator")) if text is not None else None
            info = {"name": record.get("name"), "annotator": record.get("annotator")}
            yield ReadSentence(list(record["tokens"]), list(tags), line, text, group, info)


def read_hf(path: Path, annotator: str | None = None) -> list[SourceDocument]:
    errors = Errors(path)
    return assemble(_sentences(path, errors), path, "hf-jsonl", annotator, errors)
