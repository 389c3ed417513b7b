"""``biaozhu import PATH...``: files or folders; each file is stored whole or not at all."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.formats import EXTENSIONS, READERS, read_file
from biaozhu.db.errors import storage_errors
from biaozhu.db.importing import store_documents
from biaozhu.db.project import open_project


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
    parser.set_defaults(run=run)


def _brat_text(path: Path) -> bool:
    """A .txt with an .ann beside it is read through its .ann (one brat document), not on its own."""
    return path.suffix.lower() == ".txt" and path.with_suffix(".ann").exists()


def collect(paths: list[Path], brat: bool = True) -> Iterator[Path]:
    """Named files as given; inside folders, the files whose extension biaozhu reads, sorted; a brat pair once
    (``brat``: a .txt with an .ann beside it is that .ann's document; off when a format is forced)."""
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS
                           and not (brat and _brat_text(p)) and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            found = [path.with_suffix(".ann") if brat and _brat_text(path) else path]
        for file in found:
            if file not in seen:
                seen.add(file)
                yield file


def run(args: argparse.Namespace) -> int:
    _, sessions = open_project(args.db)
    done = failed = 0
    for path in collect(args.paths, brat=args.format in (None, "brat")):
        try:
            if not path.exists():
                raise InputError(path, "no such file or folder")
            documents = read_file(path, args.annotator, args.format)
            with storage_errors(str(path)), sessions.begin() as session:
                result = store_documents(session, str(path), documents, create_labels=args.create_labels)
        except InputError as exc:
            failed += 1
            print(f"error: {exc} — nothing imported from this file", file=sys.stderr)
            continue
        done += 1
        known = f" ({result.documents_known} already in the project)" if result.documents_known else ""
        spans = f", {result.spans_added} spans" if result.spans_added or result.spans_known else ""
        again = f" ({result.spans_known} already there)" if result.spans_known else ""
        created = f"; new labels: {', '.join(result.labels_created)}" if result.labels_created else ""
        print(f"{path}: {result.documents_added} documents{known}{spans}{again}{created}")
        for note in (note for document in documents for note in document.notes):
            print(f"note: {note}", file=sys.stderr)
    print(f"{done} files imported, {failed} failed", file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0
