"""``biaozhu labels``: list, add, change and delete labels (a deleted label goes to the trash with its spans)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import orjson

from biaozhu.cli.identity import add_reviewer_option
from biaozhu.cli.language import announce, app_sentence, say, tell
from biaozhu.corpus.errors import InputError
from biaozhu.corpus.guidelines import read_shared_set
from biaozhu.db.errors import storage_errors
from biaozhu.db.guidelines import apply_shared_set, project_guideline, set_project_guideline, shared_set
from biaozhu.db.labels import add_label, delete_label, list_labels, update_label
from biaozhu.db.project import open_project
from biaozhu.operations.outputs import STDOUT, output


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("labels", parents=[common], help="list, add, rename, recolour and delete labels")
    parser.set_defaults(run=run, action="list")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.add_parser("list", parents=[common], help="list the labels (the default)")
    add = actions.add_parser("add", parents=[common], help="add a label")
    add.add_argument("name")
    change = actions.add_parser("set", parents=[common], help="rename, recolour or rebind a label")
    change.add_argument("name")
    change.add_argument("--rename", metavar="NEW_NAME")
    delete = actions.add_parser("delete", parents=[common],
                                help="move a label and every span that has it to the trash "
                                     "(`biaozhu trash restore` brings them back)")
    delete.add_argument("name")
    add_reviewer_option(delete, "deleting")
    export = actions.add_parser("export", parents=[common],
                               help="write the label set, its guidelines, pinned examples and relation types to a "
                                    "JSON file a team shares")
    export.add_argument("-o", "--output", default=STDOUT, help="file to write (default: standard output)")
    bring = actions.add_parser("import", parents=[common],
                               help="bring a shared label set in: new labels added, ours updated by name, "
                                    "guidelines and examples too")
    bring.add_argument("file", type=Path)
    guideline = actions.add_parser("guideline", parents=[common],
                                   help="print the project's general guideline, or set it from a Markdown file")
    guideline.add_argument("--set", dest="guideline_file", type=Path, metavar="FILE",
                           help="a UTF-8 Markdown file to make the project's guideline")
    for each in (add, change):
        each.add_argument("--title", help="the label's Chinese name, e.g. 项目")
        each.add_argument("--color", help="#rrggbb")
        each.add_argument("--hotkey", help="a key, e.g. 4")
        each.add_argument("--definition", help="the label's guideline (Markdown): what it is for, do and don't")


def run(args: argparse.Namespace) -> int:
    # Setting labels up may be the first thing done in a new project; listing them creates nothing.
    text = _read_guideline(args.guideline_file) if args.action == "guideline" and args.guideline_file else None
    creates = args.action in ("add", "set", "import") or text is not None
    _, sessions = open_project(args.db, new_project=announce if creates else None)
    try:
        with storage_errors(), sessions.begin() as session:
            if args.action == "add":
                label = add_label(session, args.name, args.title or "", args.color, args.hotkey,
                                  args.definition or "")
                print(say("added {name} {color} hotkey {hotkey}", name=label.name, color=label.color,
                          hotkey=label.hotkey or "-"))
            elif args.action == "set":
                label = update_label(session, args.name, new_name=args.rename, title=args.title, color=args.color,
                                     hotkey=args.hotkey, definition=args.definition)
                print(say("{old}: now {name} {title} {color} hotkey {hotkey}", old=args.name, name=label.name,
                          title=label.title, color=label.color, hotkey=label.hotkey or "-"))
            elif args.action == "export":
                shared = shared_set(session)
            elif args.action == "import":
                applied = apply_shared_set(session, read_shared_set(args.file))
                print(say("{file}: {added} labels added ({names}), {updated} updated, {examples} examples added",
                          file=args.file, added=len(applied.added), names=", ".join(applied.added) or "-",
                          updated=len(applied.updated), examples=applied.examples))
                print(say("{file}: {added} relation types added ({names}), {updated} updated", file=args.file,
                          added=len(applied.types_added), names=", ".join(applied.types_added) or "-",
                          updated=len(applied.types_updated)))
            elif args.action == "guideline":
                if text is None:
                    print(project_guideline(session))
                else:
                    set_project_guideline(session, text)
                    print(say("the project's guideline is now {file} ({characters} characters)",
                              file=args.guideline_file, characters=len(text)))
            elif args.action == "delete":
                deleted = delete_label(session, args.name, args.reviewer)
                print(say("deleted label {name}: it and {spans} spans moved to the trash (trash item {item})",
                          name=args.name, spans=deleted.spans, item=deleted.trash_id))
            else:
                for label in list_labels(session):
                    print(f"{label.hotkey or '-'}\t{label.name}\t{label.title}\t{label.color}\t"
                          f"{app_sentence('LabelDefinitions', label.definition.replace(chr(10), ' '))}")
    except ValueError as exc:
        print(f"biaozhu labels: {tell(str(exc))}", file=sys.stderr)
        return 2
    if args.action == "export":
        with output(args.output) as handle:
            handle.write(orjson.dumps(shared, option=orjson.OPT_INDENT_2) + b"\n")
    return 0


def _read_guideline(path: Path) -> str:
    try:
        return path.read_text("utf-8").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read it as UTF-8 text: {exc}") from None
