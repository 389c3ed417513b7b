"""Tagged token sequences (CoNLL, Hugging Face): documents cut into sentences, tagged, and put back together.

Token formats drop white space, so each sentence may also carry its exact text (CoNLL ``--with-text``: a
``# text =`` comment; Hugging Face: a ``text`` field). Reading aligns the tokens with that text, which gives
back the document and every span offset exactly. A file without sentence texts (plain CoNLL, or from another
tool) is read with the tokens joined (characters as they are; words with a space only between two Latin
letters or digits), one document per sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from biaozhu.corpus.errors import Errors, InputError
from biaozhu.corpus.formats.common import RawSpan, build_document
from biaozhu.corpus.model import AnnotatedText, SourceDocument
from biaozhu.corpus.sentences import sentence_ranges
from biaozhu.corpus.tagging import decode, encode
from biaozhu.corpus.tokens import check_tokenisable, tokenise


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    """One sentence of one document, ready to write: its exact text, tokens and tags."""

    doc: AnnotatedText
    number: int
    text: str
    tokens: list[str]
    tags: list[str]


def tagged_sentences(doc: AnnotatedText, *, scheme: str, level: str, sentences: bool,
                     max_length: int = 0) -> Iterator[TaggedSentence]:
    """Sentences (or the whole document) with a tag per token; ``doc.spans`` must not overlap and come sorted."""
    spans = doc.spans
    ranges = sentence_ranges(doc.text, spans, max_length) if sentences else [(0, len(doc.text))]
    check_tokenisable(f"document {doc.id} ({doc.name})", spans)
    for number, (start, end) in enumerate(ranges):
        tokens = tokenise(doc.text, spans, level, start, end)
        inside = [s for s in spans if start <= s.start and s.end <= end]
        yield TaggedSentence(doc, number, doc.text[start:end], [doc.text[t.start:t.end] for t in tokens],
                             encode(tokens, inside, scheme))


@dataclass
class ReadSentence:
    """A sentence as a file gives it; ``group`` says which document it belongs to (None: its own)."""

    tokens: list[str]
    tags: list[str]
    line: int
    text: str | None = None
    group: Any = None
    info: dict[str, Any] = field(default_factory=dict)


def _join(tokens: Sequence[str]) -> str:
    """The text of tokens that came without it: characters (a character-level file) are simply put together,
    words get a space between two Latin letters or digits ("JAPAN GET")."""
    if all(len(token) == 1 for token in tokens):
        return "".join(tokens)
    out: list[str] = []
    for token in tokens:
        if out and out[-1][-1:].isascii() and out[-1][-1:].isalnum() and token[:1].isascii() and token[:1].isalnum():
            out.append(" ")
        out.append(token)
    return "".join(out)


def _align(text: str, tokens: Sequence[str], path: Path, line: int) -> list[tuple[int, int]]:
    """Where each token lies in ``text``, skipping white space; a token that is not there is an error."""
    found = []
    at = 0
    for token in tokens:
        while at < len(text) and text[at].isspace():
            at += 1
        if not token or not text.startswith(token, at):
            raise InputError(path, f"token {token!r} does not match the sentence text at {at} "
                             f"({text[at:at + len(token) + 5]!r})", line)
        found.append((at, at + len(token)))
        at += len(token)
    if text[at:].strip():
        raise InputError(path, f"the sentence text goes on after the last token: {text[at:at + 10]!r}", line)
    return found


def _documents(sentences: Iterable[ReadSentence]) -> Iterator[list[ReadSentence]]:
    current: list[ReadSentence] = []
    for sentence in sentences:
        if current and (sentence.group is None or sentence.group != current[0].group):
            yield current
            current = []
        current.append(sentence)
    if current:
        yield current


def assemble(sentences: Iterable[ReadSentence], path: Path, fmt: str, annotator: str | None,
             errors: Errors | None = None) -> list[SourceDocument]:
    """Documents back from their sentences: text, and spans from the tags on aligned tokens. Every bad
    document is collected in ``errors`` (the reader's, which also holds its bad lines) and reported at the end."""
    errors = errors or Errors(path)
    documents = []
    for group in _documents(sentences):
        with errors.each():
            documents.append(_document(group, path, fmt, annotator))
    errors.check()
    if not documents:
        raise InputError(path, "the file holds no sentences")
    return documents


def _document(group: list[ReadSentence], path: Path, fmt: str, annotator: str | None) -> SourceDocument:
    text_parts: list[str] = []
    raw_spans: list[RawSpan] = []
    offset = 0
    repaired: list[int] = []
    for sentence in group:
        text = sentence.text if sentence.text is not None else _join(sentence.tokens)
        places = _align(text, sentence.tokens, path, sentence.line)
        try:
            decoded = decode(sentence.tags, repaired)
        except ValueError as exc:
            raise InputError(path, str(exc), sentence.line) from None
        raw_spans.extend((offset + places[a][0], offset + places[b][1], label, None) for a, b, label in decoded)
        text_parts.append(text)
        offset += len(text)
    first = group[0]
    info = first.info
    who = annotator or info.get("annotator")
    if raw_spans and not (isinstance(who, str) and who.strip()):
        raise InputError(path, "the spans here belong to nobody: give --annotator NAME", first.line)
    name = str(info.get("name") or f"{path.stem}#{first.line}")
    meta = {"name": name} if info.get("name") else {}
    document = build_document("".join(text_parts), raw_spans, path=path, line=first.line, name=name, fmt=fmt,
                              annotator=who, meta=meta)
    if repaired:
        document.notes.append(f"{path}:{first.line}: {len(repaired)} spans begin with I-/M-/E- after O or another "
                              "label; each was read as the start of a span (as seqeval's default mode does)")
    return document
