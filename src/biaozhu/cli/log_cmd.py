"""``biaozhu log``: the audit log, newest first: who imported, deleted, emptied the trash, merged, changed a
role or decided gold, and when."""

from __future__ import annotations

import argparse
from datetime import UTC

import orjson

from biaozhu.cli.language import say
from biaozhu.db.audit import audit_log
from biaozhu.db.errors import storage_errors
from biaozhu.db.project import open_project


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("log", parents=[common], help="the audit log: who did what, when")
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="a tab-separated table (default) or one JSON object per line")
    parser.add_argument("--limit", type=int, metavar="N", help="only the newest N entries")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    _, sessions = open_project(args.db)
    with storage_errors(), sessions() as session:
        entries = audit_log(session, args.limit)
    if args.format == "json":
        for entry in entries:
            print(orjson.dumps({"id": entry.id, "at": entry.at.isoformat(), "actor": entry.actor,
                                "action": entry.action, "detail": entry.detail}).decode())
        return 0
    print("when (UTC)\twho\taction\twhat")
    for entry in entries:
        print(f"{entry.at.astimezone(UTC):%Y-%m-%d %H:%M:%S}\t{entry.actor}\t{entry.action}\t{entry.detail}")
    print(say("{count} entries", count=len(entries)))
    return 0
