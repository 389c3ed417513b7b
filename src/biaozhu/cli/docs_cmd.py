"""``biaozhu docs``: the documents with span counts and status per annotator."""

from __future__ import annotations

import argparse

from biaozhu.cli.language import say
from biaozhu.db.documents import list_documents
from biaozhu.db.errors import storage_errors
from biaozhu.db.project import open_project


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("docs", parents=[common], help="list documents with span counts per annotator")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    _, sessions = open_project(args.db)
    with storage_errors(), sessions() as session:
        documents = list_documents(session)
    print("id\tlength\tname\tspans by annotator")
    for doc in documents:
        layers = sorted(set(doc.span_counts) | set(doc.statuses))
        per = ", ".join(f"{who} {doc.span_counts.get(who, 0)}"
                        + (f" ({doc.statuses[who]})" if who in doc.statuses else "") for who in layers)
        print(f"{doc.id}\t{doc.length}\t{doc.name}\t{per or '-'}")
    print(say("{documents} documents, {spans} spans", documents=len(documents),
              spans=sum(sum(d.span_counts.values()) for d in documents)))
    return 0
