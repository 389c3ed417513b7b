"""CoNLL: a token and its tag per line, tab-separated, a blank line between sentences.

We write character-level (or word-level, jieba cut at span boundaries) BIO/BIOES/BMES. By default the
file is plain two-column CoNLL, as doccano's importer and most trainers read it (doccano fails on any line
that is not a token and a tag). With ``with_text`` each sentence also starts with CoNLL-U style comments
that keep what tokens lose: ``# text = "<the sentence, as JSON>"``, and before a document's first sentence
``# document = {"id", "name", "annotator"}``; biaozhu reads such a file back exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from biaozhu.corpus.errors import Errors, InputError
from biaozhu.corpus.formats.sequences import ReadSentence, assemble, tagged_sentences
from biaozhu.corpus.model import AnnotatedText, SourceDocument
from biaozhu.corpus.text import decode

_TAG = re.compile(r"^(O|[BIMESLU]-\S+)$", re.IGNORECASE)


def write_conll(docs: Iterable[AnnotatedText], *, scheme: str = "bio", level: str = "char", sentences: bool = True,
                max_length: int = 0, with_text: bool = False) -> Iterator[bytes]:
    """One chunk per sentence; ``with_text`` adds the comments that make an exact round trip possible."""
    for doc in docs:
        for sentence in tagged_sentences(doc, scheme=scheme, level=level, sentences=sentences, max_length=max_length):
            lines = []
            if with_text:
                if sentence.number == 0:
                    header = {"id": doc.id, "name": doc.name, "annotator": doc.annotator}
                    lines.append("# document = " + orjson.dumps(header).decode())
                lines.append("# text = " + orjson.dumps(sentence.text).decode())
            lines.extend(f"{token}\t{tag}" for token, tag in zip(sentence.tokens, sentence.tags, strict=True))
            yield ("\n".join(lines) + "\n\n").encode("utf-8")


def _comment(line: str) -> tuple[str, str] | None:
    """``# key = value`` with no tab: a comment (a ``#`` token has its tag after a tab)."""
    if not line.startswith("#") or "\t" in line or " = " not in line:
        return None
    key, _, value = line[1:].partition(" = ")
    return key.strip(), value


def _sentences(lines: list[str], path: Path, errors: Errors) -> Iterator[ReadSentence]:
    """The sentences of a file; a bad line goes to ``errors`` and is skipped, so every bad line is named."""
    group = None
    info: dict[str, Any] = {}
    pending_text: str | None = None
    current: ReadSentence | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if current is not None:
                yield current
            current, pending_text = None, None
            continue
        comment = _comment(line) if current is None else None
        if comment is not None:
            key, value = comment
            try:
                if key == "document":
                    info = orjson.loads(value)
                    group = (number, info.get("id"))
                elif key == "text":
                    pending_text = orjson.loads(value)
            except (orjson.JSONDecodeError, AttributeError):
                errors.add(InputError(path, f"the # {key} comment is not the JSON biaozhu writes", number))
            continue
        if line.startswith("-DOCSTART-"):
            continue
        fields = line.split("\t") if "\t" in line else line.split()
        if len(fields) < 2:
            errors.add(InputError(path, f"expected a token and a tag separated by a tab, not {line!r}", number))
            continue
        if not _TAG.match(fields[-1].strip()):
            errors.add(InputError(path, f"{fields[-1].strip()!r} is not a tag (O, or B-/I-/E-/S-/M- and a label)",
                                  number))
            continue
        if current is None:
            current = ReadSentence([], [], number, pending_text, group, info)
        current.tokens.append(fields[0])
        current.tags.append(fields[-1].strip())
    if current is not None:
        yield current


def read_conll(path: Path, annotator: str | None = None) -> list[SourceDocument]:
    """CoNLL written by biaozhu (exact texts) or by other tools (tokens joined, a document per sentence)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read the file: {exc.strerror}") from None
    lines = decode(data, path).text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    errors = Errors(path)
    return assemble(_sentences(lines, path, errors), path, "conll", annotator, errors)
