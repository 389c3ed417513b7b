"""The project's label set: listed, added, renamed, recoloured."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biaozhu.corpus.errors import Refused
from biaozhu.corpus.labels import MAX_LABELS, check_color, check_label_name, check_label_title, default_labels
from biaozhu.corpus.model import LabelDef
from biaozhu.db.models import Label

# Colours handed to labels created without one, so that new labels are told apart at a glance.
PALETTE = ("#e76f51", "#b5838d", "#ffd166", "#06d6a0", "#118ab2", "#c77dff", "#90be6d", "#f28482")


def list_labels(session: Session) -> list[Label]:
    return list(session.scalars(select(Label).order_by(Label.position, Label.id)))


def get_label(session: Session, name: str) -> Label | None:
    return session.scalar(select(Label).where(Label.name == name))


def label_ids(session: Session) -> dict[str, int]:
    return dict(session.execute(select(Label.name, Label.id)).all())


def add_label(session: Session, name: str, title: str = "", color: str | None = None,
              hotkey: str | None = None, definition: str = "") -> Label:
    """A new label at the end of the bar; refuses a name or hotkey already in use."""
    if hotkey and session.scalar(select(Label).where(Label.hotkey == hotkey)):
        raise Refused(f"hotkey {hotkey} is taken")
    [label] = add_labels(session, [name], title=title, color=color, hotkey=hotkey, definition=definition)
    return label


def add_labels(session: Session, names: list[str], *, title: str = "", color: str | None = None,
               hotkey: str | None = None, definition: str = "") -> list[Label]:
    """New labels at the end of the bar, in one pass (an import may bring many): refuses a name in use, and
    more labels than :data:`MAX_LABELS` in the project."""
    for name in names:
        check_label_name(name)
    check_label_title(title)
    taken = set(names) & set(session.scalars(select(Label.name))) or {n for n in names if names.count(n) > 1}
    if taken:
        raise Refused(f"there is a label {sorted(taken)[0]} already")
    count = session.scalar(select(func.count(Label.id))) or 0
    if count + len(names) > MAX_LABELS:
        raise Refused(f"a project holds at most {MAX_LABELS} labels: it has {count}, and {len(names)} more "
                      "were asked for")
    labels = [Label(name=name, title=title, color=check_color(color or PALETTE[(count + n) % len(PALETTE)]),
                    hotkey=hotkey or None, definition=definition, position=count + n)
              for n, name in enumerate(names)]
    session.add_all(labels)
    session.flush()
    return labels


def update_label(session: Session, name: str, *, new_name: str | None = None, title: str | None = None,
                 color: str | None = None, hotkey: str | None = None, definition: str | None = None) -> Label:
    """Rename, recolour or rebind a label; spans follow since they refer to it by id."""
    label = get_label(session, name)
    if label is None:
        raise Refused(f"there is no label {name}")
    if new_name and new_name != name:
        check_label_name(new_name)
        if get_label(session, new_name):
            raise Refused(f"there is a label {new_name} already")
        label.name = new_name
    if color is not None:
        label.color = check_color(color)
    if hotkey is not None:
        taken = session.scalar(select(Label).where(Label.hotkey == hotkey, Label.id != label.id))
        if hotkey and taken:
            raise Refused(f"hotkey {hotkey} is taken by {taken.name}")
        label.hotkey = hotkey or None
    if title is not None:
        label.title = check_label_title(title)
    if definition is not None:
        label.definition = definition
    session.flush()
    return label


def add_default_labels(session: Session, labels: list[LabelDef] | None = None) -> None:
    """Store the default label set in a project that has no labels yet."""
    if session.scalar(select(func.count(Label.id))):
        return
    for position, item in enumerate(labels or default_labels()):
        session.add(Label(name=item.name, title=item.title, color=check_color(item.color), hotkey=item.hotkey,
                          definition=item.definition, position=position))
    session.flush()
