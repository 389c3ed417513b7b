"""The command line speaks the app's language: ``--lang zh`` or a Chinese locale gives Chinese help and Chinese
storage messages, ``--lang en`` English; every help text of every subcommand has its Chinese."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from subprocess import CompletedProcess

from biaozhu.cli import build_parser

Cli = Callable[..., CompletedProcess[str]]


def help_texts(parser: argparse.ArgumentParser) -> Iterator[str]:
    if parser.description:
        yield parser.description
    for group in parser._action_groups:
        if group.title:
            yield group.title
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            yield action.help
        if isinstance(action, argparse._SubParsersAction):
            yield from (choice.help for choice in action._choices_actions if choice.help)
            for sub in set(action.choices.values()):
                yield from help_texts(sub)


def test_every_help_text_has_its_chinese() -> None:
    catalogue = json.loads(resources.files("biaozhu.resources").joinpath("i18n", "cli_zh_CN.json").read_text("utf-8"))
    missing = sorted({text for text in help_texts(build_parser()) if not catalogue.get(text, "").strip()})
    assert missing == [], "add these to resources/i18n/cli_zh_CN.json"


def test_lang_zh_gives_chinese_help(cli: Cli) -> None:
    result = cli("--lang", "zh", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("用法：biaozhu") and "把标注导出为训练数据" in result.stdout
    assert "显示此帮助并退出" in result.stdout and "show this help" not in result.stdout


def test_a_chinese_locale_gives_chinese_help_and_lang_en_overrides_it(cli: Cli) -> None:
    chinese = cli("export", "--help", env={"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})
    assert "要写入的文件" in chinese.stdout and "用法：" in chinese.stdout
    english = cli("--lang", "en", "export", "--help", env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""})
    assert "file to write" in english.stdout and "usage:" in english.stdout


def test_storage_messages_follow_the_language(cli: Cli, tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(bytes(range(256)) * 16)
    chinese = cli("--lang", "zh", "--db", junk, "docs")
    assert chinese.returncode == 2 and "不是 biaozhu 项目" in chinese.stderr and "Traceback" not in chinese.stderr
    english = cli("--lang", "en", "--db", junk, "docs")
    assert "not a biaozhu project" in english.stderr
