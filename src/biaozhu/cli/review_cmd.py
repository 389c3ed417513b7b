"""``biaozhu review``: headless review: list open disagreements, or put agreed spans into gold first;
``review adopt LAYER`` takes a whole layer (another project's gold, merged in as ``gold@OTHER``) into gold.

Documents annotated by two or more annotators (a span or a status each) are compared, one at a time.
"""

from __future__ import annotations

import argparse
import sys

from biaozhu.cli.language import say, tell
from biaozhu.corpus.adjudication import Disagreement
from biaozhu.corpus.errors import Refusal
from biaozhu.db.documents import list_documents
from biaozhu.db.errors import storage_errors
from biaozhu.db.permissions import is_reserved
from biaozhu.db.project import open_project
from biaozhu.db.review import accept_agreed, adopt_layer, review_document


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("review", parents=[common], help="list disagreements; put agreed spans into gold")
    parser.set_defaults(run=run, action="list", document=None)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    shown = actions.add_parser("list", parents=[common], help="open disagreements per document (the default)")
    auto = actions.add_parser("auto", parents=[common], help="put every span all annotators agree on into gold")
    auto.add_argument("--reviewer", required=True, help="who decides (must have the reviewer role)")
    adopt = actions.add_parser("adopt", parents=[common], help="take a layer (e.g. gold@OTHER from a merge) into gold")
    adopt.add_argument("layer", help="the layer to adopt, as `biaozhu annotators` lists it")
    adopt.add_argument("--reviewer", required=True, help="who decides (must have the reviewer role)")
    for each in (shown, auto, adopt):
        each.add_argument("--document", type=int, action="append", metavar="ID", help="only this document")


def _adopt(args: argparse.Namespace) -> int:
    _, sessions = open_project(args.db)
    try:
        with storage_errors(), sessions.begin() as session:
            decisions = adopt_layer(session, args.reviewer, args.layer, args.document)
    except Refusal as exc:
        print(f"biaozhu review: {say('{why}; nothing was adopted', why=tell(str(exc)))}", file=sys.stderr)
        return 2
    added = sum(len(decision.added) for decision in decisions)
    linked = sum(len(decision.linked) for decision in decisions)
    print(say("{layer}: {count} spans put into gold on {documents} documents", layer=args.layer, count=added,
              documents=len(decisions)) + (say(", {count} relations", count=linked) if linked else ""))
    return 0


def describe(item: Disagreement) -> str:
    """One line: where, what kind, and each annotator's version."""
    versions = " | ".join(f"{name} " + (", ".join(f"{s.label} {s.text}" for s in spans) or "-")
                          for name, spans in item.versions.items())
    return f"  [{item.start}, {item.end}) {item.kind}: {versions}"


def run(args: argparse.Namespace) -> int:
    if args.action == "adopt":
        return _adopt(args)
    _, sessions = open_project(args.db)
    wanted = set(args.document or ())
    compared = total_open = added = linked = 0
    try:
        with storage_errors(), sessions.begin() as session:
            for doc in list_documents(session):
                annotators = {name for name in set(doc.span_counts) | set(doc.statuses) if not is_reserved(name)}
                if len(annotators) < 2 or (wanted and doc.id not in wanted):
                    continue
                compared += 1
                if args.action == "auto":
                    decision = accept_agreed(session, doc.id, args.reviewer)
                    added, linked = added + len(decision.added), linked + len(decision.linked)
                review = review_document(session, doc.id)
                items = review.open
                total_open += len(items)
                status = f", {review.status}" if review.status else ""
                rejected = sum(1 for verdict in review.verdicts if verdict.rejection is not None)
                print(f"{doc.id} {doc.name} ({', '.join(review.comparison.annotators)}{status}): "
                      + say("{agreed} agreed, {open} open, {rejected} rejected", agreed=len(review.comparison.agreed),
                            open=len(items), rejected=rejected))
                for item in items:
                    print(describe(item))
    except Refusal as exc:
        print(f"biaozhu review: {tell(str(exc))}", file=sys.stderr)
        return 2
    if args.action == "auto":
        print(say("{count} agreed spans put into gold", count=added)
              + (say(", {count} relations", count=linked) if linked else ""))
    print(say("{compared} documents compared, {open} open disagreements", compared=compared, open=total_open))
    return 0
