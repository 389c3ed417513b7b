"""Exporting annotations as training data: one request, run the same way by ``biaozhu export`` and the
export dialog.

Choosing what goes out (layer, documents, labels, split) happens here and in db/; shaping it (nested
spans, sentences) and writing it happen in corpus/, on plain data. Every output is written beside its
target and renamed into place only when all of them are complete, so an error or a cancel leaves no
partial file. Database errors are left to the caller (``storage_errors()`` turns them into sentences).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path

import orjson
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biaozhu.corpus.errors import Refusal
from biaozhu.corpus.formats.links import relations_among
from biaozhu.corpus.formats.writing import (
    FORMATS,
    Format,
    Tally,
    WriteOptions,
    write_folder,
    write_stream,
)
from biaozhu.corpus.model import AnnotatedText
from biaozhu.corpus.nesting import flatten
from biaozhu.corpus.spans import check_span
from biaozhu.corpus.split import PARTS, assign, parse_fractions, part_path
from biaozhu.corpus.tagging import tag_names
from biaozhu.db.exporting import (
    document_hashes,
    done_by_everyone,
    finished,
    iter_layers,
    reviewed,
)
from biaozhu.db.labels import list_labels
from biaozhu.db.models import GOLD, MAJORITY, Document, RelationType
from biaozhu.operations.outputs import STDOUT, inside, output, output_folder

DOCUMENTS = ("all", "done", "adjudicated")
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to export and where. ``None`` means the format's default (sentences, nested policy, level) or
    everything (layer: every layer; labels: every label)."""

    format: str = "jsonl"
    target: str = STDOUT  # a file, a folder for brat, or "-" for standard output
    layer: str | None = None  # an annotator's name, gold or majority
    documents: str = "all"  # one of DOCUMENTS: done = the layer's status is done; adjudicated = gold's is
    labels: tuple[str, ...] | None = None
    sentences: bool | None = None
    max_length: int = 0
    scheme: str = "bio"
    level: str | None = None
    tag_ids: bool = False
    split: str | None = None  # "train,dev,test" fractions such as "0.8,0.1,0.1"
    seed: int = 0
    nested: str | None = None  # keep, keep-outer or refuse
    with_text: bool = False  # conll: comments with each sentence's exact text, for an exact round trip
    sections: bool = False  # each span's section path (its headings) in the document's meta


@dataclass(slots=True)
class ExportSummary:
    """What was written: ``records`` as the format counts them (JSONL lines, CoNLL sentences, Label Studio tasks,
    DocBin docs, brat documents); ``dropped`` counts nested spans left out under keep-outer (never silently);
    ``relations_dropped`` the relations left out: the format cannot hold them, a sentence cuts them, or one of
    their ends was left out (a label not chosen, a nested span dropped)."""

    documents: int = 0
    records: int = 0
    spans: int = 0
    dropped: int = 0
    relations: int = 0
    relations_dropped: int = 0
    files: list[str] = field(default_factory=list)
    parts: dict[str, int] = field(default_factory=dict)  # a split's documents per output (its path)
    unreviewed: int = 0  # gold: documents left out because no reviewer has decided anything there yet
    seen: set[int] = field(default_factory=set, repr=False)


class Refused(Refusal):
    """The options cannot be honoured; the message says why."""


class ExportCancelled(Exception):
    """The user cancelled; nothing was written."""


def format_of(request: ExportRequest) -> Format:
    try:
        return FORMATS[request.format]
    except KeyError:
        raise Refused(f"unknown format {request.format!r}; known: {', '.join(FORMATS)}") from None


def nested_policy(request: ExportRequest) -> str:
    """The policy asked for, else the format's: keep where spans can nest, keep-outer where they cannot."""
    return request.nested or ("keep" if format_of(request).nests else "keep-outer")


def layers(session: Session, layer: str | None, documents: set[int] | None) -> Iterator[AnnotatedText]:
    if documents is not None and not documents:
        return iter(())  # nothing chosen (gold before any review): the layer need not exist
    if layer == MAJORITY:
        from biaozhu.db.majority import iter_majority  # and review's modules: 0.05 s of every other export's start

        return (doc for doc in iter_majority(session) if documents is None or doc.id in documents)
    return iter_layers(session, layer, documents=documents)


def selection(session: Session, which: str,
              layer: str | None) -> tuple[set[int] | None, Callable[[AnnotatedText], bool]]:
    """Document ids to read (None: all) and a test on each exported layer, for ``documents``."""
    if which not in DOCUMENTS:
        raise Refused(f"documents must be one of {', '.join(DOCUMENTS)}, not {which!r}")
    if which == "adjudicated" or (which == "done" and layer == GOLD):  # gold is done when adjudicated
        ids = {doc for doc, name in finished(session, "adjudicated") if name == GOLD}
        return ids, lambda doc: True
    if layer == GOLD:  # never an unreviewed document as "no entities"
        return reviewed(session), lambda doc: True
    if which == "all":
        return None, lambda doc: True
    if layer == MAJORITY:
        return done_by_everyone(session), lambda doc: True
    pairs = finished(session, "done")
    if layer is not None:
        return {doc for doc, name in pairs if name == layer}, lambda doc: True
    return {doc for doc, _ in pairs}, lambda doc: (doc.id, doc.annotator) in pairs


class _Pace:
    """Counts documents read, reports them and stops at a cancel."""

    def __init__(self, total: int, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.total, self.done, self.last = total, 0, -1
        self.progress, self.cancelled = progress, cancelled

    def visit(self, doc_id: int) -> None:
        if doc_id == self.last:
            return
        self.last = doc_id
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled("export cancelled; nothing was written")
        if self.progress is not None:
            self.progress(self.done, self.total)
        self.done += 1


def shaped(docs: Iterator[AnnotatedText], keep: Callable[[AnnotatedText], bool], labels: set[str] | None,
           policy: str, summary: ExportSummary, pace: _Pace | None = None) -> Iterator[AnnotatedText]:
    """Check each span, keep the chosen labels, apply the nesting policy, and count."""
    for doc in docs:
        if pace is not None:
            pace.visit(doc.id)
        if not keep(doc):
            continue
        where = f"document {doc.id} ({doc.name})" + (f", layer {doc.annotator}" if doc.annotator else "")
        text = doc.text
        # The invariant in one pass over the spans (the schema already keeps 0 <= start < end); check_span then
        # says what is wrong with a span that breaks it.
        for span in [s for s in doc.spans if text[s.start:s.end] != s.text]:
            check_span(text, span, where)
        spans = doc.spans if labels is None else [s for s in doc.spans if s.label in labels]
        flat = flatten(spans, policy, where)
        summary.seen.add(doc.id)
        summary.spans += len(flat.kept)
        summary.dropped += len(flat.dropped)
        # What is kept is a subsequence of the spans read: of the same length, it is all of them.
        if len(flat.kept) == len(doc.spans):
            yield doc
            continue
        relations = relations_among(doc.relations, flat.kept)
        summary.relations_dropped += len(doc.relations) - len(relations)
        yield replace(doc, spans=flat.kept, relations=relations)


def write_options(request: ExportRequest, session: Session) -> tuple[WriteOptions, set[str] | None, str]:
    """The writers' options, the labels to keep (None: all) and the nesting policy, or Refused."""
    spec = format_of(request)
    known = [label.name for label in list_labels(session)]
    chosen = list(request.labels) if request.labels is not None else None
    if chosen is not None:
        unknown = [name for name in chosen if name not in known]
        if unknown:
            raise Refused(f"no such label: {', '.join(unknown)} (the project has {', '.join(known)})")
    policy = nested_policy(request)
    if policy == "keep" and not spec.nests:
        raise Refused(f"{request.format} cannot hold nested spans: use --nested keep-outer or refuse")
    if request.tag_ids and request.format != "hf":
        raise Refused("--tag-ids is for --format hf")
    if request.with_text and request.format != "conll":
        raise Refused("--with-text is for --format conll (the other formats always keep the text)")
    if request.level and spec.level is None:
        raise Refused(f"{request.format} has no tokens: --level is for conll, hf, spans and spacy")
    sentences = spec.tagged if request.sentences is None else request.sentences
    labels = chosen if chosen is not None else known
    options = WriteOptions(scheme=request.scheme, level=request.level, sentences=sentences,
                           max_length=request.max_length,
                           tag_ids=tag_names(labels, request.scheme) if request.tag_ids else None, labels=labels,
                           layered=request.layer is None, with_text=request.with_text,
                           relation_types=list(session.scalars(select(RelationType.name)
                                                               .order_by(RelationType.position, RelationType.id))))
    return options, set(chosen) if chosen is not None else None, policy


def _targets(request: ExportRequest, session: Session, ids: set[int] | None) -> list[tuple[str, set[int] | None]]:
    if not request.split:
        return [(request.target, ids)]
    if request.target == STDOUT:
        raise Refused("--split writes three outputs: give a file (or folder) name, not -")
    hashes = document_hashes(session)
    if ids is not None:
        hashes = {doc: sha for doc, sha in hashes.items() if doc in ids}
    parts = assign(hashes, parse_fractions(request.split), request.seed)
    folder = format_of(request).folder
    return [(str(part_path(Path(request.target), part, folder)), parts[part]) for part in PARTS]


def _write(stack: ExitStack, request: ExportRequest, target: str, docs: Iterator[AnnotatedText],
           options: WriteOptions, tally: Tally) -> list[str]:
    """Write one output into a temporary file (or folder) that ``stack`` renames into place; its paths."""
    if format_of(request).folder:
        folder = stack.enter_context(output_folder(Path(target)))
        written: set[str] = set()
        for relative, content in write_folder(request.format, docs, options, tally):
            path = inside(folder, relative, written)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        return [target]
    handle = stack.enter_context(output(target))
    for chunk in write_stream(request.format, docs, options, tally):
        handle.write(chunk)
    if options.tag_ids is None or target == STDOUT:
        return [target]
    from biaozhu.corpus.formats.hf import labels_path  # hf's modules only for hf

    beside = str(labels_path(Path(target)))
    stack.enter_context(output(beside)).write(orjson.dumps(list(options.tag_ids), option=orjson.OPT_INDENT_2) + b"\n")
    return [target, beside]


def run_export(session: Session, request: ExportRequest, progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> ExportSummary:
    """Export as ``request`` says. ``progress(done, total)`` counts documents; ``cancelled()`` is asked before
    each document and, when true, ends the export with :class:`ExportCancelled` and no file written.

    Raises Refused, ValueError, LookupError or RuntimeError for options that cannot be honoured,
    NestedSpansRefused under the refuse policy, InputError for a stored span that disagrees with its text.
    """
    if format_of(request).folder and request.target == STDOUT:
        raise Refused(f"{request.format} writes a folder: give its path")
    options, labels, policy = write_options(request, session)
    ids, keep = selection(session, request.documents, request.layer)
    targets = _targets(request, session, ids)
    everything = 0 if all(chosen is not None for _, chosen in targets) else \
        session.scalar(select(func.count(Document.id))) or 0
    pace = _Pace(sum(everything if chosen is None else len(chosen) for _, chosen in targets), progress, cancelled)
    summary = ExportSummary()
    tally = Tally()
    if request.layer == GOLD and request.documents == "all" and ids is not None:
        summary.unreviewed = (session.scalar(select(func.count(Document.id))) or 0) - len(ids)
    with ExitStack() as stack:
        for target, chosen in targets:
            docs = shaped(layers(session, request.layer, chosen), keep, labels, policy, summary, pace)
            if request.sections:
                from biaozhu.corpus.outline import with_sections  # the outline's modules only when asked

                docs = map(with_sections, docs)
            summary.files.extend(_write(stack, request, target, docs, options, tally))
            if request.split:
                summary.parts[target] = len(chosen or ())
        if cancelled is not None and cancelled():
            raise ExportCancelled("export cancelled; nothing was written")
    summary.documents, summary.records = len(summary.seen), tally.records
    summary.relations, summary.relations_dropped = tally.relations, summary.relations_dropped + tally.relations_dropped
    if progress is not None:
        progress(pace.total, pace.total)
    return summary
