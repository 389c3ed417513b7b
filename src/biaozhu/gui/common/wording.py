"""How the app words things: placeholders filled in one pass, quoted span texts shortened, disagreement kinds,
and text from data shown as text wherever Qt would guess rich text."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication

from biaozhu.gui.common.i18n import ui_language
from biaozhu.operations import messages

_PLACEHOLDER = re.compile(r"%(\d+)")

KIND_COLOURS = {"missing": "#d62828", "boundary": "#f77f00", "label": "#7b2cbf", "boundary_label": "#c2185b",
                "single": "#6c757d"}


def fill(template: str, *values: object) -> str:
    """``%1``, ``%2``… of a translated sentence replaced by ``values`` in one pass, so a value that itself
    contains “%4” (a span text such as 占比5%4) is shown as it is. Qt's ``%n`` plural forms are left alone."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 0 < number <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)


def told(message: str) -> str:
    """A sentence made outside the GUI (a refusal from the project's rules, a reader's error naming the file and
    line) in the UI language, from the catalogue the command line uses too."""
    return messages.tell(message, ui_language())


def short(text: str, longest: int = 18) -> str:
    """A span text quoted in a message or a menu: long ones end in an ellipsis."""
    return text if len(text) <= longest else text[:longest - 1] + "…"


def kind_text(kind: str) -> str:
    """A disagreement kind as the reviewer reads it."""
    translate = QCoreApplication.translate
    return {"missing": translate("Review", "missing"), "boundary": translate("Review", "boundary"),
            "label": translate("Review", "label"), "boundary_label": translate("Review", "boundary + label"),
            "single": translate("Review", "one annotator only")}.get(kind, kind)


def as_tooltip(lines: list[str]) -> str:
    """Tooltip text shown literally: Qt would take a span's ``<b>…`` for markup, so it is escaped; and a
    line is never wrapped, which Qt would do between any two Chinese characters (“统 / 战干部大讲 / 堂”)."""
    return "<p style='white-space:pre'>" + html.escape("\n".join(lines), quote=False) + "</p>"
