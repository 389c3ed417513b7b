"""Who is acting on the command line: ``--reviewer NAME`` where a command needs a reviewer, else
``$BIAOZHU_ANNOTATOR``, else the login name. The audit log records it (the app records its annotator)."""

from __future__ import annotations

import argparse
import getpass
import os

ENVIRONMENT = "BIAOZHU_ANNOTATOR"


def add_reviewer_option(parser: argparse.ArgumentParser, doing: str) -> None:
    parser.add_argument("--reviewer", required=True, metavar="NAME",
                        help=f"who is {doing} (must have the reviewer role: reviewers own the project)")


def acting_person(args: argparse.Namespace) -> str:
    """The name the audit log records for this command."""
    given = getattr(args, "reviewer", None) or os.environ.get(ENVIRONMENT, "").strip()
    if given:
        return str(given)
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return "-"
