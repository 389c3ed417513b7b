"""brat standoff: a ``.txt`` and an ``.ann`` per document, ``annotation.conf`` beside them.

brat counts offsets in characters of the ``.txt`` as Python reads it: code points, CR LF as two. A span
over a line break is written as fragments ``start end;start end`` split at the line breaks (brat's
way); reading joins fragments separated only by white space back into one span. Relations are ``R`` lines
(``R1<TAB>TYPE Arg1:T1 Arg2:T2``, the first argument the relation's start), declared in annotation.conf for any
entity (``TYPE Arg1:<ENTITY>, Arg2:<ENTITY>``). ``AnnotatorNotes`` on a span (``#1<TAB>AnnotatorNotes T3<TAB>
text``) are the layer's comments on it, written and read; a METRIC span's value is such a note too
(``value=37717800000 qualifier=exact unit=元``): brat shows notes, and its attributes would have to list every
possible value in annotation.conf. Events (with their trigger words), attributes, other notes, relations to what
is not an imported span and truly discontinuous spans are reported as ignored, not refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from biaozhu.corpus.errors import Errors, InputError
from biaozhu.corpus.formats.common import RawSpan, build_document
from biaozhu.corpus.formats.guard import check_regular
from biaozhu.corpus.formats.links import RawRelation, RawValue, read_value_note, relation_ends, value_note
from biaozhu.corpus.model import AnnotatedText, SourceDocument, Span
from biaozhu.corpus.text import check_printable, decode, normalise

CONF = "annotation.conf"
_LAYER = "# biaozhu layer: "
_UNSAFE = re.compile(r'[\\/:*?"<>|#\s\x00-\x1f]+')
_IGNORED = {"E": "event", "A": "attribute", "M": "attribute", "N": "normalisation", "#": "note",
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
    """The ``.ann``: a T line per span, its R lines, then ``AnnotatorNotes`` lines: values, then comments."""
    lines: list[str] = []
    notes: list[str] = []
    for n, span in enumerate(doc.spans, start=1):
        pieces = _fragments(doc.text, span)
        where = ";".join(f"{s} {e}" for s, e in pieces)
        lines.append(f"T{n}\t{span.label} {where}\t{' '.join(doc.text[s:e] for s, e in pieces)}\n")
        value = doc.values.get((span.start, span.end, span.label))
        if value is not None:
            notes.append(f"\t{_NOTE} T{n}\t{value_note(value)}\n")
        notes += [f"\t{_NOTE} T{n}\t{_one_line(text)}\n" for text in doc.comments.get(span[:3], ())]
    lines.extend(f"R{n}\t{kind} Arg1:T{a + 1} Arg2:T{b + 1}\t\n"
                 for n, (a, b, kind) in enumerate(relation_ends(doc), start=1))
    return "".join(lines) + "".join(f"#{n}{note}" for n, note in enumerate(notes, start=1))


def conf_text(labels: Iterable[str], layer: str | None, relation_types: Iterable[str] = ()) -> str:
    head = f"{_LAYER}{layer}\n" if layer else ""
    entities = "".join(f"{label}\n" for label in labels)
    relations = "".join(f"{kind}\tArg1:<ENTITY>, Arg2:<ENTITY>\n" for kind in relation_types)
    return f"{head}[entities]\n{entities}\n[relations]\n{relations}\n[events]\n\n[attributes]\n"


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


def write_brat(docs: Iterable[AnnotatedText], labels: Iterable[str], *, layered: bool,
               relation_types: Iterable[str] = ()) -> Iterator[tuple[str, bytes]]:
    """``(relative path, content)`` pairs; ``layered``: a folder per layer, each with its annotation.conf."""
    labels = list(labels)
    relation_types = list(relation_types)
    folders: dict[str | None, str] = {}
    top = _Names()
    stems: dict[str, _Names] = {}
    if not layered:
        yield CONF, conf_text(labels, None, relation_types).encode("utf-8")
    for doc in docs:
        folder = ""
        if layered:
            if doc.annotator not in folders:
                folders[doc.annotator] = top.claim(safe_name(doc.annotator or "unannotated", "layer")) + "/"
                yield folders[doc.annotator] + CONF, conf_text(labels, doc.annotator, relation_types).encode("utf-8")
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


class _Ann:
    """What an ``.ann`` gave: spans, relations, values and comments (naming spans by position), and what was left
    out."""

    def __init__(self) -> None:
        self.spans: list[RawSpan] = []
        self.relations: list[RawRelation] = []
        self.values: list[RawValue] = []
        self.comments: list[tuple[int, str]] = []
        self.notes: list[str] = []
        self.ignored: dict[str, int] = {}
        self.ids: dict[str, int] = {}  # a T id to its span's position

    def ignore(self, kind: str) -> None:
        self.ignored[kind] = self.ignored.get(kind, 0) + 1


def _span(ann: Path, raw: str, line: str, number: int, found: _Ann) -> None:
    fields = line.split("\t")
    head = fields[1].split(" ", 1) if len(fields) >= 3 else []
    try:
        label = head[0]
        fragments = [tuple(map(int, part.split())) for part in head[1].split(";")]
        assert all(len(f) == 2 for f in fragments)
    except (IndexError, ValueError, AssertionError):
        raise InputError(ann, f"expected 'T1<TAB>Type start end<TAB>text', not {line[:60]!r}", number) from None
    said = fields[2]
    for s, e in fragments:
        if not 0 <= s < e <= len(raw):
            raise InputError(ann, f"{fields[0]} {label} [{s}, {e}) is outside the text (length {len(raw)})", number)
    if " ".join(raw[s:e] for s, e in fragments) != said:
        raise InputError(ann, f"{fields[0]} {label}: the .ann says {said!r} but the .txt has "
                         f"{' '.join(raw[s:e] for s, e in fragments)!r}", number)
    gaps = [raw[a[1]:b[0]] for a, b in zip(fragments, fragments[1:], strict=False)]
    if any(gap.strip() or a[1] > b[0] for gap, a, b in zip(gaps, fragments, fragments[1:], strict=False)):
        found.notes.append(f"{ann}:{number}: {fields[0]} {label} is discontinuous ({len(fragments)} fragments); "
                           "not imported")
        return
    found.ids[fields[0]] = len(found.spans)
    found.spans.append((fragments[0][0], fragments[-1][1], label, None))


def _relation(ann: Path, line: str, number: int, found: _Ann) -> None:
    """``R1<TAB>TYPE Arg1:T1 Arg2:T2``: its ends must be spans read (an event or a left-out span is reported)."""
    fields = line.split("\t")
    parts = fields[1].split() if len(fields) >= 2 else []
    ends = [part.partition(":")[2] for part in parts[1:]]
    if len(parts) != 3 or not all(ends):
        raise InputError(ann, f"expected 'R1<TAB>Type Arg1:T1 Arg2:T2', not {line[:60]!r}", number)
    missing = [end for end in ends if end not in found.ids]
    if missing:
        found.notes.append(f"{ann}:{number}: {fields[0]} {parts[0]} is left out: {', '.join(missing)} is not a span "
                           "imported here")
        return
    found.relations.append((found.ids[ends[0]], found.ids[ends[1]], parts[0]))


def _note(line: str, found: _Ann) -> None:
    """``#1<TAB>AnnotatorNotes T3<TAB>text`` on a span read: a value (``value=…``) or a comment; any other note is
    counted as ignored."""
    fields = line.split("\t", 2)
    target = fields[1].split() if len(fields) == 3 else []
    text = fields[2].strip() if len(fields) == 3 else ""
    if len(target) != 2 or target[0] != _NOTE or target[1] not in found.ids or not text:
        found.ignore("note")
        return
    value = read_value_note(text)
    if value is not None:
        found.values.append((found.ids[target[1]], value))
    else:
        found.comments.append((found.ids[target[1]], text))


def _parse_ann(ann: Path, raw: str) -> _Ann:
    lines = _read(ann).lstrip("\ufeff").splitlines()
    triggers = set(filter(None, map(_trigger, lines)))
    found = _Ann()
    later: list[tuple[int, str]] = []  # relations and notes, read once every span is known
    errors = Errors(ann)
    for number, line in enumerate(lines, start=1):
        with errors.each():
            if not line.strip():
                continue
            kind = line[0]
            if kind in "R#":
                later.append((number, line))
            elif kind != "T":
                if kind not in _IGNORED:
                    raise InputError(ann, f"not a brat annotation line: {line[:40]!r}", number)
                found.ignore(_IGNORED[kind])
            elif line.split("\t", 1)[0] in triggers:
                found.ignore("event trigger")
            else:
                _span(ann, raw, line, number, found)
    for number, line in later:
        with errors.each():
            _relation(ann, line, number, found) if line[0] == "R" else _note(line, found)
    errors.check()
    if found.ignored:
        counted = ", ".join(f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in sorted(found.ignored.items()))
        found.notes.append(f"{ann}: ignored (not spans): {counted}")
    return found


def brat_pair(path: Path) -> tuple[Path, Path]:
    return path.with_suffix(".txt"), path.with_suffix(".ann")


def read_brat(path: Path, annotator: str | None = None) -> list[SourceDocument]:
    """One ``.txt``/``.ann`` pair (either may be named) as one document with its text-bound annotations."""
    txt, ann = brat_pair(path)
    if not txt.exists():
        raise InputError(ann, f"there is no {txt.name} beside it: brat keeps the text in a .txt of the same name")
    raw = _read(txt)
    check_printable(raw, txt)
    found = _parse_ann(ann, raw) if ann.exists() else _Ann()
    who = annotator or _layer_of(ann.parent)
    if found.spans and not who:
        raise InputError(ann, "the spans here belong to nobody: give --annotator NAME")
    document = build_document(raw, found.spans, path=ann, line=None, name=txt.name, fmt="brat", annotator=who,
                              raw_relations=found.relations, raw_values=found.values)
    document.source = str(txt)
    document.notes.extend(found.notes)
    if found.comments:  # the notes' spans, moved onto the stored text as build_document moved them
        normalised = normalise(raw)
        for at, text in found.comments:
            raw_start, raw_end, label, _ = found.spans[at]
            assert isinstance(raw_start, int) and isinstance(raw_end, int)  # build_document checked them
            start, end = normalised.offsets(raw_start), normalised.offsets(raw_end)
            document.comments.append((Span(start, end, label, normalised.text[start:end]), text))
    return [document]
