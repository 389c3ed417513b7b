"""The ``biaozhu`` command: no subcommand opens the app; subcommands work headless."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from importlib import import_module

from biaozhu import __version__
from biaozhu.cli.language import language_of, say, tell, translate_help, use
from biaozhu.cli.terminal import escape_output
from biaozhu.corpus.errors import Refusal
from biaozhu.db.errors import StorageError

# The subcommands' modules, imported only when the command line is not the app's (see _app_args).
COMMANDS = ("import_cmd", "export_cmd", "labels_cmd", "docs_cmd", "spans_cmd", "check_cmd", "delete_cmd", "trash_cmd",
            "backup_cmd", "annotators_cmd", "agreement_cmd", "review_cmd", "merge_cmd", "metrics_cmd", "log_cmd",
            "server_cmd", "stats_cmd", "outline_cmd", "suggest_cmd", "relations_cmd",
            "comments_cmd")
DB_HELP = "project database: a SQLite file path or a SQLAlchemy URL (default: $BIAOZHU_DB, else your data folder)"


def _with_app_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options of the app itself (no subcommand), on the full parser and on :func:`_app_args`'s."""
    parser.add_argument("--annotator", help="who is annotating (the app remembers it)")
    parser.add_argument("--lang", choices=("zh", "en"), help="user-interface language (default: from the locale)")
    parser.add_argument("--review", action="store_true",
                        help="open review mode: compare annotators and adjudicate into gold (needs the reviewer role)")
    return parser


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help=DB_HELP)
    return common


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every subcommand, or of ``command`` alone (its module alone is imported)."""
    common = _common()
    parser = argparse.ArgumentParser(prog="biaozhu", parents=[common],
                                     description="标注 biaozhu: span annotation for Chinese reports.")
    parser.add_argument("--version", action="version", version=f"biaozhu {__version__}")
    _with_app_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if command is None else (f"{command}_cmd",):
        import_module(f"biaozhu.cli.{name}").register(sub, common)
    return parser


def _app_args(argv: Sequence[str]) -> tuple[argparse.Namespace | None, str | None]:
    """The app's options when the command line asks for the app (no subcommand, no help), read without
    importing every subcommand's modules: that was a fifth of the app's start. Else the subcommand named right
    after the options, whose module alone the parser then imports (the others' were 0.1 s of ``biaozhu export``),
    or None: every subcommand's parser decides (help, an unknown command, a bad option)."""
    parser = _with_app_options(argparse.ArgumentParser(add_help=False, parents=[_common()], exit_on_error=False))
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None, None  # the full parser says what is wrong
    if rest:
        return None, rest[0] if f"{rest[0]}_cmd" in COMMANDS else None
    args.command = None
    return args, None


def main(argv: Sequence[str] | None = None) -> int:
    escape_output()
    use(language_of(sys.argv[1:] if argv is None else argv))
    args, command = _app_args(sys.argv[1:] if argv is None else argv)
    if args is None:
        gc.disable()  # the subcommand's imports (SQLAlchemy's) walked by no collection: 0.05 s of CPU; then frozen
        parser = build_parser(command)
        if argv is None:  # a process of its own; in-process (tests) the collector is left as it is
            gc.freeze()
        gc.enable()
        translate_help(parser)
        args = parser.parse_args(argv)
    args.db = getattr(args, "db", None)
    try:
        if args.command is None:
            # No collections until the first window is finished (see run_app): they walked every object imported
            # so far, 0.08 s of the start's CPU.
            gc.disable()
            try:
                from biaozhu.gui.app import run_app  # Qt is loaded only when the window is wanted

                return run_app(args)
            finally:
                gc.enable()
        return int(args.run(args))
    except (StorageError, Refusal) as exc:
        print(f"biaozhu: {tell(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print(f"biaozhu: {say('interrupted')}", file=sys.stderr)
        return 130
    finally:
        engines = sys.modules.get("biaozhu.db.engine")  # imported by whatever opened a project
        if engines is not None:
            engines.dispose_all()  # a command leaves no connection open, also when it runs in-process
        if argv is None:  # the process ends: its last collection would walk every object (0.14 s after an export)
            gc.freeze()
