"""``biaozhu export``: annotations out as training data, streamed, written atomically."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from biaozhu.cli.project import open_project, storage_errors
from biaozhu.corpus.formats.doccano import doccano_record, write_jsonl
from biaozhu.corpus.spans import check_span
from biaozhu.db.exporting import LayerDocument, iter_layers


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("export", parents=[common], help="export annotations as training data")
    parser.add_argument("--format", default="jsonl", choices=("jsonl",), help="jsonl: doccano's label form")
    parser.add_argument("--annotator", help="one annotator's layer (default: every layer, a line each)")
    parser.add_argument("-o", "--output", required=True, help="file to write, or - for standard output")
    parser.set_defaults(run=run)


@contextmanager
def output(target: str) -> Iterator[BinaryIO]:
    """Standard output, or a temporary file beside the target renamed into place when complete."""
    if target == "-":
        yield sys.stdout.buffer
        sys.stdout.flush()
        return
    path = Path(target)
    fd, temporary = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".", prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _records(layers: Iterator[LayerDocument]) -> Iterator[dict]:
    for layer in layers:
        for span in layer.spans:
            check_span(layer.text, span, f"document {layer.id} ({layer.name})")
        meta = {"name": layer.name, "sha256": layer.sha256, **layer.meta}
        yield doccano_record(layer.id, layer.text, layer.spans, layer.annotator, meta)


def run(args: argparse.Namespace) -> int:
    _, sessions = open_project(args.db)
    count = 0
    with storage_errors(), sessions() as session:
        try:
            layers = iter_layers(session, args.annotator)
            with output(args.output) as handle:
                for line in write_jsonl(_records(layers)):
                    handle.write(line)
                    count += 1
        except LookupError as exc:
            print(f"biaozhu export: {exc.args[0]}", file=sys.stderr)
            return 2
    if args.output != "-":
        print(f"wrote {count} lines to {args.output}", file=sys.stderr)
    return 0
