"""Sentences for a person in their language, for the command line and the app alike.

``resources/i18n/messages_zh_CN.json`` maps English templates to Chinese ones; a template's ``{name}`` fields
hold paths, numbers and data. Code that words a message itself fills a template with :func:`say`; a sentence
made elsewhere (a refusal from corpus/ or db/, a reader's error naming the file and line) is translated by
:func:`tell`, which finds its template by matching, so corpus/ and db/ keep their plain English and need no
catalogue of their own. A sentence with no template stays English rather than being lost.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from importlib import resources

CHINESE = "zh"
_FIELD = re.compile(r"\{(\w+)\}")
_DEPTH = 3  # a field's value is itself looked up, so far down: "cannot read this .docx: {reason}"


@cache
def catalogue() -> dict[str, str]:
    text = resources.files("biaozhu.resources").joinpath("i18n", "messages_zh_CN.json").read_text("utf-8")
    return dict(json.loads(text))


@cache
def _templates() -> list[tuple[re.Pattern[str], str]]:
    """The catalogue's keys with fields as patterns, the most literal text first, so that "span {id} is gone"
    wins over "span {id}". A field takes ": " only after a literal ": " ("not valid JSON: {reason}"), so that
    "task #{number}" or "{count} labels…" never swallow the "where: " in front of another sentence."""
    keyed = [key for key in catalogue() if _FIELD.search(key)]
    keyed.sort(key=lambda key: len(_FIELD.sub("", key)), reverse=True)
    patterns = []
    for key in keyed:
        parts = _FIELD.split(key)  # literal, name, literal, name, ..., literal
        regex = "".join(re.escape(part) if i % 2 == 0 else
                        f"(?P<{part}>.+?)" if parts[i - 1].endswith(": ") else f"(?P<{part}>(?:(?!: ).)+?)"
                        for i, part in enumerate(parts))
        patterns.append((re.compile(regex, re.DOTALL), catalogue()[key]))
    return patterns


def fill(template: str, values: dict[str, object]) -> str:
    """Fields filled in one pass, so a value holding "{x}" (a span text) is shown as it is."""
    return _FIELD.sub(lambda match: str(values.get(match.group(1), match.group(0))), template)


def say(text: str, language: str, **values: object) -> str:
    """``text`` (a template) in ``language``, its fields filled from ``values``."""
    template = catalogue().get(text, text) if language == CHINESE else text
    return fill(template, values) if values else template


def tell(message: str, language: str, known: Callable[[str], str] | None = None) -> str:
    """A sentence made elsewhere in ``language``, line by line; paths, numbers and quoted data in it stay as
    they are. ``known`` translates what another catalogue holds (the app's storage sentences)."""
    if language != CHINESE:
        return message
    return "\n".join(line[:len(line) - len(line.lstrip(" "))] + _translated(line.lstrip(" "), 0, known)
                     for line in message.split("\n"))


def _translated(text: str, depth: int, known: Callable[[str], str] | None) -> str:
    if text in catalogue():
        return catalogue()[text]
    if known is not None and (elsewhere := known(text)) != text:
        return elsewhere
    if depth < _DEPTH:
        for pattern, chinese in _templates():
            match = pattern.fullmatch(text)
            if match:
                return fill(chinese, {name: _translated(value, depth + 1, known) for name, value in
                                      match.groupdict().items()})
        where, colon, rest = text.partition(": ")  # "path:line: sentence", "task #3: sentence"
        if colon and rest:
            return f"{_translated(where, depth + 1, known)}: {_translated(rest, depth + 1, known)}"
    return text
