"""``biaozhu merge OTHER_DB``: bring another project's documents and layers in, in one transaction."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.orm import Session

from biaozhu.cli.identity import acting_person
from biaozhu.corpus.errors import Refused
from biaozhu.db.errors import storage_errors
from biaozhu.db.merge import PREFERENCES, merge_project
from biaozhu.db.project import open_project, open_read_only, say


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("merge", parents=[common], help="merge another project database into this one")
    parser.add_argument("other", metavar="OTHER_DB", help="the other project: a SQLite file or a SQLAlchemy URL")
    parser.add_argument("--prefer", choices=PREFERENCES, default="ours",
                        help="when one annotator edited one document in both: keep ours (default) or take theirs")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if "://" not in args.other and not Path(args.other).is_file():
        print(f"biaozhu merge: {args.other}: no such project file", file=sys.stderr)
        return 2
    other = open_read_only(args.other)  # before ours: a refused merge creates nothing
    try:
        _, sessions = open_project(args.db, new_project=say)
        with storage_errors(), sessions.begin() as ours, Session(other) as theirs:
            result = merge_project(ours, theirs, prefer=args.prefer, source=args.other,
                                   actor=acting_person(args))
    except Refused as exc:  # a name, label or text the other project holds and no project may
        print(f"biaozhu merge: {args.other}: {exc}; nothing was merged", file=sys.stderr)
        return 2
    finally:
        other.dispose()
    print(f"documents: {result.documents_added} added, {result.documents_matched} already here")
    print(f"layers: {result.layers_added} added ({result.spans_added} spans), {result.layers_known} already here; "
          f"{result.statuses_added} statuses added")
    if result.rejections_added or result.rejections_overruled:
        print(f"rejections: {result.rejections_added} added, {result.rejections_overruled} overruled by "
              "this project's own gold")
    if result.comments_added or result.comments_left:
        print(f"comments: {result.comments_added} added, {result.comments_left} left behind (on spans not taken or "
              "on relations)")
    if result.labels_created:
        print(f"new labels: {', '.join(result.labels_created)}")
    if result.annotators_created:
        print(f"new annotators: {', '.join(result.annotators_created)}")
    for conflict in result.conflicts:
        lost = ("of theirs not taken" if conflict.kept == "ours" else "of ours moved to the trash")
        print(f"conflict: {conflict.annotator} edited {conflict.document} in both projects; kept {conflict.kept}, "
              f"{len(conflict.lost)} spans {lost}:")
        for span in conflict.lost:
            print(f"  [{span.start}, {span.end}) {span.label} {span.text}")
    print(f"{len(result.conflicts)} conflicts" + (" (listed above)" if result.conflicts else ""))
    return 0
