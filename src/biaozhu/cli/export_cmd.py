"""``biaozhu export``: annotations out as training data, streamed, written atomically.

Choosing what goes out (layer, documents, labels, split) happens here and in db/; shaping it (nested
spans, sentences) and writing it happen in corpus/, on plain data.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

import orjson
from sqlalchemy.orm import Session

from biaozhu.cli.project import open_project, storage_errors
from biaozhu.corpus.formats.hf import labels_path
from biaozhu.corpus.formats.writing import FORMATS, WriteOptions, write_folder, write_stream
from biaozhu.corpus.model import AnnotatedText
from biaozhu.corpus.nesting import POLICIES, NestedSpansRefused, flatten
from biaozhu.corpus.spans import check_span
from biaozhu.corpus.split import PARTS, assign, parse_fractions, part_path
from biaozhu.corpus.tagging import SCHEMES, tag_names
from biaozhu.corpus.tokens import LEVELS
from biaozhu.db.exporting import document_hashes, done_by_everyone, finished, iter_layers
from biaozhu.db.labels import list_labels
from biaozhu.db.models import GOLD

MAJORITY = "majority"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("export", parents=[common], help="export annotations as training data",
                            description="Formats: jsonl (doccano label form), doccano-entities, spans (spaCy/Prodigy "
                                        "JSONL), spacy (DocBin), conll, hf (Hugging Face JSONL), brat (a folder), "
                                        "labelstudio, cluener.")
    parser.add_argument("--format", default="jsonl", choices=tuple(FORMATS), help="default: jsonl")
    parser.add_argument("-o", "--output", required=True,
                        help="file to write (a folder for brat), or - for standard output")
    parser.add_argument("--layer", help=f"an annotator's name, {GOLD} or {MAJORITY} (default: every layer)")
    parser.add_argument("--annotator", dest="layer", help="the same as --layer NAME")
    parser.add_argument("--documents", choices=("all", "done", "adjudicated"), default="all",
                        help="done: the layer's status is done; adjudicated: the gold layer's is")
    parser.add_argument("--labels", help="only these labels, comma-separated")
    parser.add_argument("--sentences", action=argparse.BooleanOptionalAction, default=None,
                        help="a record per sentence (split on 。！？；and line breaks); on by default for conll and hf")
    parser.add_argument("--max-length", type=int, default=0, metavar="N",
                        help="cut sentences longer than N characters (never inside a span)")
    parser.add_argument("--split", metavar="TRAIN,DEV,TEST",
                        help="e.g. 0.8,0.1,0.1: by document, into OUT-train.EXT, OUT-dev.EXT, OUT-test.EXT")
    parser.add_argument("--seed", type=int, default=0, help="seed of the split (default 0)")
    parser.add_argument("--nested", choices=POLICIES, default=None,
                        help="spans inside spans: keep (formats that can hold them; their default), "
                             "keep-outer (drop inner ones and say how many; default for conll and hf) or refuse")
    parser.add_argument("--scheme", choices=SCHEMES, default="bio", help="conll and hf tags (default bio = IOB2)")
    parser.add_argument("--level", choices=LEVELS, help="tokens: char (conll, hf) or word (jieba; spans, spacy)")
    parser.add_argument("--tag-ids", action="store_true", help="hf: tag ids, the tag list in OUT.labels.json")
    parser.set_defaults(run=run)


def _umask() -> int:
    """The process's umask (temporary files are private; the finished export gets the usual permissions)."""
    current = os.umask(0)
    os.umask(current)
    return current


@contextmanager
def output(target: str) -> Iterator[BinaryIO]:
    """Standard output, a device or pipe as it is, else a temporary file beside the target renamed into place."""
    if target == "-":
        yield sys.stdout.buffer
        sys.stdout.flush()
        return
    path = Path(target)
    if path.exists() and not path.is_file():  # /dev/null, a named pipe: write to it, never replace it
        with path.open("wb") as handle:
            yield handle
        return
    fd, temporary = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".", prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


@contextmanager
def output_folder(target: Path) -> Iterator[Path]:
    """A temporary folder beside ``target``; when complete it replaces ``target``, which may only hold an earlier export."""
    if target.exists() and not target.is_dir():
        raise ValueError(f"{target} is a file; this format writes a folder")
    if target.exists() and any(p.is_file() and p.suffix not in {".txt", ".ann", ".conf"} for p in target.rglob("*")):
        raise ValueError(f"{target} holds other files than an earlier brat export; choose a new folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        yield temporary
        os.chmod(temporary, 0o777 & ~_umask())
        if target.exists():
            old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old."))
            os.replace(target, old / "previous")
            os.replace(temporary, target)
            shutil.rmtree(old)
        else:
            os.replace(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


@dataclass
class Tally:
    documents: set[int] = field(default_factory=set)
    records: int = 0
    spans: int = 0
    dropped: int = 0


class Refused(Exception):
    """The options cannot be honoured; the message says why."""


def _layers(session: Session, layer: str | None, documents: set[int] | None) -> Iterator[AnnotatedText]:
    if layer == MAJORITY:
        try:
            from biaozhu.db.majority import iter_majority
        except ImportError:
            raise Refused("the majority layer is not available in this version") from None
        return (doc for doc in iter_majority(session) if documents is None or doc.id in documents)
    return iter_layers(session, layer, documents=documents)


def _selection(session: Session, which: str, layer: str | None) -> tuple[set[int] | None, Callable[[AnnotatedText], bool]]:
    """Document ids to read (None: all) and a test on each exported layer, for ``--documents``."""
    if which == "all":
        return None, lambda doc: True
    if which == "adjudicated":
        ids = {doc for doc, name in finished(session, "adjudicated") if name == GOLD}
        return ids, lambda doc: True
    if layer == MAJORITY:
        return done_by_everyone(session), lambda doc: True
    pairs = finished(session, "done")
    if layer is not None:
        return {doc for doc, name in pairs if name == layer}, lambda doc: True
    return {doc for doc, _ in pairs}, lambda doc: (doc.id, doc.annotator) in pairs


def _shaped(layers: Iterator[AnnotatedText], keep: Callable[[AnnotatedText], bool], labels: set[str] | None,
            policy: str, tally: Tally) -> Iterator[AnnotatedText]:
    """Check each span, keep the chosen labels, apply the nesting policy, and count."""
    for doc in layers:
        if not keep(doc):
            continue
        where = f"document {doc.id} ({doc.name})" + (f", layer {doc.annotator}" if doc.annotator else "")
        text = doc.text
        for span in [s for s in doc.spans if text[s.start:s.end] != s.text or s.start >= s.end]:
            check_span(text, span, where)  # raises, naming the span
        spans = doc.spans if labels is None else [s for s in doc.spans if s.label in labels]
        flat = flatten(spans, policy, where)
        tally.documents.add(doc.id)
        tally.records += 1
        tally.spans += len(flat.kept)
        tally.dropped += len(flat.dropped)
        yield replace(doc, spans=flat.kept)


def _options(args: argparse.Namespace, session: Session) -> tuple[WriteOptions, set[str] | None, str]:
    spec = FORMATS[args.format]
    known = [label.name for label in list_labels(session)]
    chosen = None
    if args.labels:
        chosen = [name.strip() for name in args.labels.split(",") if name.strip()]
        unknown = [name for name in chosen if name not in known]
        if unknown:
            raise Refused(f"no such label: {', '.join(unknown)} (the project has {', '.join(known)})")
    policy = args.nested or ("keep" if spec.nests else "keep-outer")
    if policy == "keep" and not spec.nests:
        raise Refused(f"{args.format} cannot hold nested spans: use --nested keep-outer or refuse")
    if args.tag_ids and args.format != "hf":
        raise Refused("--tag-ids is for --format hf")
    if args.level and spec.level is None:
        raise Refused(f"{args.format} has no tokens: --level is for conll, hf, spans and spacy")
    sentences = spec.tagged if args.sentences is None else args.sentences
    labels = chosen if chosen is not None else known
    options = WriteOptions(scheme=args.scheme, level=args.level, sentences=sentences, max_length=args.max_length,
                           tag_ids=tag_names(labels, args.scheme) if args.tag_ids else None, labels=labels,
                           layered=args.layer is None)
    return options, set(chosen) if chosen is not None else None, policy


def _write(args: argparse.Namespace, target: str, docs: Iterator[AnnotatedText], options: WriteOptions) -> None:
    if FORMATS[args.format].folder:
        with output_folder(Path(target)) as folder:
            for relative, content in write_folder(args.format, docs, options):
                path = folder / relative
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
        return
    with output(target) as handle:
        for chunk in write_stream(args.format, docs, options):
            handle.write(chunk)
    if options.tag_ids is not None and target != "-":
        with output(str(labels_path(Path(target)))) as handle:
            handle.write(orjson.dumps(list(options.tag_ids), option=orjson.OPT_INDENT_2) + b"\n")


def _targets(args: argparse.Namespace, session: Session, ids: set[int] | None) -> list[tuple[str, set[int] | None]]:
    if not args.split:
        return [(args.output, ids)]
    if args.output == "-":
        raise Refused("--split writes three outputs: give a file (or folder) name, not -")
    hashes = document_hashes(session)
    if ids is not None:
        hashes = {doc: sha for doc, sha in hashes.items() if doc in ids}
    parts = assign(hashes, parse_fractions(args.split), args.seed)
    return [(str(part_path(Path(args.output), part, FORMATS[args.format].folder)), parts[part]) for part in PARTS]


def run(args: argparse.Namespace) -> int:
    if FORMATS[args.format].folder and args.output == "-":
        print(f"biaozhu export: {args.format} writes a folder: give its path with -o", file=sys.stderr)
        return 2
    _, sessions = open_project(args.db)
    tally = Tally()
    with storage_errors(), sessions() as session:
        try:
            options, labels, policy = _options(args, session)
            ids, keep = _selection(session, args.documents, args.layer)
            for target, chosen in _targets(args, session, ids):
                _write(args, target, _shaped(_layers(session, args.layer, chosen), keep, labels, policy, tally), options)
                if args.split:
                    print(f"{target}: {len(chosen or ())} documents", file=sys.stderr)
        except (Refused, ValueError, LookupError, RuntimeError, NestedSpansRefused) as exc:
            print(f"biaozhu export: {exc}", file=sys.stderr)
            return 2
    dropped = f"; {tally.dropped} nested spans dropped (--nested keep-outer)" if tally.dropped else ""
    where = "standard output" if args.output == "-" else args.output
    print(f"exported {len(tally.documents)} documents ({tally.records} records), {tally.spans} spans{dropped} "
          f"to {where} as {args.format}", file=sys.stderr)
    return 0
