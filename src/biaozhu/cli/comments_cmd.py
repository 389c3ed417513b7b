"""``biaozhu comments``: list the project's comment threads (``--unresolved``: only the open ones, as a reviewer
checks before closing a round), add a comment or reply, resolve or reopen a thread. The author is
``--author``, else ``$BIAOZHU_ANNOTATOR``, else the login name."""

from __future__ import annotations

import argparse

from biaozhu.cli.identity import acting_person
from biaozhu.db.comments import Thread, add_comment, resolve_thread, threads
from biaozhu.db.errors import storage_errors
from biaozhu.db.project import open_project


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("comments", parents=[common], help="list comment threads, add, resolve or reopen one")
    parser.set_defaults(run=run, action="list", unresolved=False, document=None)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    shown = actions.add_parser("list", parents=[common], help="list the threads (the default)")
    add = actions.add_parser("add", parents=[common], help="comment on a document, a span or a relation, or reply")
    add.add_argument("text", help="what the comment says")
    where = add.add_mutually_exclusive_group(required=True)
    where.add_argument("--document", type=int, metavar="ID", help="on this document (ids: `biaozhu docs`)")
    where.add_argument("--span", type=int, metavar="ID", help="on this span (ids: `biaozhu spans`)")
    where.add_argument("--relation", type=int, metavar="ID", help="on this relation")
    where.add_argument("--reply-to", type=int, metavar="ID", help="a reply in the thread of this comment")
    for name, text in (("resolve", "mark a thread resolved"), ("reopen", "open a resolved thread again")):
        each = actions.add_parser(name, parents=[common], help=text)
        each.add_argument("id", type=int, metavar="ID", help="a comment of the thread, as `biaozhu comments` shows")
    for each in (add, *(actions.choices[name] for name in ("resolve", "reopen"))):
        each.add_argument("--author", metavar="NAME", help="who is writing (default: $BIAOZHU_ANNOTATOR or your login)")
    for each in (parser, shown):
        each.add_argument("--unresolved", action="store_true", help="only the threads not resolved yet")
        each.add_argument("--document", type=int, metavar="ID", help="only this document's threads")


def _print(thread: Thread) -> None:
    state = f"resolved by {thread.resolved_by}" if thread.resolved else "open"
    print(f"#{thread.id}\t{thread.document}\t{thread.about()}\t{state}")
    for comment in thread.comments:
        when = comment.created_at.strftime("%Y-%m-%d %H:%M")
        text = comment.text.replace("\n", "⏎")
        print(f"  #{comment.id}\t{comment.author}\t{when}\t{text}")


def run(args: argparse.Namespace) -> int:
    _, sessions = open_project(args.db)
    author = getattr(args, "author", None) or acting_person(args)
    if args.action in (None, "list"):
        with storage_errors(), sessions() as session:
            found = threads(session, document_id=args.document, unresolved=args.unresolved)
        for thread in found:
            _print(thread)
        open_count = sum(not thread.resolved for thread in found)
        print(f"{len(found)} threads, {open_count} open")
        return 0
    with storage_errors(), sessions.begin() as session:
        if args.action == "add":
            comment_id = add_comment(session, args.document, author, args.text, span_id=args.span,
                                     relation_id=args.relation, parent_id=args.reply_to)
            print(f"comment {comment_id} added")
        else:
            was = resolve_thread(session, args.id, author, resolved=args.action == "resolve")
            now = "resolved" if args.action == "resolve" else "open"
            print(f"thread of comment {args.id}: {now}" + (" (it was already)" if was == (now == "resolved") else ""))
    return 0
