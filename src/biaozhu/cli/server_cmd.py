"""``biaozhu server setup [--apply]``: print (or apply) the SQL that has a PostgreSQL server enforce the roles."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from biaozhu.cli.language import say
from biaozhu.db.errors import storage_errors
from biaozhu.db.location import database_url
from biaozhu.db.project import open_project
from biaozhu.db.server_setup import SetupRefused, setup_statements


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("server", parents=[common], help="set up a PostgreSQL project for a team")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    setup = actions.add_parser("setup", parents=[common],
                               help="print the SQL for roles, grants and row-level security (or --apply it)")
    setup.add_argument("--apply", action="store_true", help="run it now, in one transaction (as the tables' owner)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if make_url(database_url(args.db)).get_backend_name() != "postgresql":  # before opening: nothing is created
        raise SetupRefused("server setup is for a PostgreSQL project: a SQLite project is one person's file")
    engine, _ = open_project(args.db)
    try:
        with storage_errors(), engine.begin() as connection:
            statements = setup_statements(connection)
            if args.apply:
                for statement in statements:
                    connection.execute(text(statement))
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        print("biaozhu server setup: " + say("the server refused: {reason}; nothing was changed (run it as the owner "
                                             "of the project's tables, with the CREATEROLE privilege)", reason=reason),
              file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    if args.apply:
        print(say("applied {count} statements: each annotator now connects as their own role (set passwords with "
                  "ALTER ROLE … PASSWORD, or use the server's pg_hba.conf)", count=len(statements)))
    else:
        print(";\n".join(statements) + ";")
    return 0
