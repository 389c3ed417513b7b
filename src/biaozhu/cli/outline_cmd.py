"""``biaozhu outline [DOCUMENT_ID]``: each document's headings with level, text and offsets."""

from __future__ import annotations

import argparse
import sys

import orjson

from biaozhu.cli.language import say, tell
from biaozhu.db.errors import storage_errors
from biaozhu.db.outline import document_outlines
from biaozhu.db.project import open_project


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("outline", parents=[common], help="list each document's headings (its outline)",
                            description="Headings from Word's heading styles, else from Chinese numbering "
                                        "(一、 （一） 1. （1）) and short title lines; offsets in code points, end "
                                        "exclusive; section_end is where the heading's section ends.")
    parser.add_argument("document", nargs="?", type=int, metavar="DOCUMENT_ID", help="one document (default: all)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    _, sessions = open_project(args.db)
    with storage_errors(), sessions() as session:
        try:
            documents = list(document_outlines(session, args.document))
        except LookupError as exc:
            print(f"biaozhu: {tell(str(exc))}", file=sys.stderr)
            return 1
    if args.format == "json":
        records = [{"document": i, "name": name, "headings": [
            {"level": h.level, "text": h.text, "start": h.start, "end": h.end, "section_end": h.section_end}
            for h in headings]} for i, name, headings in documents]
        sys.stdout.write(orjson.dumps(records, option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0
    for i, name, headings in documents:
        print(f"# {i}\t{name}\t{say('{count} headings', count=len(headings))}")
        print("level\tstart\tend\tsection_end\ttext")
        for h in headings:
            print(f"{h.level}\t{h.start}\t{h.end}\t{h.section_end}\t{'  ' * max(h.level - 1, 0)}{h.text}")
    return 0
