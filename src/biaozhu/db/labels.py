"""The project's label set: listed, added, renamed, recoloured."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biaozhu.corpus.labels import LABEL_NAME, check_color, default_labels
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
    if not LABEL_NAME.match(name):
        raise ValueError(f"a label name is 1 to 64 characters without spaces, not {name!r}")
    if get_label(session, name):
        raise ValueError(f"there is a label {name} already")
    if hotkey and session.scalar(select(Label).where(Label.hotkey == hotkey)):
        raise ValueError(f"hotkey {hotkey} is taken")
    count = session.scalar(select(func.count(Label.id))) or 0
    label = Label(name=name, title=title, color=check_color(color or PALETTE[count % len(PALETTE)]),
                  hotkey=hotkey or None, definition=definition, position=count)
    session.add(label)
    session.flush()
    return label


def update_label(session: Session, name: str, *, new_name: str | None = None, title: str | None = None,
                 color: str | None = None, hotkey: str | None = None, definition: str | None = None) -> Label:
    """Rename, recolour or rebind a label; spans follow since they refer to it by id."""
    label = get_label(session, name)
    if label is None:
        raise ValueError(f"there is no label {name}")
    if new_name and new_name != name:
        if not LABEL_NAME.match(new_name):
            raise ValueError(f"a label name is 1 to 64 characters without spaces, not {new_name!r}")
        if get_label(session, new_name):
            raise ValueError(f"there is a label {new_name} already")
        label.name = new_name
    if color is not None:
        label.color = check_color(color)
    if hotkey is not None:
        taken = session.scalar(select(Label).where(Label.hotkey == hotkey, Label.id != label.id))
        if hotkey and taken:
            raise ValueError(f"hotkey {hotkey} is taken by {taken.name}")
        label.hotkey = hotkey or None
    if title is not None:
        label.title = title
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
