"""``biaozhu merge OTHER_DB``: bring another project's documents and layers in, in one transaction."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.orm import Session

from biaozhu.cli.identity import acting_person
from biaozhu.cli.language import announce, say, tell
from biaozhu.corpus.errors import Refused
from biaozhu.db.errors import storage_errors
from biaozhu.db.merge import PREFERENCES, merge_project
from biaozhu.db.project import open_project, open_read_only


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("merge", parents=[common], help="merge another project database into this one")
    parser.add_argument("other", metavar="OTHER_DB", help="the other project: a SQLite file or a SQLAlchemy URL")
    parser.add_argument("--prefer", choices=PREFERENCES, default="ours",
                        help="when one annotator edited one document in both: keep ours (default) or take theirs")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if "://" not in args.other and not Path(args.other).is_file():
        print(f"biaozhu merge: {args.other}: {say('no such project file')}", file=sys.stderr)
        return 2
    other = open_read_only(args.other)  # before ours: a refused merge creates nothing
    try:
        _, sessions = open_project(args.db, new_project=announce)
        with storage_errors(), sessions.begin() as ours, Session(other) as theirs:
            result = merge_project(ours, theirs, prefer=args.prefer, source=args.other,
                                   actor=acting_person(args))
    except Refused as exc:  # a name, label or text the other project holds and no project may
        print(f"biaozhu merge: {args.other}: {say('{why}; nothing was merged', why=tell(str(exc)))}", file=sys.stderr)
        return 2
    finally:
        other.dispose()
    print(say("documents: {added} added, {known} already here", added=result.documents_added,
              known=result.documents_matched))
    print(say("layers: {added} added ({spans} spans), {known} already here; {statuses} statuses added",
              added=result.layers_added, spans=result.spans_added, known=result.layers_known,
              statuses=result.statuses_added))
    if result.relations_added:
        print(say("relations: {count} added", count=result.relations_added))
    if result.rejections_added or result.rejections_overruled:
        print(say("rejections: {added} added, {overruled} overruled by this project's own gold",
                  added=result.rejections_added, overruled=result.rejections_overruled))
    if result.comments_added or result.comments_left:
        print(say("comments: {added} added, {left} left behind (on spans not taken or on relations)",
                  added=result.comments_added, left=result.comments_left))
    if result.labels_created:
        print(say("new labels: {names}", names=", ".join(result.labels_created)))
    if result.relation_types_created:
        print(say("new relation types: {names}", names=", ".join(result.relation_types_created)))
    if result.annotators_created:
        print(say("new annotators: {names}", names=", ".join(result.annotators_created)))
    for conflict in result.conflicts:
        print(say(f"conflict: {{annotator}} edited {{document}} in both projects; kept {conflict.kept}, {{count}} "
                  + ("spans of theirs not taken:" if conflict.kept == "ours" else "spans of ours moved to the trash:"),
                  annotator=conflict.annotator, document=conflict.document, count=len(conflict.lost)))
        for span in conflict.lost:
            print(f"  [{span.start}, {span.end}) {span.label} {span.text}")
    print(say("{count} conflicts (listed above)" if result.conflicts else "{count} conflicts",
              count=len(result.conflicts)))
    return 0
