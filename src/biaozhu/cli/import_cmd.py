"""``biaozhu import PATH...``: files or folders; each file is stored whole or not at all
(:mod:`biaozhu.operations.importing`, which the app's Import… runs too)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from biaozhu.cli.identity import acting_person
from biaozhu.corpus.errors import InputErrors, Refused
from biaozhu.corpus.formats import READERS
from biaozhu.corpus.formats.guard import DEFAULT_MAX_SIZE, MB
from biaozhu.corpus.names import check_annotator
from biaozhu.db.permissions import check_person
from biaozhu.db.project import open_project, say
from biaozhu.operations.importing import ImportOptions, files_to_import, import_files


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("import", parents=[common],
                            help="import reports (.txt, .docx, .pdf, .ofd, .doc, .wps) and annotations",
                            description="Reads .txt, .docx, .pdf, .ofd, .doc and .wps reports and annotations in "
                                        "every format `biaozhu export` writes (doccano, spans, hf and CLUENER .jsonl; "
                                        "Label Studio .json; CoNLL .conll/.bio/.tsv; brat .txt + .ann; spaCy .spacy), "
                                        "told apart by extension and content.")
    parser.add_argument("paths", nargs="+", metavar="PATH", type=Path, help="files or folders (read recursively)")
    parser.add_argument("--annotator", help="whose annotations the files hold")
    parser.add_argument("--create-labels", action="store_true", help="add labels the project does not have yet")
    parser.add_argument("--format", choices=sorted(READERS), help="read every file as this format")
    parser.add_argument("--max-size", type=int, metavar="MB", default=DEFAULT_MAX_SIZE // MB,
                        help="the most one file may be, or unpack to, in MB (default: %(default)s)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.annotator is not None:
        args.annotator = check_annotator(args.annotator)
        check_person(args.annotator)  # `--annotator gold` is refused: gold is written only by reviewers' decisions
    if args.max_size <= 0:
        raise Refused("--max-size is a number of megabytes, more than 0")
    _, sessions = open_project(args.db, new_project=say)
    options = ImportOptions(args.annotator, args.create_labels, args.format, args.max_size * MB,
                            acting_person(args))
    done = failed = 0
    for outcome in import_files(sessions.begin, files_to_import(args.paths, options), options):
        result = outcome.result
        if result is None:
            failed += 1
            error = outcome.error
            print(f"error: {error}\n  nothing imported from this file" if isinstance(error, InputErrors)
                  else f"error: {error} — nothing imported from this file", file=sys.stderr)
            continue
        done += 1
        known = f" ({result.documents_known} already in the project)" if result.documents_known else ""
        spans = f", {result.spans_added} spans" if result.spans_added or result.spans_known else ""
        again = f" ({result.spans_known} already there)" if result.spans_known else ""
        created = f"; new labels: {', '.join(result.labels_created)}" if result.labels_created else ""
        comments = f", {result.comments_added} comments" if result.comments_added else ""
        print(f"{outcome.path}: {result.documents_added} documents{known}{spans}{again}{comments}{created}")
        for note in outcome.notes:
            print(f"note: {note}", file=sys.stderr)
    print(f"{done} files imported, {failed} failed", file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0

