"""``biaozhu delete ID...``: move documents, with every layer's spans, to the trash."""

from __future__ import annotations

import argparse

from sqlalchemy.orm import Session

from biaozhu.cli.identity import add_reviewer_option
from biaozhu.cli.language import say
from biaozhu.cli.trash_cmd import each_in_its_own_transaction
from biaozhu.db.trash import trash_document


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("delete", parents=[common],
                            help="move documents to the trash (`biaozhu trash restore` brings them back)")
    parser.add_argument("ids", nargs="+", type=int, metavar="ID", help="document ids, as `biaozhu docs` shows")
    add_reviewer_option(parser, "deleting")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    def delete(session: Session, document_id: int) -> str:
        item = trash_document(session, document_id, args.reviewer)
        return say("document {document} moved to the trash (trash item {item})", document=document_id, item=item)

    return each_in_its_own_transaction(args.db, args.ids, delete, refused="biaozhu delete")
