"""Relation types as a project defines them and a team shares them: the labels each may join.

The defaults (``resources/relation_types.json``) are the ones migration 0006 gives every project; a shared
label set (``biaozhu labels export``) carries the project's types next to its labels.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, NamedTuple

from biaozhu.corpus.errors import Refused
from biaozhu.corpus.labels import check_label_name, check_label_title


class RelationTypeDef(NamedTuple):
    """A kind of link: its name, Chinese title, the labels its spans may start from and point to, a definition."""

    name: str
    title: str
    from_labels: tuple[str, ...]
    to_labels: tuple[str, ...]
    definition: str = ""

    def joins(self, from_label: str, to_label: str) -> bool:
        """Whether a span of ``from_label`` may point to one of ``to_label`` with this type."""
        return from_label in self.from_labels and to_label in self.to_labels


def default_relation_types() -> list[RelationTypeDef]:
    """所属项目 (METRIC → PROGRAM) and 责任机构 (METRIC or PROGRAM → ORGANIZATION)."""
    raw = json.loads(resources.files("biaozhu.resources").joinpath("relation_types.json").read_text("utf-8"))
    return [relation_type_def(item) for item in raw]


def check_label_names(names: object, what: str) -> tuple[str, ...]:
    """A list of label names (each checked like a label's), without repeats, in their order."""
    if not isinstance(names, (list, tuple)) or not names:
        raise Refused(f"{what} must list at least one label name")
    return tuple(dict.fromkeys(check_label_name(name) for name in names))


def relation_type_def(item: Any) -> RelationTypeDef:
    """A relation type from a shared file's entry; refused with a sentence when it is not one."""
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise Refused("a relation type needs a name")
    return RelationTypeDef(name=check_label_name(item["name"]), title=check_label_title(str(item.get("title") or "")),
                           from_labels=check_label_names(item.get("from_labels"), "from_labels"),
                           to_labels=check_label_names(item.get("to_labels"), "to_labels"),
                           definition=str(item.get("definition") or ""))
