"""The default label set, read from ``resources/labels.json``."""

from __future__ import annotations

import json
import re
from importlib import resources

from biaozhu.corpus.model import LabelDef

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
LABEL_NAME = re.compile(r"^[^\s\t]{1,64}$")


def default_labels() -> list[LabelDef]:
    """PROGRAM, METRIC and ORGANIZATION with their colours, hotkeys and definitions."""
    raw = json.loads(resources.files("biaozhu.resources").joinpath("labels.json").read_text("utf-8"))
    return [LabelDef(**item) for item in raw]


def check_color(color: str) -> str:
    """Colours are stored as ``#rrggbb``; refuse anything else with a message."""
    if not _COLOR.match(color):
        raise ValueError(f"colour must look like #1f77b4, not {color!r}")
    return color.lower()
