"""``biaozhu delete ID...``: move documents, with every layer's spans, to the trash."""

from __future__ import annotations

import argparse
import sys

from biaozhu.db.errors import storage_errors
from biaozhu.db.project import open_project
from biaozhu.db.trash import trash_document


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("delete", parents=[common],
                            help="move documents to the trash (`biaozhu trash restore` brings them back)")
    parser.add_argument("ids", nargs="+", type=int, metavar="ID", help="document ids, as `biaozhu docs` shows")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    _, sessions = open_project(args.db)
    failed = 0
    for document_id in args.ids:
        try:
            with storage_errors(), sessions.begin() as session:
                trash_id = trash_document(session, document_id)
        except ValueError as exc:
            failed += 1
            print(f"biaozhu delete: {exc}", file=sys.stderr)
            continue
        print(f"document {document_id} moved to the trash (trash item {trash_id})")
    return 2 if failed else 0
