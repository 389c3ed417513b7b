"""Annotators and their layers. The gold layer is the annotator named ``gold``."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from biaozhu.corpus.names import check_annotator
from biaozhu.db.models import GOLD, ROLES, Annotator


def get_annotator(session: Session, name: str) -> Annotator | None:
    return session.scalar(select(Annotator).where(Annotator.name == name))


def ensure_annotator(session: Session, name: str) -> Annotator:
    """The annotator called ``name``, created on first use."""
    name = check_annotator(name)  # the same limits on every backend
    found = get_annotator(session, name)
    if found is None:
        found = Annotator(name=name, role="annotator")
        session.add(found)
        session.flush()
    return found


def set_role(session: Session, name: str, role: str) -> Annotator:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if name == GOLD:
        raise ValueError("the gold layer is not a person and has no role")
    annotator = ensure_annotator(session, name)
    annotator.role = role
    return annotator


def list_annotators(session: Session) -> list[Annotator]:
    return list(session.scalars(select(Annotator).order_by(Annotator.name)))
