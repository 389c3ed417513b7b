"""``biaozhu check``: verify every span against its document; non-zero exit naming each bad one."""

from __future__ import annotations

import argparse
import sys

from biaozhu.db.checking import find_bad_spans
from biaozhu.db.errors import storage_errors
from biaozhu.db.project import open_project


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("check", parents=[common], help="verify every span against its document")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    _, sessions = open_project(args.db)
    bad = 0
    with storage_errors(), sessions() as session:
        for problem in find_bad_spans(session):
            bad += 1
            print(problem, file=sys.stderr)
    print(f"{bad} bad spans" if bad else "all spans agree with their documents")
    return 1 if bad else 0
