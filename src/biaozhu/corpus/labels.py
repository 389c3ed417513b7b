"""The default label set, read from ``resources/labels.json``."""

from __future__ import annotations

import json
import re
from importlib import resources

from biaozhu.corpus.errors import Refused
from biaozhu.corpus.model import LabelDef

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
LABEL_NAME = re.compile(r"^[^\s\t]{1,64}$")
MAX_LABELS = 1000  # a label bar, a colour each and a window that opens at once; a tag set beyond is a mistake


def default_labels() -> list[LabelDef]:
    """PROGRAM, METRIC and ORGANIZATION with their colours, hotkeys and definitions."""
    raw = json.loads(resources.files("biaozhu.resources").joinpath("labels.json").read_text("utf-8"))
    return [LabelDef(**item) for item in raw]


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
