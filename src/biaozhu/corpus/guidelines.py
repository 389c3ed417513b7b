"""Guidelines a team shares: the project's general guideline, each label's guideline (its Markdown definition)
and the examples reviewers pinned, each as its text with a few characters around it.

A shared set travels as the JSON ``biaozhu labels export`` writes: ``{"guideline": "…", "labels": [{"name",
"title", "color", "hotkey", "definition", "examples": [{"verdict", "before", "text", "after", "note"}]}],
"relation_types": [{"name", "title", "from_labels", "to_labels", "definition"}]}``.
A plain JSON list of labels (what earlier versions wrote) is read too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from biaozhu.corpus.errors import InputError, Refused
from biaozhu.corpus.labels import check_color, check_label_name, check_label_title
from biaozhu.corpus.model import LabelDef
from biaozhu.corpus.relation_types import RelationTypeDef, relation_type_def

CONTEXT = 12  # characters shown on each side of a pinned example
VERDICTS = ("good", "bad")
_FIELDS = ("verdict", "before", "text", "after", "note")


class GuideExample(NamedTuple):
    """An example of a label in its context: ``before`` + ``text`` + ``after`` as they stand in a document."""

    label: str
    verdict: str
    before: str
    text: str
    after: str
    note: str = ""

    def as_dict(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in _FIELDS}


def in_context(text: str, start: int, end: int, width: int = CONTEXT) -> tuple[str, str, str]:
    """``(before, span, after)``: the span's text with up to ``width`` characters each side, line breaks shown
    as spaces so an example reads on one line."""
    def flat(part: str) -> str:
        return part.replace("\r", " ").replace("\n", " ")

    return flat(text[max(0, start - width):start]), text[start:end], flat(text[end:end + width])


@dataclass
class SharedSet:
    """What a label-set file holds."""

    labels: list[LabelDef]
    guideline: str = ""
    examples: list[GuideExample] = field(default_factory=list)
    relation_types: list[RelationTypeDef] = field(default_factory=list)


def _example(path: Path, label: str, number: int, item: Any) -> GuideExample:
    if not isinstance(item, dict) or not all(isinstance(item.get(name, ""), str) for name in _FIELDS):
        raise InputError(path, f"label {label}: example {number} is not an object of texts ({', '.join(_FIELDS)})")
    if item.get("verdict") not in VERDICTS or not item.get("text"):
        raise InputError(path, f"label {label}: example {number} needs a verdict (good or bad) and a text")
    return GuideExample(label, item["verdict"], item.get("before", ""), item["text"], item.get("after", ""),
                        item.get("note", ""))


def _relation_type(path: Path, number: int, item: Any) -> RelationTypeDef:
    try:
        return relation_type_def(item)
    except Refused as exc:
        raise InputError(path, f"relation type {number}: {exc}") from None


def read_shared_set(path: Path) -> SharedSet:
    """A label set as ``biaozhu labels export`` writes it; a file that is not one is refused naming it and the
    entry."""
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, f"not a label set (a JSON list of labels): {exc}") from None
    guideline, kinds = "", []
    if isinstance(raw, dict):
        guideline, kinds, raw = raw.get("guideline", ""), raw.get("relation_types", []), raw.get("labels")
        if not isinstance(guideline, str):
            raise InputError(path, "not a label set: its guideline is not a text")
        if not isinstance(kinds, list):
            raise InputError(path, "not a label set: its relation_types are not a list")
    if not isinstance(raw, list):
        raise InputError(path, "not a label set: a JSON list of labels is expected")
    shared = SharedSet([], guideline, relation_types=[_relation_type(path, n, item) for n, item in
                                                      enumerate(kinds, start=1)])
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise InputError(path, f"label {number} has no name")
        try:
            shared.labels.append(LabelDef(name=check_label_name(item["name"]),
                                          title=check_label_title(str(item.get("title") or "")),
                                          color=check_color(str(item.get("color") or "#999999")),
                                          hotkey=str(item.get("hotkey") or ""),
                                          definition=str(item.get("definition") or "")))
        except Refused as exc:
            raise InputError(path, f"label {number}: {exc}") from None
        examples = item.get("examples") or []
        if not isinstance(examples, list):
            raise InputError(path, f"label {item['name']}: its examples are not a list")
        shared.examples += [_example(path, item["name"], n, each) for n, each in enumerate(examples, start=1)]
    return shared
