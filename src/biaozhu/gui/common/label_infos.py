"""The project's labels as the windows keep them: plain copies of the rows, read once per change of labels."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtGui import QColor
from sqlalchemy.orm import Session

from biaozhu.db.labels import list_labels
from biaozhu.gui.common.runner import ActionRunner


@dataclass(frozen=True, slots=True)
class LabelInfo:
    """A label as the window uses it (a plain copy of the database row)."""

    id: int
    name: str
    title: str
    color: str
    hotkey: str | None
    definition: str

    def caption(self) -> str:
        return f"{self.title} {self.name}" if self.title else self.name


class LabelSet:
    """The labels in their order, found by id or name; replaced in place when the project's labels change, so
    whatever holds the set (the window, its editing controller) sees the new labels at once."""

    def __init__(self, labels: list[LabelInfo]) -> None:
        self.replace(labels)

    def replace(self, labels: list[LabelInfo]) -> None:
        self.labels = labels
        self._by_id = {label.id: label for label in labels}
        self._by_name = {label.name: label for label in labels}

    def __iter__(self) -> Iterator[LabelInfo]:
        return iter(self.labels)

    def __len__(self) -> int:
        return len(self.labels)

    def get(self, label_id: int) -> LabelInfo | None:
        return self._by_id.get(label_id)

    def __getitem__(self, label_id: int) -> LabelInfo:
        return self._by_id[label_id]

    def named(self, name: str) -> LabelInfo | None:
        return self._by_name.get(name)

    def caption_of(self, label_id: int) -> str:
        label = self._by_id.get(label_id)
        return label.caption() if label else "?"

    def colours(self) -> dict[int, QColor]:
        return {label.id: QColor(label.color) for label in self.labels}


def label_infos(session: Session) -> list[LabelInfo]:
    """The project's labels in their order, copied out of the session for the window to keep."""
    return [LabelInfo(row.id, row.name, row.title, row.color, row.hotkey, row.definition)
            for row in list_labels(session)]


def label_set(session: Session) -> LabelSet:
    return LabelSet(label_infos(session))


def reread_labels(runner: ActionRunner, labels: LabelSet, say: Callable[[str], None]) -> bool:
    """Read the project's labels again into ``labels`` (in place); whether they changed. A storage failure is
    said and changes nothing."""
    outcome = runner.try_read(label_infos)
    if outcome.value is None:
        say(outcome.refusal)
        return False
    if outcome.value == labels.labels:
        return False
    labels.replace(outcome.value)
    return True
