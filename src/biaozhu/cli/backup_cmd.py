"""``biaozhu backup FILE``: a consistent copy of the SQLite project, safe while others annotate."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from biaozhu.cli.language import say, tell
from biaozhu.db.backup import backup_sqlite
from biaozhu.db.errors import known_storage_error, storage_errors
from biaozhu.db.project import open_project


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("backup", parents=[common], help="copy the project to FILE while it is in use")
    parser.add_argument("file", type=Path, metavar="FILE", help="the copy to write (a SQLite file)")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    engine, _ = open_project(args.db)
    try:
        with storage_errors(str(args.file)):
            result = backup_sqlite(engine, args.file, overwrite=args.force)
    except sqlite3.Error as exc:  # the backup API talks to the driver directly
        known = known_storage_error(exc, str(args.file))
        if known is None:
            raise
        raise known from None
    except ValueError as exc:
        print(f"biaozhu backup: {tell(str(exc))}", file=sys.stderr)
        return 2
    print(say("backed up {documents} documents and {spans} spans to {path} ({size} MB)", documents=result.documents,
              spans=result.spans, path=result.path, size=f"{result.size / 1e6:.1f}"))
    return 0
