"""The command line in the user's language, as the app: ``--lang zh|en``, else the locale (LC_ALL, LC_MESSAGES,
LANG). Help texts come from ``resources/i18n/cli_zh_CN.json`` (English source → Chinese), applied when help is
formatted, so the command modules keep plain English strings; messages from ``cli_messages_zh_CN.json``, whose
English keys hold ``{name}`` fields: a command words its own messages with :func:`say`, and :func:`tell` finds the
template of a sentence made elsewhere (a refusal, a reader's error naming the file and line) by matching it, so
corpus/ and db/ keep their plain English. Storage failures use the app's own catalogue (the .qm), so a sentence is
translated once for both."""

from __future__ import annotations

import argparse
import copy
import functools
import json
import os
import re
import sys
import unicodedata
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any, NoReturn

from biaozhu.db.errors import SENTENCES

LANGUAGES = ("zh", "en")
_language = "en"


def language_of(argv: Sequence[str]) -> str:
    """"zh" or "en": ``--lang`` among the arguments, else the locale's language."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGUAGES:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGUAGES:
            return arg[7:]
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def use(language: str) -> None:
    global _language
    _language = language


_FIELD = re.compile(r"\{(\w+)\}")
_DEPTH = 3  # a field's value is itself looked up, so far down: "cannot read this .docx: {reason}"


@cache
def _catalogue() -> dict[str, str]:
    folder = resources.files("biaozhu.resources").joinpath("i18n")
    merged: dict[str, str] = {}
    for name in ("cli_zh_CN.json", "cli_messages_zh_CN.json"):
        merged.update(json.loads(folder.joinpath(name).read_text("utf-8")))
    return merged


@cache
def _templates() -> list[tuple[re.Pattern[str], str]]:
    """The catalogue's keys with fields as patterns, the most literal text first, so that "span {id} is gone"
    wins over "span {id}". A field takes ": " only after a literal ": " ("not valid JSON: {reason}"), so that
    "task #{number}" or "{count} labels…" never swallow the "where: " in front of another sentence."""
    keyed = [key for key in _catalogue() if _FIELD.search(key)]
    keyed.sort(key=lambda key: len(_FIELD.sub("", key)), reverse=True)
    patterns = []
    for key in keyed:
        parts = _FIELD.split(key)  # literal, name, literal, name, ..., literal
        regex = "".join(re.escape(part) if i % 2 == 0 else
                        f"(?P<{part}>.+?)" if parts[i - 1].endswith(": ") else f"(?P<{part}>(?:(?!: ).)+?)"
                        for i, part in enumerate(parts))
        patterns.append((re.compile(regex, re.DOTALL), _catalogue()[key]))
    return patterns


def _fill(template: str, values: dict[str, object]) -> str:
    """Fields filled in one pass, so a value holding "{x}" (a span text) is shown as it is."""
    return _FIELD.sub(lambda match: str(values.get(match.group(1), match.group(0))), template)


def say(text: str, **values: object) -> str:
    """A help text or this command line's own message in the chosen language (as written when it has no
    translation), its ``{name}`` fields filled from ``values``."""
    template = _catalogue().get(text, text) if _language == "zh" else text
    return _fill(template, values) if values else template


def tell(message: str) -> str:
    """A sentence made elsewhere (a refusal, a reader's errors naming file and line, a storage failure) in the
    chosen language, line by line; paths, numbers and quoted data in it stay as they are."""
    if _language != "zh":
        return message
    return "\n".join(line[:len(line) - len(line.lstrip(" "))] + _translated(line.lstrip(" "), 0)
                     for line in message.split("\n"))


def cell(text: str, width: int, right: bool = False) -> str:
    """``text`` padded to ``width`` terminal columns, a Chinese character counting two, so that a translated
    table header stays over its column."""
    columns = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    padding = " " * max(width - columns, 0)
    return padding + text if right else text + padding


def announce(sentence: str) -> None:
    """Tell the user on standard error (what a command reports to ``new_project``)."""
    print(f"biaozhu: {tell(sentence)}", file=sys.stderr)


def _translated(text: str, depth: int) -> str:
    if text in _catalogue():
        return _catalogue()[text]
    stored = storage_sentence(text)
    if stored != text:
        return stored
    if depth < _DEPTH:
        for pattern, chinese in _templates():
            match = pattern.fullmatch(text)
            if match:
                return _fill(chinese, {name: _translated(value, depth + 1) for name, value in
                                       match.groupdict().items()})
        where, colon, rest = text.partition(": ")  # "path:line: sentence", "task #3: sentence"
        if colon and rest:
            return f"{_translated(where, depth + 1)}: {_translated(rest, depth + 1)}"
    return text


def storage_sentence(message: str) -> str:
    """A storage failure's sentence (see :mod:`biaozhu.db.errors`) from the app's catalogue; the path in front
    of it stays as it is."""
    for sentence in SENTENCES:
        if message.endswith(sentence):
            return message[:len(message) - len(sentence)] + app_sentence("StorageError", sentence)
    return message


def app_sentence(context: str, sentence: str) -> str:
    """A sentence of the app's catalogue (a storage failure, a default label's definition) in the chosen
    language."""
    return _app_catalogue().translate(context, sentence) or sentence if _language == "zh" else sentence


@cache
def _app_catalogue() -> Any:
    from PySide6.QtCore import QTranslator  # only for a Chinese storage message: Qt loads nothing else here

    from biaozhu.gui.common.i18n import catalogue_bytes

    translator = QTranslator()
    data = catalogue_bytes()
    translator.load(data)
    translator.data = data  # type: ignore[attr-defined]  # Qt does not copy a catalogue loaded from memory
    return translator


class TranslatedHelp(argparse.HelpFormatter):
    """argparse's help with every description, section title and argument help through :func:`say`."""

    def _expand_help(self, action: argparse.Action) -> str:
        if action.help:
            action = copy.copy(action)
            action.help = say(str(action.help))
        return super()._expand_help(action)

    def start_section(self, heading: str | None) -> None:
        super().start_section(say(heading) if heading else heading)

    def _format_text(self, text: str) -> str:
        return super()._format_text(say(text))

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, say("usage: ") if prefix is None else prefix)


def _usage_error(parser: argparse.ArgumentParser, message: str) -> NoReturn:
    """argparse's ``error``, its sentence ("the following arguments are required: --reviewer") translated."""
    parser.print_usage(sys.stderr)
    parser.exit(2, say("{prog}: error: {message}\n", prog=parser.prog, message=tell(message)))


def translate_help(parser: argparse.ArgumentParser) -> None:
    """Give ``parser`` and all its subcommands' parsers the translating help formatter and usage errors."""
    parser.formatter_class = TranslatedHelp
    parser.error = functools.partial(_usage_error, parser)  # type: ignore[method-assign]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                translate_help(sub)
