"""``biaozhu annotators``: who annotates, with role and span counts; ``annotators role NAME ROLE --reviewer ME``
sets a role (only a reviewer may)."""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from biaozhu.cli.identity import add_reviewer_option
from biaozhu.cli.language import say, tell
from biaozhu.corpus.errors import Refusal
from biaozhu.db.annotators import list_annotators
from biaozhu.db.documents import list_documents
from biaozhu.db.errors import storage_errors
from biaozhu.db.models import GOLD, ROLES
from biaozhu.db.permissions import change_role, is_reserved
from biaozhu.db.project import open_project


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("annotators", parents=[common], help="list annotators with role and span counts")
    parser.set_defaults(run=run, action="list")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.add_parser("list", parents=[common], help="list annotators (the default)")
    role = actions.add_parser("role", parents=[common], help="make someone a reviewer or an annotator")
    role.add_argument("name")
    role.add_argument("role", choices=ROLES)
    add_reviewer_option(role, "changing the role")


def run(args: argparse.Namespace) -> int:
    _, sessions = open_project(args.db)
    try:
        with storage_errors(), sessions.begin() as session:
            if args.action == "role":
                annotator = change_role(session, args.reviewer, args.name, args.role)
                print(say("{name} is now a reviewer" if annotator.role == "reviewer" else "{name} is now an annotator",
                          name=annotator.name))
                return 0
            spans: Counter[str] = Counter()
            documents: Counter[str] = Counter()
            for doc in list_documents(session):
                spans.update(doc.span_counts)
                documents.update(set(doc.span_counts) | set(doc.statuses))
            print("name\trole\tspans\tdocuments")
            for annotator in list_annotators(session):
                role = "gold layer" if annotator.name == GOLD else "layer" if is_reserved(annotator.name) \
                    else annotator.role
                print(f"{annotator.name}\t{role}\t{spans[annotator.name]}\t{documents[annotator.name]}")
    except (ValueError, Refusal) as exc:
        print(f"biaozhu annotators: {tell(str(exc))}", file=sys.stderr)
        return 2
    return 0
