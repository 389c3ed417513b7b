"""Who may do what in a project: the one place the rules live, used by the command line and the app.

- ``gold``, ``majority`` and ``suggestions`` are reserved layer names: nobody imports into them, annotates
  under them or merges into them. Gold is written only by a reviewer's decisions (:mod:`biaozhu.db.review`).
- Only a reviewer changes roles, deletes documents and empties the trash: reviewers own the project.
- The first person to act in a project that has no reviewer (opening it in the app, or giving a role with
  ``biaozhu annotators role``) becomes its reviewer: a project without one could never get one.
- Merge brings another project's gold in as an ordinary layer, ``gold@OTHER``, that a reviewer may adopt;
  it never copies their roles.

On a team server, ``biaozhu server setup`` (:mod:`biaozhu.db.server_setup`) has PostgreSQL enforce the same.
Refusals are :class:`~biaozhu.corpus.errors.Refusal` sentences.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from biaozhu.corpus.errors import Refusal
from biaozhu.db.audit import record
from biaozhu.db.engine import lock_project
from biaozhu.db.models import ROLES, Annotator
from biaozhu.db.names import MERGED_GOLD as MERGED_GOLD
from biaozhu.db.names import RESERVED_LAYERS as RESERVED_LAYERS
from biaozhu.db.names import is_reserved as is_reserved

REVIEWER, ANNOTATOR = "reviewer", "annotator"
NAME_LIMIT = 128  # annotators.name


class NotAllowed(Refusal, PermissionError):
    """Someone tried what their role does not allow; the message says who may and how to become one."""


class NotAReviewer(NotAllowed):
    """Someone who is not a reviewer tried what only a reviewer may do (write gold, change roles, delete)."""


class ReservedName(Refusal, ValueError):
    """A person or an imported layer named like one of the layers biaozhu makes itself."""


def check_person(name: str) -> str:
    """``name`` as a person's (or an imported layer's) name; refuses a reserved one."""
    if is_reserved(name):
        reserved = ", ".join([*RESERVED_LAYERS, MERGED_GOLD + "…"])
        raise ReservedName(f"{name.strip()!r} is a reserved layer name ({reserved}): gold is written only by a "
                           "reviewer's decisions in review mode; use your own name (to bring in someone's gold, import "
                           "it under another name and have a reviewer adopt it with `biaozhu review adopt LAYER "
                           "--reviewer NAME`)")
    return name.strip()


def has_reviewer(session: Session) -> bool:
    return session.scalar(select(Annotator.id).where(Annotator.role == REVIEWER).limit(1)) is not None


def _claim(session: Session, name: str) -> Annotator | None:
    """``name`` as the reviewer of a project that has none, created or promoted; None if it has one. Two people
    opening a new server project at once: one waits for the other's claim and finds it made."""
    if has_reviewer(session):
        return None
    lock_project(session.connection())
    if has_reviewer(session):
        return None
    person = session.scalar(select(Annotator).where(Annotator.name == name))
    if person is None:
        person = Annotator(name=name, role=REVIEWER)
        session.add(person)
    person.role = REVIEWER
    session.flush()
    record(session, name, "role", f"{name} is now a reviewer: the first person in a project without one")
    return person


def ensure_person(session: Session, name: str) -> Annotator:
    """The person ``name`` acting in the app, created on first use; the first person of a project without a
    reviewer becomes its reviewer. A reserved name is refused."""
    name = check_person(name)
    if not name:
        raise ValueError("an annotator needs a name")
    found = _claim(session, name) or session.scalar(select(Annotator).where(Annotator.name == name))
    if found is None:
        found = Annotator(name=name, role=ANNOTATOR)
        session.add(found)
        session.flush()
    return found


def is_reviewer(session: Session, name: str) -> bool:
    """Whether ``name`` may write gold, change roles and delete (asked to open windows read-only or not)."""
    return session.scalar(select(Annotator.role).where(Annotator.name == name)) == REVIEWER


def require_reviewer(session: Session, name: str, doing: str = "change the gold layer") -> Annotator:
    """The reviewer ``name``, or NotAReviewer saying only a reviewer may do ``doing`` (and how to get one)."""
    found = session.scalar(select(Annotator).where(Annotator.name == name))
    if found is not None and found.role == REVIEWER:
        return found
    if not has_reviewer(session):
        raise NotAReviewer(f"{name} is not a reviewer: only a reviewer may {doing}, and this project has none yet (the "
                           "first person to open it in the app becomes its reviewer, or `biaozhu annotators role "
                           f"{name} reviewer --reviewer {name}` makes {name} the first)")
    raise NotAReviewer(f"{name} is not a reviewer: only a reviewer may {doing} (a reviewer can make them one with "
                       f"`biaozhu annotators role {name} reviewer --reviewer REVIEWER`)")


def change_role(session: Session, actor: str, name: str, role: str) -> Annotator:
    """``actor`` (a reviewer) gives ``name`` the role ``role``; the project keeps at least one reviewer. In a
    project without a reviewer, ``actor`` becomes its first."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if is_reserved(name):
        raise ReservedName(f"{name!r} is a layer, not a person: it has no role")
    if _claim(session, check_person(actor)) is None:
        require_reviewer(session, actor, "change roles")
    person = session.scalar(select(Annotator).where(Annotator.name == name.strip()))
    if person is None:
        person = Annotator(name=check_person(name), role=role)
        session.add(person)
    elif person.role == role:
        return person
    elif role == ANNOTATOR and session.scalar(select(Annotator.id).where(
            Annotator.role == REVIEWER, Annotator.id != person.id).limit(1)) is None:
        raise NotAllowed(f"{name} is the project's only reviewer: make someone else a reviewer first")
    person.role = role
    session.flush()
    record(session, actor, "role", f"{person.name} is now {'a reviewer' if role == REVIEWER else 'an annotator'}")
    return person


def merged_layer(their_name: str, source: str) -> str:
    """The layer another project's (or file's) layer comes in as: its own name, but a reserved one with ``@`` and
    the other project's file stem or database name after it: their gold is ``gold@OTHER``."""
    if their_name.strip().casefold() not in RESERVED_LAYERS:
        return their_name
    try:
        url = make_url(source) if "://" in source else None
    except ArgumentError:
        url = None
    other = (url.database or url.host or "other") if url is not None else Path(source).stem or "other"
    return f"{their_name}@{Path(other).name}"[:NAME_LIMIT]
