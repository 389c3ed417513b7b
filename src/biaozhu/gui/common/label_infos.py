"""The project's labels as the windows keep them: plain copies of the rows, read once per change of labels."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

if TYPE_CHECKING:  # the first window shows the labels of its first look, before SQLAlchemy loads
    from sqlalchemy.orm import Session

    from biaozhu.gui.common.runner import ActionRunner

# The default labels' definitions (resources/labels.json), so the catalogue holds them: a definition is data, shown
# in the user's language when it is still the default one, as written when someone changed it.
DEFAULT_DEFINITIONS = (
    QT_TRANSLATE_NOOP("LabelDefinitions", "A named programme, campaign, initiative or plan: “酒城同心·金融速贷”, “万企兴万村”行动"),  # noqa: E501
    QT_TRANSLATE_NOOP("LabelDefinitions", "A quantity with its unit: 377.178亿元, 7306人次, 1007户"),
    QT_TRANSLATE_NOOP("LabelDefinitions", "An organisation, body or company: 泸州市委统战部, 泸州银行, 市工商联"),
)


def shown_definition(definition: str) -> str:
    """A label's definition in the UI's language when it is a default one; otherwise as written."""
    return QCoreApplication.translate("LabelDefinitions", definition) if definition else definition


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

    def shown_title(self) -> str:
        """What a reader is shown where one word names the label: its title (项目), else its name."""
        return self.title or self.name


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

    def titles(self) -> dict[str, str]:
        """Label names to what is shown for them (:meth:`LabelInfo.shown_title`); unknown names stay as they are."""
        return {label.name: label.shown_title() for label in self.labels}

    def colours(self) -> dict[int, QColor]:
        return {label.id: QColor(label.color) for label in self.labels}


def label_infos(session: Session) -> list[LabelInfo]:
    """The project's labels in their order, copied out of the session for the window to keep."""
    from biaozhu.db.labels import list_labels

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
