"""``biaozhu import PATH...``: files or folders; each file is stored whole or not at all
(:mod:`biaozhu.operations.importing`, which the app's Import… runs too)."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from biaozhu.cli.identity import acting_person
from biaozhu.cli.language import announce, say, tell
from biaozhu.corpus.errors import InputErrors, Refused
from biaozhu.corpus.formats import READERS
from biaozhu.corpus.formats.guard import DEFAULT_MAX_SIZE, MB
from biaozhu.corpus.names import check_annotator
from biaozhu.db.permissions import check_person
from biaozhu.db.project import open_project
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
    _, sessions = open_project(args.db, new_project=announce)
    options = ImportOptions(args.annotator, args.create_labels, args.format, args.max_size * MB,
                            acting_person(args))
    # An import makes a million short-lived spans and no reference cycles: reference counting frees them, and the
    # cyclic collector only walked them again and again (as in `biaozhu export`).
    gc.disable()
    try:
        return _import(args.paths, sessions, options)
    finally:
        gc.enable()


def _import(paths: list[Path], sessions: sessionmaker[Session], options: ImportOptions) -> int:
    """Each file's outcome as it comes, then how many were imported and how many failed."""
    done = failed = 0
    for outcome in import_files(sessions.begin, files_to_import(paths, options), options):
        result = outcome.result
        if result is None:
            failed += 1
            error = outcome.error
            print(say("error: {error}\n  nothing imported from this file" if isinstance(error, InputErrors)
                      else "error: {error} — nothing imported from this file", error=tell(str(error))), file=sys.stderr)
            continue
        done += 1
        parts = [say("{count} documents", count=result.documents_added)]
        if result.documents_known:
            parts[0] += say(" ({count} already in the project)", count=result.documents_known)
        if result.spans_added or result.spans_known:
            parts.append(say("{count} spans", count=result.spans_added))
        if result.spans_known:
            parts[-1] += say(" ({count} already there)", count=result.spans_known)
        if result.relations_added or result.relations_known:
            parts.append(say("{count} relations", count=result.relations_added))
        if result.relations_known:
            parts[-1] += say(" ({count} already there)", count=result.relations_known)
        if result.comments_added:
            parts.append(say("{count} comments", count=result.comments_added))
        created = say("; new labels: {names}", names=", ".join(result.labels_created)) if result.labels_created else ""
        if result.relation_types_created:
            created += say("; new relation types: {names}", names=", ".join(result.relation_types_created))
        print(f"{outcome.path}: {say(', ').join(parts)}{created}")
        for note in outcome.notes:
            print(say("note: {note}", note=tell(str(note))), file=sys.stderr)
    print(say("{done} files imported, {failed} failed", done=done, failed=failed),
          file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0

