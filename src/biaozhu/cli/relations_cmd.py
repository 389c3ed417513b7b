"""``biaozhu relations``: list the links between spans with their ids, link two spans, delete links (into the
trash); ``relations types``: list, add, change and delete the relation types and the labels each joins."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.orm import Session

from biaozhu.cli.identity import add_reviewer_option
from biaozhu.cli.trash_cmd import each_in_its_own_transaction
from biaozhu.corpus.errors import Refusal
from biaozhu.db.errors import storage_errors
from biaozhu.db.project import open_project, say
from biaozhu.db.relation_types import (
    add_relation_type,
    delete_relation_type,
    list_relation_types,
    update_relation_type,
)
from biaozhu.db.relations import add_relation, list_relations, trash_relation

SHOWN = 40  # characters of each span's text shown


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("relations", parents=[common],
                            help="list links between spans with ids; `relations add FROM TO TYPE` links two spans")
    parser.set_defaults(run=run, action="list", document=None, annotator=None)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    shown = actions.add_parser("list", parents=[common], help="list relations (the default)")
    for each in (parser, shown):
        each.add_argument("--document", type=int, metavar="ID", help="only this document's relations")
        each.add_argument("--annotator", help="only this annotator's relations (gold: the gold layer)")
    add = actions.add_parser("add", parents=[common], help="link two spans of one layer (ids as `biaozhu spans` "
                                                           "shows them)")
    add.add_argument("from_id", type=int, metavar="FROM", help="the span the link starts from, e.g. a METRIC")
    add.add_argument("to_id", type=int, metavar="TO", help="the span it points to, e.g. a PROGRAM")
    add.add_argument("type", metavar="TYPE", help="the relation type, e.g. 所属项目 (`biaozhu relations types`)")
    delete = actions.add_parser("delete", parents=[common],
                                help="move relations to the trash (`biaozhu trash restore` brings them back)")
    delete.add_argument("ids", nargs="+", type=int, metavar="ID", help="relation ids, as `biaozhu relations` shows")
    types = actions.add_parser("types", parents=[common], help="list the relation types and the labels each joins; "
                                                               "`types add|set|delete` edit them")
    kinds = types.add_subparsers(dest="type_action", metavar="ACTION")
    kinds.add_parser("list", parents=[common], help="list the relation types (the default)")
    add_type = kinds.add_parser("add", parents=[common], help="add a relation type")
    change = kinds.add_parser("set", parents=[common], help="rename a relation type or change its labels")
    change.add_argument("--rename", metavar="NEW_NAME")
    for each in (add_type, change):
        each.add_argument("name")
        each.add_argument("--from", dest="from_labels", required=each is add_type, metavar="LABELS",
                          help="labels its links start from, comma-separated, e.g. METRIC,PROGRAM")
        each.add_argument("--to", dest="to_labels", required=each is add_type, metavar="LABELS",
                          help="labels its links point to, comma-separated, e.g. ORGANIZATION")
        each.add_argument("--title", help="its Chinese name, e.g. 责任机构")
        each.add_argument("--definition", help="one line saying what it links")
    drop = kinds.add_parser("delete", parents=[common], help="delete a relation type no relation has")
    drop.add_argument("name")
    add_reviewer_option(drop, "deleting")


def _list(args: argparse.Namespace) -> int:
    _, sessions = open_project(args.db)
    with storage_errors(), sessions() as session:
        relations = list_relations(session, args.document, args.annotator, SHOWN + 1)
    print("id\tdocument\tannotator\ttype\tfrom\tfrom text\tto\tto text")
    for row in relations:
        texts = [(text[:SHOWN] + ("…" if len(text) > SHOWN else "")).replace("\n", "⏎")
                 for text in (row.from_text, row.to_text)]
        print(f"{row.id}\t{row.document_id}\t{row.annotator}\t{row.type}\t{row.from_span_id}\t{texts[0]}\t"
              f"{row.to_span_id}\t{texts[1]}")
    print(f"{len(relations)} relations")
    return 0


def _labels(given: str | None) -> list[str] | None:
    return None if given is None else [name.strip() for name in given.split(",") if name.strip()]


def _edit_type(session: Session, args: argparse.Namespace) -> str:
    if args.type_action == "add":
        kind = add_relation_type(session, args.name, _labels(args.from_labels) or [], _labels(args.to_labels) or [],
                                 title=args.title or "", definition=args.definition or "")
        return f"added relation type {kind.name}"
    if args.type_action == "set":
        kind = update_relation_type(session, args.name, new_name=args.rename, title=args.title,
                                    from_labels=_labels(args.from_labels), to_labels=_labels(args.to_labels),
                                    definition=args.definition)
        return f"{args.name}: now {kind.name} {'/'.join(kind.from_labels)} → {'/'.join(kind.to_labels)}"
    delete_relation_type(session, args.name, args.reviewer)
    return f"deleted relation type {args.name}"


def _types(args: argparse.Namespace) -> int:
    # Setting the types up may be the first thing done in a new project, as with labels.
    _, sessions = open_project(args.db, new_project=say if args.type_action in ("add", "set") else None)
    if args.type_action not in (None, "list"):
        try:
            with storage_errors(), sessions.begin() as session:
                print(_edit_type(session, args))
        except (ValueError, Refusal) as exc:
            print(f"biaozhu relations types: {exc}", file=sys.stderr)
            return 2
        return 0
    with storage_errors(), sessions() as session:
        for kind in list_relation_types(session):
            print(f"{kind.name}\t{kind.title}\t{'/'.join(kind.from_labels)} → {'/'.join(kind.to_labels)}\t"
                  f"{kind.definition}")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.action == "add":
        def link(session: Session, from_id: int) -> str:
            return f"relation {add_relation(session, from_id, args.to_id, args.type)}: span {from_id} → " \
                   f"span {args.to_id} ({args.type})"
        return each_in_its_own_transaction(args.db, [args.from_id], link, refused="biaozhu relations add: span {id}")
    if args.action == "delete":
        def trash(session: Session, relation_id: int) -> str:
            return f"relation {relation_id} moved to the trash (trash item {trash_relation(session, relation_id)})"
        return each_in_its_own_transaction(args.db, args.ids, trash, refused="biaozhu relations delete: {id}")
    if args.action == "types":
        return _types(args)
    return _list(args)
