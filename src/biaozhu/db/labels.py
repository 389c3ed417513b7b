"""The project's label set: listed, added, renamed, recoloured, reordered and deleted (into the trash).

Every change that would leave two labels with one name or one hotkey is refused with a sentence
(:class:`LabelRefused`), so the command line and the app's 标签… dialog say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from biaozhu.corpus.errors import Refused
from biaozhu.corpus.labels import LABEL_NAME, MAX_LABELS, check_color, check_label_title, default_labels
from biaozhu.corpus.model import LabelDef
from biaozhu.db.audit import record
from biaozhu.db.errors import QT_TRANSLATE_NOOP
from biaozhu.db.models import Label, Span
from biaozhu.db.permissions import require_reviewer
from biaozhu.db.relation_types import rename_label_in_types

# Colours handed to labels created without one, so that new labels are told apart at a glance.
PALETTE = ("#e76f51", "#b5838d", "#ffd166", "#06d6a0", "#118ab2", "#c77dff", "#90be6d", "#f28482")
# A hotkey is one key pressed alone in the text: a letter or digit, or F1–F12. W switches word snapping, V edits a
# METRIC span's value, C comments on a span, R links spans.
_HOTKEY = re.compile(r"^(?:[0-9A-Z]|F(?:[1-9]|1[0-2]))$")
_PLACEHOLDER = re.compile(r"%(\d)")

# The refusals, marked for the app's catalogue (the 标签… dialog shows them in the UI language).
NO_LABEL = QT_TRANSLATE_NOOP("LabelRefused", "there is no label %1")
BAD_NAME = QT_TRANSLATE_NOOP("LabelRefused", "a label name is 1 to 64 characters without spaces, not %1")
NAME_TAKEN = QT_TRANSLATE_NOOP("LabelRefused", "there is a label %1 already")
BAD_HOTKEY = QT_TRANSLATE_NOOP("LabelRefused", "a hotkey is one letter or digit, or F1 to F12, not %1")
HOTKEY_TAKEN = QT_TRANSLATE_NOOP("LabelRefused", "hotkey %1 is taken by %2")
HOTKEY_RESERVED = QT_TRANSLATE_NOOP("LabelRefused", "hotkey %1 is taken by word snapping")
HOTKEY_VALUE = QT_TRANSLATE_NOOP("LabelRefused", "hotkey %1 is taken by editing a value")
HOTKEY_COMMENT = QT_TRANSLATE_NOOP("LabelRefused", "hotkey %1 is taken by comments")
HOTKEY_LINK = QT_TRANSLATE_NOOP("LabelRefused", "hotkey %1 is taken by linking spans")
HOTKEY_SUGGESTIONS = QT_TRANSLATE_NOOP("LabelRefused", "hotkey %1 is taken by the suggestions (N, P, S, X)")
BAD_COLOUR = QT_TRANSLATE_NOOP("LabelRefused", "colour must look like #1f77b4, not %1")
TOO_MANY = QT_TRANSLATE_NOOP("LabelRefused", "a project holds at most %1 labels: it has %2, and %3 more were asked for")
# Keys the annotation window keeps for itself: W snapping, V a value, C a comment, R links, N/P/S/X the suggestions.
RESERVED_HOTKEYS = {"W": HOTKEY_RESERVED, "V": HOTKEY_VALUE, "C": HOTKEY_COMMENT, "R": HOTKEY_LINK,
                    **dict.fromkeys("NPSX", HOTKEY_SUGGESTIONS)}


class LabelRefused(Refused):
    """A label change the project's rules refuse (a taken name or hotkey, no such label); says which.
    ``template`` and ``values`` let the app say it in the UI language."""

    def __init__(self, template: str, *values: object) -> None:
        self.template, self.values = template, values
        super().__init__(_PLACEHOLDER.sub(lambda match: str(values[int(match.group(1)) - 1]), template))


@dataclass(frozen=True, slots=True)
class LabelDeleted:
    """A label gone to the trash: the trash item that brings it back, and how many spans went with it."""

    trash_id: int
    spans: int


def list_labels(session: Session) -> list[Label]:
    return list(session.scalars(select(Label).order_by(Label.position, Label.id)))


def get_label(session: Session, name: str) -> Label | None:
    return session.scalar(select(Label).where(Label.name == name))


def label_ids(session: Session) -> dict[str, int]:
    return dict(session.execute(select(Label.name, Label.id)).all())


def _existing(session: Session, name: str) -> Label:
    label = get_label(session, name)
    if label is None:
        raise LabelRefused(NO_LABEL, name)
    return label


def _check_name(session: Session, name: str) -> None:
    if not LABEL_NAME.match(name):
        raise LabelRefused(BAD_NAME, repr(str(name)[:70]))
    if get_label(session, name):
        raise LabelRefused(NAME_TAKEN, name)


def _check_hotkey(session: Session, hotkey: str, label_id: int | None = None) -> str:
    """The hotkey as stored (letters in capitals), or a refusal naming the label or action that has it."""
    key = hotkey.strip().upper()
    if not _HOTKEY.match(key):
        raise LabelRefused(BAD_HOTKEY, repr(hotkey))
    if key in RESERVED_HOTKEYS:
        raise LabelRefused(RESERVED_HOTKEYS[key], key)
    taken = session.scalar(select(Label).where(func.upper(Label.hotkey) == key, Label.id != (label_id or -1)))
    if taken is not None:
        raise LabelRefused(HOTKEY_TAKEN, key, taken.name)
    return key


def free_hotkey(session: Session, hotkey: str | None) -> str | None:
    """``hotkey`` as stored if a new label may have it, else None (a label merged in from elsewhere)."""
    try:
        return _check_hotkey(session, hotkey) if hotkey else None
    except LabelRefused:
        return None


def _colour(color: str) -> str:
    try:
        return check_color(color)
    except ValueError:
        raise LabelRefused(BAD_COLOUR, repr(color)) from None


def _new_ids(session: Session, count: int) -> list[dict[str, int]]:
    """SQLite hands a new row the highest id plus one, which may be that of a label waiting in the trash; its
    spans in trashed documents would then come back under the wrong label. Labels get ids never used."""
    if session.get_bind().dialect.name != "sqlite":
        return [{} for _ in range(count)]  # a sequence never hands out an id twice
    # The trash (and the spans, relations and comments it restores) only where needed: every command lists labels,
    # and importing the trash's modules was a tenth of ``biaozhu export``'s start.
    from biaozhu.db.trash import trashed_label_ids

    first = max([session.scalar(select(func.max(Label.id))) or 0, *trashed_label_ids(session)]) + 1
    return [{"id": first + n} for n in range(count)]


def add_label(session: Session, name: str, title: str = "", color: str | None = None,
              hotkey: str | None = None, definition: str = "") -> Label:
    """A new label at the end of the bar; refuses a name or hotkey already in use."""
    key = _check_hotkey(session, hotkey) if hotkey else None
    [label] = add_labels(session, [name], title=title, color=color, hotkey=key, definition=definition)
    return label


def add_labels(session: Session, names: list[str], *, title: str = "", color: str | None = None,
               hotkey: str | None = None, definition: str = "") -> list[Label]:
    """New labels at the end of the bar, in one pass (an import may bring many): refuses a name in use or given
    twice, and more labels than :data:`MAX_LABELS` in the project."""
    taken = set(session.scalars(select(Label.name)))  # at most MAX_LABELS
    for name in names:
        if not LABEL_NAME.match(name):
            raise LabelRefused(BAD_NAME, repr(str(name)[:70]))
        if name in taken:
            raise LabelRefused(NAME_TAKEN, name)
        taken.add(name)
    check_label_title(title)
    count = session.scalar(select(func.count(Label.id))) or 0
    if count + len(names) > MAX_LABELS:
        raise LabelRefused(TOO_MANY, MAX_LABELS, count, len(names))
    labels = [Label(name=name, title=title, color=_colour(color or PALETTE[(count + n) % len(PALETTE)]),
                    hotkey=hotkey, definition=definition, position=count + n, **ids)
              for n, (name, ids) in enumerate(zip(names, _new_ids(session, len(names)), strict=True))]
    session.add_all(labels)
    session.flush()
    return labels


def update_label(session: Session, name: str, *, new_name: str | None = None, title: str | None = None,
                 color: str | None = None, hotkey: str | None = None, definition: str | None = None) -> Label:
    """Rename, recolour or rebind a label (``hotkey=""`` unbinds it); spans follow since they refer to it by id,
    relation types since they are told the new name."""
    label = _existing(session, name)
    if new_name and new_name != name:
        _check_name(session, new_name)
        label.name = new_name
        rename_label_in_types(session, name, new_name)
    if color is not None:
        label.color = _colour(color)
    if hotkey is not None:
        label.hotkey = _check_hotkey(session, hotkey, label.id) if hotkey else None
    if title is not None:
        label.title = check_label_title(title)
    if definition is not None:
        label.definition = definition
    session.flush()
    return label


def move_label(session: Session, name: str, step: int) -> int:
    """Move a label ``step`` places along the bar (negative: towards the start); returns its new place."""
    labels = list_labels(session)
    label = _existing(session, name)
    at = labels.index(label)
    to = max(0, min(len(labels) - 1, at + step))
    labels.insert(to, labels.pop(at))
    for position, each in enumerate(labels):
        each.position = position
    session.flush()
    return to


def count_label_spans(session: Session, name: str) -> int:
    """How many spans (every layer, gold too) have this label: what deleting it would put in the trash."""
    label = _existing(session, name)
    return session.scalar(select(func.count(Span.id)).where(Span.label_id == label.id)) or 0


def delete_label(session: Session, name: str, actor: str) -> LabelDeleted:
    """Delete a label into the trash with every span that has it (the trash brings both back). It takes every
    annotator's spans of it, so only a reviewer may, and the audit log records it."""
    require_reviewer(session, actor, "delete labels")
    from biaozhu.db.trash import trash_label  # see _new_ids

    label = _existing(session, name)
    trash_id, spans = trash_label(session, label)
    record(session, actor, "delete", f"label {name} ({spans} spans), trash item {trash_id}")
    for position, each in enumerate(list_labels(session)):
        each.position = position
    session.flush()
    return LabelDeleted(trash_id, spans)


def label_set(session: Session) -> list[dict[str, str]]:
    """The project's labels as a file a team shares (what ``biaozhu labels import`` reads back)."""
    return [{"name": label.name, "title": label.title, "color": label.color, "hotkey": label.hotkey or "",
             "definition": label.definition} for label in list_labels(session)]


def apply_label_set(session: Session, labels: list[LabelDef]) -> tuple[list[str], list[str]]:
    """Bring a shared label set in: labels we lack are added, ours of the same name take its title, colour and
    definition (and its hotkey where no other label of ours has it). Returns the names added and updated."""
    added, updated = [], []
    for item in labels:
        ours = get_label(session, item.name)
        hotkey = free_hotkey(session, item.hotkey) if item.hotkey and (ours is None or ours.hotkey != item.hotkey) \
            else None
        if ours is None:
            add_label(session, item.name, item.title, item.color, hotkey, item.definition)
            added.append(item.name)
        else:
            update_label(session, item.name, title=item.title, color=item.color, definition=item.definition,
                         hotkey=hotkey)
            updated.append(item.name)
    return added, updated


def add_default_labels(session: Session, labels: list[LabelDef] | None = None) -> None:
    """Store the default label set in a project that has no labels yet."""
    if session.scalar(select(func.count(Label.id))):
        return
    for position, item in enumerate(labels or default_labels()):
        session.add(Label(name=item.name, title=item.title, color=check_color(item.color), hotkey=item.hotkey,
                          definition=item.definition, position=position))
    session.flush()
