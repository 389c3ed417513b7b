"""A team project on PostgreSQL where the server itself enforces the roles (``biaozhu server setup``).

Each person connects as their own database role, named as they annotate; the roles belong to one group role
per project database that has the grants. Row-level security then lets a role write only what
:mod:`biaozhu.db.permissions` lets that person write: the spans, statuses and deleted spans of its own layer
(a reviewer's also gold's); rejections, labels, roles, document names and deletions only as a reviewer. Everyone reads
everything, adds documents and annotator rows for themselves, and appends to the audit log (never edits it).
The owner of the tables (whoever runs the setup; it needs CREATEROLE) is not bound by the policies: upgrades,
merges and restoring whole documents are done as the owner.

The policies ask two functions, owned by the setup's role (SECURITY DEFINER, so they may read ``annotators``
under its own policies), who the calling role is in the project: ``biaozhu_may_write(layer, who)`` and
``biaozhu_is_reviewer(who)``, ``who`` being ``current_user`` in every policy.
"""

from __future__ import annotations

from sqlalchemy import Connection, select, text

from biaozhu.corpus.errors import Refusal
from biaozhu.db.models import GOLD, Annotator, Base
from biaozhu.db.permissions import is_reserved

ROLE_NAME_BYTES = 63  # PostgreSQL cuts longer names short, and the role would not be the person
_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION biaozhu_is_reviewer(who text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $body$ SELECT EXISTS (SELECT 1 FROM annotators WHERE name = who AND role = 'reviewer') $body$;
CREATE OR REPLACE FUNCTION biaozhu_may_write(layer integer, who text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $body$ SELECT EXISTS (SELECT 1 FROM annotators WHERE id = layer AND (name = who OR (name = '{GOLD}'
        AND EXISTS (SELECT 1 FROM annotators WHERE name = who AND role = 'reviewer')))) $body$;
""".strip().split(";\n")
MINE = "biaozhu_may_write(annotator_id, current_user)"
REVIEWER = "biaozhu_is_reviewer(current_user)"
# table → (command, USING, WITH CHECK) for the policies beyond reading; None: not that clause.
POLICIES: dict[str, list[tuple[str, str | None, str | None]]] = {
    "spans": [("ALL", MINE, MINE), ("DELETE", REVIEWER, None)],
    "document_status": [("ALL", MINE, MINE), ("DELETE", REVIEWER, None)],
    "trash": [("INSERT", None, f"(kind = 'span' AND {MINE}) OR {REVIEWER}"),
              ("DELETE", f"(kind = 'span' AND {MINE}) OR {REVIEWER}", None)],
    "rejections": [("ALL", REVIEWER, REVIEWER)],
    "documents": [("INSERT", None, "true"), ("UPDATE", REVIEWER, REVIEWER), ("DELETE", REVIEWER, None)],
    "labels": [("ALL", REVIEWER, REVIEWER)],
    "annotators": [("INSERT", None, f"(name = current_user AND role = 'annotator') OR {REVIEWER}"),
                   ("UPDATE", REVIEWER, REVIEWER)],
    "audit_log": [("INSERT", None, "true")],
}


class SetupRefused(Refusal):
    """The project cannot be set up for server-enforced roles; the message says why."""


def group_role(database: str) -> str:
    """The group role of one project database (roles are server-wide, projects are databases)."""
    return f"biaozhu_{database}"[:ROLE_NAME_BYTES]


def setup_statements(connection: Connection) -> list[str]:
    """The SQL that sets up roles, grants and policies for the project on ``connection`` (run by its owner)."""
    if connection.dialect.name != "postgresql":
        raise SetupRefused("server setup is for a PostgreSQL project: a SQLite project is one person's file")
    quote = connection.dialect.identifier_preparer.quote
    database = connection.execute(text("SELECT current_database()")).scalar_one()
    group = group_role(database)
    people = [name for name in connection.execute(select(Annotator.name).order_by(Annotator.id)).scalars()
              if not is_reserved(name)]
    too_long = [name for name in people if len(name.encode()) > ROLE_NAME_BYTES]
    if too_long:
        raise SetupRefused(f"the annotator name {too_long[0]!r} is longer than a PostgreSQL role name "
                           f"({ROLE_NAME_BYTES} bytes): give them a shorter name first")
    existing = set(connection.execute(text("SELECT rolname FROM pg_roles")).scalars())
    tables = [table.name for table in Base.metadata.sorted_tables]
    statements = [f"CREATE ROLE {quote(role)} {'NOLOGIN' if role == group else 'LOGIN'}"
                  for role in [group, *people] if role not in existing]
    statements += [f"GRANT {quote(group)} TO {quote(name)}" for name in people]
    statements += [f"GRANT CONNECT ON DATABASE {quote(database)} TO {quote(group)}",
                   f"GRANT USAGE ON SCHEMA public TO {quote(group)}",
                   f"GRANT SELECT ON alembic_version TO {quote(group)}",
                   f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(tables)} TO {quote(group)}",
                   f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quote(group)}",
                   f"INSERT INTO annotators (name, role, created_at) VALUES ('{GOLD}', 'annotator', now()) "
                   "ON CONFLICT (name) DO NOTHING",
                   *_FUNCTIONS]
    for table in tables:
        statements += [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
                       f"DROP POLICY IF EXISTS biaozhu_read ON {table}",
                       f"CREATE POLICY biaozhu_read ON {table} FOR SELECT TO {quote(group)} USING (true)"]
        for number, (command, using, check) in enumerate(POLICIES.get(table, [])):
            name = f"biaozhu_write_{number}"
            clauses = (f" USING ({using})" if using else "") + (f" WITH CHECK ({check})" if check else "")
            statements += [f"DROP POLICY IF EXISTS {name} ON {table}",
                           f"CREATE POLICY {name} ON {table} FOR {command} TO {quote(group)}{clauses}"]
    return statements
