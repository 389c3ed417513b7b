"""brat standoff: a ``.txt`` and an ``.ann`` per document, ``annotation.conf`` beside them.

brat counts offsets in characters of the ``.txt`` as Python reads it: code points, CR LF as two. A span
over a line break is written as fragments ``start end;start end`` split at the line breaks (brat's
way); reading joins fragments separated only by white space back into one span. ``AnnotatorNotes`` on a span
(``#1<TAB>AnnotatorNotes T3<TAB>text``) are the layer's comments on it, written and read. Other tools' relations,
events (with their trigger words), attributes, other notes and truly discontinuous spans are not spans: they
are reported as ignored, not refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from biaozhu.corpus.errors import Errors, InputError
from biaozhu.corpus.formats.common import RawSpan, build_document
from biaozhu.corpus.formats.guard import check_regular
from biaozhu.corpus.model import AnnotatedText, SourceDocument, Span
from biaozhu.corpus.text import check_printable, decode, normalise

CONF = "annotation.conf"
_LAYER = "# biaozhu layer: "
_UNSAFE = re.compile(r'[\\/:*?"<>|#\s\x00-\x1f]+')
_IGNORED = {"R": "relation", "E": "event", "A": "attribute", "M": "attribute", "N": "normalisation", "#": "note",
            "*": "equivalence"}
_NOTE = "AnnotatorNotes"


def _fragments(text: str, span: Span) -> list[tuple[int, int]]:
    pieces = []
    start = span.start
    for i in range(span.start, span.end):
        if text[i] == "\n":
            if start < i:
                pieces.append((start, i))
            start = i + 1
    if start < span.end:
        pieces.append((start, span.end))
    return pieces


def _one_line(text: str) -> str:
    return " ".join(text.split())


def ann_text(doc: AnnotatedText) -> str:
    """The ``.ann``: a T line per span, then an ``AnnotatorNotes`` line per comment on a span."""
    lines, notes = [], []
    for n, span in enumerate(doc.spans, start=1):
        pieces = _fragments(doc.text, span)
        where = ";".join(f"{s} {e}" for s, e in pieces)
        lines.append(f"T{n}\t{span.label} {where}\t{' '.join(doc.text[s:e] for s, e in pieces)}\n")
        notes += [f"\t{_NOTE} T{n}\t{_one_line(text)}\n" for text in doc.comments.get(span[:3], ())]
    return "".join(lines) + "".join(f"#{n}{note}" for n, note in enumerate(notes, start=1))


def conf_text(labels: Iterable[str], layer: str | None) -> str:
    head = f"{_LAYER}{layer}\n" if layer else ""
    entities = "".join(f"{label}\n" for label in labels)
    return f"{head}[entities]\n{entities}\n[relations]\n\n[events]\n\n[attributes]\n"


def safe_name(name: str, fallback: str) -> str:
    """One path component made of ``name``: no separators, control characters or leading dots (so never ``..``)."""
    return _UNSAFE.sub("_", name).strip("._")[:80] or fallback


def file_stem(doc: AnnotatedText) -> str:
    stem = safe_name(Path(doc.name).stem, "")
    return f"{doc.id:06d}-{stem}" if stem else f"{doc.id:06d}"


class _Names:
    """Hands out path components that never collide, also on a case-insensitive file system: ``a/b``, ``a_b`` and
    ``a:b`` become ``a_b``, ``a_b-2`` and ``a_b-3``."""

    def __init__(self) -> None:
        self.taken: set[str] = {CONF.casefold()}

    def claim(self, wanted: str) -> str:
        name, n = wanted, 1
        while name.casefold() in self.taken:
            n += 1
            name = f"{wanted}-{n}"
        self.taken.add(name.casefold())
        return name


def write_brat(docs: Iterable[AnnotatedText], labels: Iterable[str], *, layered: bool) -> Iterator[tuple[str, bytes]]:
    """``(relative path, content)`` pairs; ``layered``: a folder per layer, each with its annotation.conf."""
    labels = list(labels)
    folders: dict[str | None, str] = {}
    top = _Names()
    stems: dict[str, _Names] = {}
    if not layered:
        yield CONF, conf_text(labels, None).encode("utf-8")
    for doc in docs:
        folder = ""
        if layered:
            if doc.annotator not in folders:
                folders[doc.annotator] = top.claim(safe_name(doc.annotator or "unannotated", "layer")) + "/"
                yield folders[doc.annotator] + CONF, conf_text(labels, doc.annotator).encode("utf-8")
            folder = folders[doc.annotator]
        stem = folder + stems.setdefault(folder, top if not layered else _Names()).claim(file_stem(doc))
        yield stem + ".txt", doc.text.encode("utf-8")
        yield stem + ".ann", ann_text(doc).encode("utf-8")


def _layer_of(folder: Path) -> str | None:
    conf = folder / CONF
    try:
        first = conf.read_text("utf-8").split("\n", 1)[0]
    except (OSError, UnicodeDecodeError):
        return None
    if not first.startswith(_LAYER):
        return None
    return first.removeprefix(_LAYER).strip() or None


def _read(path: Path) -> str:
    check_regular(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read the file: {exc.strerror}") from None
    return decode(data, path).text if data.strip() else ""


def _trigger(line: str) -> str | None:
    """The T id an event line ``E1<TAB>Type:T3 Theme:T2`` is triggered by."""
    if not line.startswith("E") or "\t" not in line:
        return None
    first = line.split("\t")[1].split(" ", 1)[0]
    return first.partition(":")[2] or None


def _note(line: str) -> tuple[str, str] | None:
    """``(T id, text)`` of an ``#1<TAB>AnnotatorNotes T3<TAB>text`` line."""
    fields = line.split("\t", 2)
    if len(fields) == 3 and fields[1].startswith(_NOTE + " ") and fields[2].strip():
        return fields[1].removeprefix(_NOTE + " ").strip(), fields[2].strip()
    return None


def _parse_ann(ann: Path, raw: str) -> tuple[list[RawSpan], list[str], list[tuple[int, str]]]:
    """The spans, what was skipped, and the notes on spans (by their place in the spans)."""
    lines = _read(ann).lstrip("\ufeff").splitlines()
    triggers = set(filter(None, map(_trigger, lines)))
    spans: list[RawSpan] = []
    span_of: dict[str, int] = {}
    notes_on: list[tuple[str, str]] = []
    ignored: dict[str, int] = {}
    notes: list[str] = []
    errors = Errors(ann)
    for number, line in enumerate(lines, start=1):
        with errors.each():
            if not line.strip():
                continue
            kind = line[0]
            note = _note(line) if kind == "#" else None
            if note is not None:
                notes_on.append(note)
                continue
            if kind != "T":
                if kind not in _IGNORED:
                    raise InputError(ann, f"not a brat annotation line: {line[:40]!r}", number)
                ignored[_IGNORED[kind]] = ignored.get(_IGNORED[kind], 0) + 1
                continue
            fields = line.split("\t")
            head = fields[1].split(" ", 1) if len(fields) >= 3 else []
            try:
                label = head[0]
                fragments = [tuple(map(int, part.split())) for part in head[1].split(";")]
                assert all(len(f) == 2 for f in fragments)
            except (IndexError, ValueError, AssertionError):
                raise InputError(ann, f"expected 'T1<TAB>Type start end<TAB>text', not {line[:60]!r}",
                                 number) from None
            if fields[0] in triggers:
                ignored["event trigger"] = ignored.get("event trigger", 0) + 1
                continue
            said = fields[2]
            for s, e in fragments:
                if not 0 <= s < e <= len(raw):
                    raise InputError(ann, f"{fields[0]} {label} [{s}, {e}) is outside the text (length {len(raw)})",
                                     number)
            if " ".join(raw[s:e] for s, e in fragments) != said:
                raise InputError(ann, f"{fields[0]} {label}: the .ann says {said!r} but the .txt has "
                                 f"{' '.join(raw[s:e] for s, e in fragments)!r}", number)
            gaps = [raw[a[1]:b[0]] for a, b in zip(fragments, fragments[1:], strict=False)]
            if any(gap.strip() or a[1] > b[0] for gap, a, b in zip(gaps, fragments, fragments[1:], strict=False)):
                notes.append(f"{ann}:{number}: {fields[0]} {label} is discontinuous ({len(fragments)} fragments); "
                             "not imported")
                continue
            span_of[fields[0]] = len(spans)
            spans.append((fragments[0][0], fragments[-1][1], label, None))
    errors.check()
    on_spans = [(span_of[target], text) for target, text in notes_on if target in span_of]
    if len(on_spans) < len(notes_on):
        ignored["note"] = ignored.get("note", 0) + len(notes_on) - len(on_spans)
    if ignored:
        counted = ", ".join(f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in sorted(ignored.items()))
        notes.append(f"{ann}: ignored (not spans): {counted}")
    return spans, notes, on_spans


def brat_pair(path: Path) -> tuple[Path, Path]:
    return path.with_suffix(".txt"), path.with_suffix(".ann")


def read_brat(path: Path, annotator: str | None = None) -> list[SourceDocument]:
    """One ``.txt``/``.ann`` pair (either may be named) as one document with its text-bound annotations."""
    txt, ann = brat_pair(path)
    if not txt.exists():
        raise InputError(ann, f"there is no {txt.name} beside it: brat keeps the text in a .txt of the same name")
    raw = _read(txt)
    check_printable(raw, txt)
    spans, notes, on_spans = _parse_ann(ann, raw) if ann.exists() else ([], [], [])
    who = annotator or _layer_of(ann.parent)
    if spans and not who:
        raise InputError(ann, "the spans here belong to nobody: give --annotator NAME")
    document = build_document(raw, spans, path=ann, line=None, name=txt.name, fmt="brat", annotator=who)
    document.source = str(txt)
    document.notes.extend(notes)
    if on_spans:  # the notes' spans, moved onto the stored text as build_document moved them
        normalised = normalise(raw)
        for at, text in on_spans:
            raw_start, raw_end, label, _ = spans[at]
            assert isinstance(raw_start, int) and isinstance(raw_end, int)  # build_document checked them
            start, end = normalised.offsets(raw_start), normalised.offsets(raw_end)
            document.comments.append((Span(start, end, label, normalised.text[start:end]), text))
    return [document]
