"""``biaozhu agreement``: inter-annotator agreement as a readable table or as JSON (the same figures)."""

from __future__ import annotations

import argparse
import sys

import orjson

from biaozhu.cli.language import cell, say
from biaozhu.corpus.agreement import (
    DISAGREEMENT_COUNTS,
    AgreementReport,
    PairAgreement,
    SpanCounts,
    measure_agreement,
)
from biaozhu.corpus.agreement_match import OUTSIDE
from biaozhu.corpus.agreement_summary import summarise
from biaozhu.db.agreement_history import record_agreement
from biaozhu.db.engine import READING, is_read_only
from biaozhu.db.errors import StorageError, storage_errors
from biaozhu.db.models import GOLD
from biaozhu.db.project import open_project
from biaozhu.db.review import iter_annotated


def _names(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("agreement", parents=[common], help="inter-annotator agreement: F1, kappa, alpha")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--annotators", type=_names, metavar="A,B,...",
                        help="compare only these, in this order (the first of a pair is the reference; "
                             "name gold to compare with the gold layer)")
    parser.add_argument("--labels", type=_names, metavar="L1,L2,...", help="count only spans with these labels")
    parser.set_defaults(run=run)


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _prf(counts: SpanCounts) -> str:
    return f"{_figure(counts.precision):>7} {_figure(counts.recall):>6} {_figure(counts.f1):>6}"


def _pair_lines(report: AgreementReport, pair: PairAgreement) -> list[str]:
    lines = [say("{a} (reference) vs {b}: {documents} documents both annotated, {characters} characters, "
                 "Cohen's kappa {kappa}", a=pair.a, b=pair.b, documents=pair.documents, characters=pair.characters,
                 kappa=_figure(pair.kappa)),
             f"  {cell(say('label'), 14)} {cell(say('exact P'), 7, True)} {'R':>6} {'F1':>6}   "
             f"{cell(say('overlap P'), 9, True)} {'R':>6} {'F1':>6}   {'kappa':>6}   {say('spans A/B')}"]
    rows = [(say("all"), pair.total("exact"), pair.total("overlap"), pair.kappa)]
    rows += [(label, pair.exact.get(label, SpanCounts()), pair.overlap.get(label, SpanCounts()),
              pair.label_kappa(label)) for label in report.labels]
    for label, exact, overlap, kappa in rows:
        lines.append(f"  {cell(label, 14)} {_prf(exact)}   {_prf(overlap):>23}   {_figure(kappa):>6}   "
                     f"{exact.in_a}/{exact.in_b}")
    if report.relation_types:  # a relation matches when both ends and its type are the same
        lines.append(f"  {cell(say('relation'), 14)} {cell(say('exact P'), 7, True)} {'R':>6} {'F1':>6}   "
                     f"{say('relations A/B')}")
        for kind, linked in [(say("all"), pair.total("relations")),
                             *((name, pair.relations.get(name, SpanCounts())) for name in report.relation_types)]:
            lines.append(f"  {cell(kind, 14)} {_prf(linked)}   {linked.in_a}/{linked.in_b}")
    counts = {kind: pair.disagreements.get(kind, 0) for kind in DISAGREEMENT_COUNTS}
    lines.append("  " + say("disagreements: boundary {boundary}, label {label}, boundary+label {both}, only {a} "
                            "{only_a}, only {b} {only_b}", boundary=counts["boundary"], label=counts["label"],
                            both=counts["boundary_label"], a=pair.a, only_a=counts["only_a"], b=pair.b,
                            only_b=counts["only_b"]))
    labels = [*report.labels, OUTSIDE]
    width = max(len(label) for label in labels) + 2
    lines.append("  " + say("confusion (rows {a}, columns {b}; {outside} = no span):", a=pair.a, b=pair.b,
                            outside=OUTSIDE))
    lines.append("  " + " " * width + "".join(f"{label:>{width}}" for label in labels))
    for row in labels:
        lines.append(f"  {row:<{width}}" + "".join(f"{pair.confusion.get((row, col), 0):>{width}}" for col in labels))
    return lines


def table(report: AgreementReport) -> str:
    lines = [say("{documents} documents annotated; annotators: {annotators}; labels: {labels}",
                 documents=report.documents, annotators=", ".join(report.annotators) or "-",
                 labels=", ".join(report.labels) or "-"),
             say("Krippendorff's alpha (nominal, characters, all annotators): {alpha} over {documents} documents "
                 "annotated by two or more, {characters} characters", alpha=_figure(report.alpha),
                 documents=report.alpha_documents, characters=report.alpha_characters)]
    for pair in report.pairs:
        lines += ["", *_pair_lines(report, pair)]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    engine, sessions = open_project(args.db)
    with storage_errors(), sessions() as session:
        session.connection(execution_options=READING)
        documents = iter_annotated(session, include_gold=GOLD in (args.annotators or ()), annotators=args.annotators)
        report = measure_agreement(documents, annotators=args.annotators, labels=args.labels)
    if args.format == "json":
        print(orjson.dumps(report.as_dict(), option=orjson.OPT_INDENT_2).decode())
    else:
        print(table(report))
    if args.annotators is None and args.labels is None and not is_read_only(engine):  # the project's figures
        try:
            with storage_errors(), sessions.begin() as session:
                record_agreement(session, summarise(report))
        except StorageError as exc:  # the figures are printed; only the history missed them
            print(f"biaozhu: the agreement history was not updated: {exc}", file=sys.stderr)
    return 0
