"""The command line in the user's language, as the app: ``--lang zh|en``, else the locale (LC_ALL, LC_MESSAGES,
LANG). Help texts come from ``resources/i18n/cli_zh_CN.json`` (English source → Chinese), applied when help is
formatted, so the command modules keep plain English strings; storage failures use the app's own catalogue
(the .qm), so a sentence is translated once for both."""

from __future__ import annotations

import argparse
import copy
import json
import os
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

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


@cache
def _help_catalogue() -> dict[str, str]:
    data = resources.files("biaozhu.resources").joinpath("i18n", "cli_zh_CN.json").read_text("utf-8")
    return dict(json.loads(data))


def say(text: str) -> str:
    """A help text or message in the chosen language (as written when it has no translation)."""
    return _help_catalogue().get(text, text) if _language == "zh" else text


def storage_sentence(message: str) -> str:
    """A storage failure's sentence (see :mod:`biaozhu.db.errors`) from the app's catalogue; the path in front
    of it stays as it is."""
    if _language != "zh":
        return message
    for sentence in SENTENCES:
        if message.endswith(sentence):
            return message[:len(message) - len(sentence)] + _app_catalogue().translate("StorageError", sentence)
    return message


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


def translate_help(parser: argparse.ArgumentParser) -> None:
    """Give ``parser`` and all its subcommands' parsers the translating help formatter."""
    parser.formatter_class = TranslatedHelp
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                translate_help(sub)
