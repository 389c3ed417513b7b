"""``biaozhu check``: verify documents and spans against every rule the store relies on; non-zero exit naming
each problem."""

from __future__ import annotations

import argparse
import sys

from biaozhu.cli.language import say, tell
from biaozhu.db.checking import find_problems
from biaozhu.db.errors import storage_errors
from biaozhu.db.project import open_project


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("check", parents=[common],
                            help="verify documents and spans: lengths, sha256, span texts, duplicates, crossing")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    _, sessions = open_project(args.db)
    bad = 0
    with storage_errors(), sessions() as session:
        for problem in find_problems(session):
            bad += 1
            print(tell(str(problem)), file=sys.stderr)
    print(say("{count} problems found", count=bad) if bad else say("all documents and spans keep every rule"))
    return 1 if bad else 0
