"""The default label set, read from ``resources/labels.json``."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from biaozhu.corpus.errors import InputError, Refused
from biaozhu.corpus.model import LabelDef

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
LABEL_NAME = re.compile(r"^[^\s\t]{1,64}$")
MAX_LABELS = 1000  # a label bar, a colour each and a window that opens at once; a tag set beyond is a mistake


def default_labels() -> list[LabelDef]:
    """PROGRAM, METRIC and ORGANIZATION with their colours, hotkeys and definitions."""
    raw = json.loads(resources.files("biaozhu.resources").joinpath("labels.json").read_text("utf-8"))
    return [LabelDef(**item) for item in raw]


def load_shared_set(path: Path) -> dict[str, Any]:
    """A file ``biaozhu labels export`` wrote: ``labels`` and ``relation_types`` (an older file, a plain list of
    labels, has no types); a file that is not one is refused naming it."""
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, f"not a label set (a JSON list of labels): {exc}") from None
    if isinstance(raw, list):
        raw = {"labels": raw}
    if not isinstance(raw, dict) or not isinstance(raw.get("labels"), list) \
            or not isinstance(raw.get("relation_types", []), list):
        raise InputError(path, "not a label set: a JSON list of labels is expected")
    return raw


def read_label_set(path: Path) -> list[LabelDef]:
    """The labels of a shared label set (:func:`load_shared_set`): name, title, color, hotkey, definition."""
    found = []
    for number, item in enumerate(load_shared_set(path)["labels"], start=1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise InputError(path, f"label {number} has no name")
        try:
            found.append(LabelDef(name=check_label_name(item["name"]),
                                  title=check_label_title(str(item.get("title") or "")),
                                  color=check_color(str(item.get("color") or "#999999")),
                                  hotkey=str(item.get("hotkey") or ""), definition=str(item.get("definition") or "")))
        except Refused as exc:
            raise InputError(path, f"label {number}: {exc}") from None
    return found


def check_color(color: str) -> str:
    """Colours are stored as ``#rrggbb``; refuse anything else with a message."""
    if not _COLOR.match(color):
        raise Refused(f"colour must look like #1f77b4, not {color!r}")
    return color.lower()


def check_label_name(name: str) -> str:
    if not (isinstance(name, str) and LABEL_NAME.match(name)):
        raise Refused(f"a label name is 1 to 64 characters without spaces, not {str(name)[:70]!r}")
    return name


def check_label_title(title: str) -> str:
    if len(title) > 64:
        raise Refused(f"a label title is at most 64 characters, not {len(title)}")
    return title
