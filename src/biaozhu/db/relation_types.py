"""The project's relation types: listed, added, changed and deleted, and which of them may join two labels.

A type names its labels by name (as shared label sets do), so renaming a label renames it in every type
(:func:`rename_label_in_types`, called by :func:`biaozhu.db.labels.update_label`). A type in use cannot be
deleted: its relations would have no type; the refusal says how many there are.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biaozhu.corpus.errors import Refused
from biaozhu.corpus.labels import check_label_name, check_label_title
from biaozhu.corpus.relation_types import RelationTypeDef, check_label_names
from biaozhu.db.audit import record
from biaozhu.db.models import Relation, RelationType
from biaozhu.db.permissions import require_reviewer


class RelationTypeRefused(Refused):
    """A relation type change the project's rules refuse (a taken name, no such type, one in use)."""


def list_relation_types(session: Session) -> list[RelationType]:
    """Every type, in the order the window offers them."""
    return list(session.scalars(select(RelationType).order_by(RelationType.position, RelationType.id)))


def get_relation_type(session: Session, name: str) -> RelationType:
    """The type called ``name``; refused with a sentence when there is none."""
    found = session.scalar(select(RelationType).where(RelationType.name == name))
    if found is None:
        raise RelationTypeRefused(f"there is no relation type {name}")
    return found


def as_def(kind: RelationType) -> RelationTypeDef:
    return RelationTypeDef(kind.name, kind.title, tuple(kind.from_labels), tuple(kind.to_labels), kind.definition)


def types_for(session: Session, from_label: str, to_label: str) -> list[RelationType]:
    """The types a span of ``from_label`` may point to a span of ``to_label`` with, in their order."""
    return [kind for kind in list_relation_types(session) if as_def(kind).joins(from_label, to_label)]


def _check_name(session: Session, name: str, own_id: int | None = None) -> str:
    try:
        check_label_name(name)
    except Refused:
        raise RelationTypeRefused(f"a relation type name is 1 to 64 characters without spaces, not {name[:70]!r}") \
            from None
    taken = session.scalar(select(RelationType.id).where(RelationType.name == name))
    if taken is not None and taken != own_id:
        raise RelationTypeRefused(f"there is a relation type {name} already")
    return name


def add_relation_type(session: Session, name: str, from_labels: Iterable[str], to_labels: Iterable[str], *,
                      title: str = "", definition: str = "") -> RelationType:
    """A new type at the end of the list, joining spans of ``from_labels`` to spans of ``to_labels``."""
    position = (session.scalar(select(func.max(RelationType.position))) or 0) + 1
    kind = RelationType(name=_check_name(session, name), title=check_label_title(title),
                        from_labels=list(check_label_names(list(from_labels), "from_labels")),
                        to_labels=list(check_label_names(list(to_labels), "to_labels")),
                        definition=definition, position=position)
    session.add(kind)
    session.flush()
    return kind


def update_relation_type(session: Session, name: str, *, new_name: str | None = None, title: str | None = None,
                         from_labels: Iterable[str] | None = None, to_labels: Iterable[str] | None = None,
                         definition: str | None = None) -> RelationType:
    """Rename a type, or change its title, labels or definition. Relations made before keep their type even
    where its labels no longer allow their ends (narrowing a type does not delete anyone's work)."""
    kind = get_relation_type(session, name)
    if new_name and new_name != name:
        kind.name = _check_name(session, new_name, kind.id)
    if title is not None:
        kind.title = check_label_title(title)
    if from_labels is not None:
        kind.from_labels = list(check_label_names(list(from_labels), "from_labels"))
    if to_labels is not None:
        kind.to_labels = list(check_label_names(list(to_labels), "to_labels"))
    if definition is not None:
        kind.definition = definition
    session.flush()
    return kind


def delete_relation_type(session: Session, name: str, actor: str) -> None:
    """Delete an unused type (a reviewer's change, for everyone, in the audit log); refused while any relation
    has it."""
    require_reviewer(session, actor, "delete relation types")
    kind = get_relation_type(session, name)
    used = session.scalar(select(func.count(Relation.id)).where(Relation.type_id == kind.id)) or 0
    if used:
        raise RelationTypeRefused(f"the relation type {name} joins {used} pairs of spans; delete those relations "
                                  "first")
    session.delete(kind)
    session.flush()
    record(session, actor, "delete", f"relation type {name}")


def rename_label_in_types(session: Session, old: str, new: str) -> None:
    """A label was renamed: every type that names it names the new name."""
    for kind in list_relation_types(session):
        if old in kind.from_labels or old in kind.to_labels:
            kind.from_labels = [new if label == old else label for label in kind.from_labels]
            kind.to_labels = [new if label == old else label for label in kind.to_labels]
    session.flush()


def relation_type_set(session: Session) -> list[dict[str, object]]:
    """The types as a shared label set carries them (read back by :func:`apply_relation_type_set`)."""
    return [{"name": kind.name, "title": kind.title, "from_labels": list(kind.from_labels),
             "to_labels": list(kind.to_labels), "definition": kind.definition}
            for kind in list_relation_types(session)]


def apply_relation_type_set(session: Session, kinds: list[RelationTypeDef]) -> tuple[list[str], list[str]]:
    """Bring shared types in: ours of the same name take their title, labels and definition, the others are
    added. Returns the names added and updated."""
    added, updated = [], []
    for item in kinds:
        if session.scalar(select(RelationType.id).where(RelationType.name == item.name)) is None:
            add_relation_type(session, item.name, item.from_labels, item.to_labels, title=item.title,
                              definition=item.definition)
            added.append(item.name)
        else:
            update_relation_type(session, item.name, title=item.title, from_labels=item.from_labels,
                                 to_labels=item.to_labels, definition=item.definition)
            updated.append(item.name)
    return added, updated
