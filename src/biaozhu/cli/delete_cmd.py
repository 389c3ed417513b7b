"""``biaozhu delete ID...``: move documents, with every layer's spans, to the trash."""

from __future__ import annotations

import argparse

from sqlalchemy.orm import Session

from biaozhu.cli.trash_cmd import each_in_its_own_transaction
from biaozhu.db.trash import trash_document


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("delete", parents=[common],
                            help="move documents to the trash (`biaozhu trash restore` brings them back)")
    parser.add_argument("ids", nargs="+", type=int, metavar="ID", help="document ids, as `biaozhu docs` shows")
    parser.set_defaults(run=run)


def _delete(session: Session, document_id: int) -> str:
    return f"document {document_id} moved to the trash (trash item {trash_document(session, document_id)})"


def run(args: argparse.Namespace) -> int:
    return each_in_its_own_transaction(args.db, args.ids, _delete, refused="biaozhu delete")
