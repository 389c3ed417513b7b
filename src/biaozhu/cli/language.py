"""The command line in the user's language, as the app: ``--lang zh|en``, else the locale (LC_ALL, LC_MESSAGES,
LANG). Help texts come from ``resources/i18n/cli_zh_CN.json`` (English source → Chinese), applied when help is
formatted, so the command modules keep plain English strings; messages from ``messages_zh_CN.json``, which the
app uses too (:mod:`biaozhu.operations.messages`): a command words its own messages with :func:`say`, and
:func:`tell` translates a sentence made elsewhere (a refusal, a reader's error naming the file and line). Storage
failures use the app's own catalogue (the .qm), so a sentence is translated once for both."""

from __future__ import annotations

import argparse
import copy
import functools
import json
import os
import sys
import unicodedata
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any, NoReturn

from biaozhu.db.errors import SENTENCES
from biaozhu.operations import messages

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


@cache
def _help_catalogue() -> dict[str, str]:
    data = resources.files("biaozhu.resources").joinpath("i18n", "cli_zh_CN.json").read_text("utf-8")
    return dict(json.loads(data))


def say(text: str, **values: object) -> str:
    """A help text, or this command line's own message with its ``{name}`` fields filled from ``values``, in the
    chosen language (as written when it has no translation)."""
    if _language == "zh" and text in _help_catalogue():
        return _help_catalogue()[text]
    return messages.say(text, _language, **values)


def tell(message: str) -> str:
    """A sentence made elsewhere (a refusal, a reader's errors naming file and line, a storage failure) in the
    chosen language; paths, numbers and quoted data in it stay as they are."""
    return messages.tell(message, _language, storage_sentence)


def cell(text: str, width: int, right: bool = False) -> str:
    """``text`` padded to ``width`` terminal columns, a Chinese character counting two, so that a translated
    table header stays over its column."""
    columns = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    padding = " " * max(width - columns, 0)
    return padding + text if right else text + padding


def announce(sentence: str) -> None:
    """Tell the user on standard error (what a command reports to ``new_project``)."""
    print(f"biaozhu: {tell(sentence)}", file=sys.stderr)


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
