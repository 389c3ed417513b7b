"""Annotators and their layers. The gold layer is the annotator named ``gold``; who may do what is
:mod:`biaozhu.db.permissions`."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from biaozhu.corpus.names import check_annotator
from biaozhu.db.models import Annotator


def get_annotator(session: Session, name: str) -> Annotator | None:
    return session.scalar(select(Annotator).where(Annotator.name == name))


def ensure_annotator(session: Session, name: str) -> Annotator:
    """The annotator (layer) called ``name``, created on first use; people acting in the app or as reviewers
    come through :func:`biaozhu.db.permissions.ensure_person`."""
    name = check_annotator(name)  # the same limits on every backend
    found = get_annotator(session, name)
    if found is None:
        found = Annotator(name=name, role="annotator")
        session.add(found)
        session.flush()
    return found


def list_annotators(session: Session) -> list[Annotator]:
    return list(session.scalars(select(Annotator).order_by(Annotator.name)))
