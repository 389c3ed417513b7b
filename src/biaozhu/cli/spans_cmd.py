"""``biaozhu spans``: list spans with their ids (of a document, of an annotator); ``spans delete ID...`` moves
spans to the trash, so one bad span (a whole report tagged by mistake) can go without the app; ``spans set-value``
corrects a METRIC span's value where the parser read it wrong or not at all."""

from __future__ import annotations

import argparse

from sqlalchemy.orm import Session

from biaozhu.cli.language import say
from biaozhu.cli.trash_cmd import each_in_its_own_transaction
from biaozhu.corpus.quantities import Qualifier
from biaozhu.db.errors import storage_errors
from biaozhu.db.project import open_project
from biaozhu.db.spans import list_spans, trash_span
from biaozhu.db.values import set_value

SHOWN = 40  # characters of each span's text shown


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("spans", parents=[common], help="list spans with ids; `spans delete ID...` trashes them")
    parser.set_defaults(run=run, action="list", document=None, annotator=None)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    shown = actions.add_parser("list", parents=[common], help="list spans (the default)")
    delete = actions.add_parser("delete", parents=[common],
                                help="move spans to the trash (`biaozhu trash restore` brings them back)")
    delete.add_argument("ids", nargs="+", type=int, metavar="ID", help="span ids, as `biaozhu spans` shows")
    value = actions.add_parser("set-value", parents=[common],
                               help="set a METRIC span's value by hand (kept until the span's text changes)",
                               description="Set the value of a span by hand: plain digits with the magnitude "
                                           "folded in (377.178亿元 → 37717800000). Unit and qualifier not given "
                                           "stay as they were; --max makes the value a range.")
    value.add_argument("id", type=int, metavar="ID", help="the span's id, as `biaozhu spans` shows")
    value.add_argument("value", metavar="VALUE", help="the value, e.g. 37717800000 or 0.5")
    value.add_argument("--max", dest="value_max", metavar="V", help="the top of a range (5-8万元: 80000)")
    value.add_argument("--unit", metavar="U", help="the unit without the magnitude: 元, 户, %%, 个百分点…")
    value.add_argument("--qualifier", choices=[q.value for q in Qualifier], help="default: as it was (exact)")
    for each in (parser, shown):
        each.add_argument("--document", type=int, metavar="ID", help="only this document's spans")
        each.add_argument("--annotator", help="only this annotator's spans (gold: the gold layer)")


def _list(args: argparse.Namespace) -> int:
    _, sessions = open_project(args.db)
    with storage_errors(), sessions() as session:
        spans = list_spans(session, args.document, args.annotator, SHOWN + 1)
    print("id\tdocument\tannotator\tlabel\tstart\tend\ttext")
    for span in spans:
        text = span.text_start[:SHOWN] + ("…" if span.end - span.start > SHOWN else "")
        text = text.replace("\n", "⏎")
        print(f"{span.id}\t{span.document_id}\t{span.annotator}\t{span.label}\t{span.start}\t{span.end}\t{text}")
    print(say("{count} spans", count=len(spans)))
    return 0


def _delete(session: Session, span_id: int) -> str:
    return say("span {span} moved to the trash (trash item {item})", span=span_id, item=trash_span(session, span_id))


def _set_value(args: argparse.Namespace) -> int:
    def act(session: Session, span_id: int) -> str:
        set_value(session, span_id, args.value, value_max=args.value_max, unit=args.unit, qualifier=args.qualifier)
        return say("span {span}: value set by hand", span=span_id)
    return each_in_its_own_transaction(args.db, [args.id], act, refused="biaozhu spans set-value: " + say("span {id}"))


def run(args: argparse.Namespace) -> int:
    if args.action == "set-value":
        return _set_value(args)
    if args.action == "delete":
        return each_in_its_own_transaction(args.db, args.ids, _delete,
                                           refused="biaozhu spans delete: " + say("span {id}"))
    return _list(args)
