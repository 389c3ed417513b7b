"""``biaozhu export``: annotations out as training data, streamed, written atomically.

This is only the command line over :mod:`biaozhu.operations.export`, which the export dialog runs too.
"""

from __future__ import annotations

import argparse
import gc
import sys

from biaozhu.cli.language import say, tell
from biaozhu.corpus.formats.writing import FORMATS
from biaozhu.corpus.nesting import POLICIES, NestedSpansRefused
from biaozhu.corpus.tagging import SCHEMES
from biaozhu.corpus.tokens import LEVELS
from biaozhu.db.errors import storage_errors
from biaozhu.db.models import GOLD, MAJORITY
from biaozhu.db.project import open_project
from biaozhu.operations.export import DOCUMENTS, ExportRequest, Refused, run_export
from biaozhu.operations.outputs import STDOUT


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
    parser.add_argument("--documents", choices=DOCUMENTS, default="all",
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
    parser.add_argument("--sections", action="store_true",
                        help="add each span's section path (the report's headings) to the document meta "
                             "(span_sections; in jsonl, spans and cluener)")
    parser.add_argument("--tag-ids", action="store_true", help="hf: tag ids, the tag list in OUT.labels.json")
    parser.add_argument("--with-text", action="store_true",
                        help="conll: '# document'/'# text' comments keeping the exact text, so that biaozhu "
                             "import gives it back whole (plain CoNLL without them, which doccano reads)")
    parser.set_defaults(run=run)


def request_of(args: argparse.Namespace) -> ExportRequest:
    labels = None
    if args.labels:
        labels = tuple(name.strip() for name in args.labels.split(",") if name.strip())
    return ExportRequest(format=args.format, target=str(args.output), layer=args.layer, documents=args.documents,
                         labels=labels, sentences=args.sentences, max_length=args.max_length, scheme=args.scheme,
                         level=args.level, tag_ids=args.tag_ids, split=args.split, seed=args.seed, nested=args.nested,
                         with_text=args.with_text, sections=args.sections)


def run(args: argparse.Namespace) -> int:
    request = request_of(args)
    if FORMATS[request.format].folder and request.target == STDOUT:
        print(f"biaozhu export: {say('{format} writes a folder: give its path with -o', format=request.format)}",
              file=sys.stderr)
        return 2
    _, sessions = open_project(args.db)
    # The export makes a million short-lived spans and no reference cycles: reference counting frees them, and the
    # cyclic collector only walked them again and again (0.2 s of 2.6 s in benchmarks/export.py, where gc.freeze()
    # saved less). The benchmark's two corpus sizes show that memory stays flat without it.
    gc.disable()
    with storage_errors(), sessions() as session:
        try:
            summary = run_export(session, request)
        except (Refused, ValueError, LookupError, RuntimeError, NestedSpansRefused) as exc:
            print(f"biaozhu export: {tell(str(exc))}", file=sys.stderr)
            return 2
        except OSError as exc:  # a missing, read-only or full folder: the temporary file is gone, an old one kept
            why = say("cannot write {target}: {reason}; nothing was written (a file already there is kept)",
                      target=request.target, reason=tell(str(exc.strerror)))
            print(f"biaozhu export: {why}", file=sys.stderr)
            return 2
    if summary.unreviewed:
        print(say("{count} documents have no reviewer's decision yet and were left out of {layer}"
                  + (" (nothing is reviewed yet: the export is empty)" if not summary.documents else ""),
                  count=summary.unreviewed, layer=GOLD), file=sys.stderr)
    for target, count in summary.parts.items():
        print(f"{target}: {say('{count} documents', count=count)}", file=sys.stderr)
    dropped = say("; {count} nested spans dropped (--nested keep-outer)", count=summary.dropped) \
        if summary.dropped else ""
    if summary.relations:
        dropped += say(", {count} relations", count=summary.relations)
    if summary.relations_dropped:
        dropped += say("; {count} relations left out ({format} cannot hold relations)", count=summary.relations_dropped,
                       format=request.format) if not FORMATS[request.format].relations else \
            say("; {count} relations left out (across sentences, or an end not exported)",
                count=summary.relations_dropped)
    print(say("exported {documents} documents ({records} records), {spans} spans{dropped} to {target} as {format}",
              documents=summary.documents, records=summary.records, spans=summary.spans, dropped=dropped,
              target=say("standard output") if request.target == STDOUT else request.target, format=request.format),
          file=sys.stderr)
    return 0
