"""``biaozhu trash``: list what was deleted, restore it, or empty the trash for good."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session

from biaozhu.cli.identity import add_reviewer_option
from biaozhu.cli.language import say, tell
from biaozhu.corpus.errors import Refusal
from biaozhu.db.errors import storage_errors
from biaozhu.db.project import open_project
from biaozhu.db.trash import empty_trash, list_trash, restore


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("trash", parents=[common], help="list, restore or empty deleted spans and documents")
    parser.set_defaults(run=run)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.add_parser("list", parents=[common], help="what is in the trash (the default)")
    back = actions.add_parser("restore", parents=[common], help="put items back where they were")
    back.add_argument("ids", nargs="+", type=int, metavar="ID", help="trash ids, as `biaozhu trash list` shows")
    empty = actions.add_parser("empty", parents=[common], help="delete everything in the trash for good")
    empty.add_argument("--yes", action="store_true", help="do not ask")
    add_reviewer_option(empty, "emptying the trash")


def _list(args: argparse.Namespace) -> int:
    _, sessions = open_project(args.db)
    with storage_errors(), sessions() as session:
        entries = list_trash(session)
    print("id\tkind\tdeleted (UTC)\tdocument\tannotator\twhat")
    for entry in entries:
        print(f"{entry.id}\t{entry.kind}\t{entry.deleted_at:%Y-%m-%d %H:%M}\t{entry.document_id or '-'}\t"
              f"{entry.annotator or '-'}\t{entry.summary}")
    print(say("{count} items in the trash", count=len(entries)))
    return 0


def each_in_its_own_transaction(db: str | None, ids: Sequence[int], act: Callable[[Session, int], str],
                                refused: str) -> int:
    """``act`` on each id, one transaction each, printing what it reports once committed. A refusal (a Refusal
    or ValueError) is printed after ``refused`` (formatted with the ``id``) and skips that id alone; exit code 2
    if any was."""
    _, sessions = open_project(db)
    failed = 0
    for item in ids:
        try:
            with storage_errors(), sessions.begin() as session:
                report = act(session, item)
        except (ValueError, Refusal) as exc:
            failed += 1
            print(f"{refused.format(id=item)}: {tell(str(exc))}", file=sys.stderr)
            continue
        print(report)
    return 2 if failed else 0


def _restore_one(session: Session, trash_id: int) -> str:
    kind, restored = restore(session, trash_id)
    return say(f"restored {kind} {{restored}} (trash item {{item}})", restored=restored, item=trash_id)


def _restore(args: argparse.Namespace) -> int:
    return each_in_its_own_transaction(args.db, args.ids, _restore_one, refused="biaozhu trash: {id}")


def _empty(args: argparse.Namespace) -> int:
    if not args.yes:
        if not sys.stdin.isatty():
            print(f"biaozhu trash: {say('emptying deletes for good; pass --yes to confirm')}", file=sys.stderr)
            return 2
        if input(say("Delete everything in the trash for good? [y/N] ")).strip().lower() not in {"y", "yes"}:
            return 1
    _, sessions = open_project(args.db)
    try:
        with storage_errors(), sessions.begin() as session:
            count = empty_trash(session, args.reviewer)
    except Refusal as exc:
        print(f"biaozhu trash: {say('{why}; nothing was deleted', why=tell(str(exc)))}", file=sys.stderr)
        return 2
    print(say("emptied the trash: {count} items deleted for good", count=count))
    return 0


def run(args: argparse.Namespace) -> int:
    return {"list": _list, "restore": _restore, "empty": _empty}[args.action or "list"](args)
