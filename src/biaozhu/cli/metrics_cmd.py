"""``biaozhu metrics``: one row per METRIC span with its value and unit, as a table, JSON or CSV for Excel."""

from __future__ import annotations

import argparse
import csv
import io
import sys

import orjson

from biaozhu.cli.language import say
from biaozhu.db.errors import storage_errors
from biaozhu.db.metrics import METRIC, MetricRow, metric_rows
from biaozhu.db.project import open_project
from biaozhu.operations.outputs import STDOUT, output

COLUMNS = ("document_id", "document", "layer", "start", "end", "text", "value", "value_max", "unit", "qualifier",
           "parsed", "by_hand", "program", "organization")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("metrics", parents=[common], help="METRIC spans with their values and units",
                            description="One row per METRIC span: document, start, end (code points), text, value "
                                        "(the magnitude folded in: 377.178亿元 → 37717800000), value_max for ranges, "
                                        "unit, qualifier (exact, at_least, at_most, about, range), as stored with "
                                        "the span (computed when it was written, or set by hand: by_hand); parsed "
                                        "is false where the text is not a figure this parser is sure of and "
                                        "nobody set a value (`biaozhu spans set-value`); program and "
                                        "organization: the spans it is linked to (`biaozhu relations`), the "
                                        "organization through its program where it has none of its own.")
    parser.add_argument("--layer", help="one annotator's layer, or gold (default: every layer)")
    parser.add_argument("--label", default=METRIC, help=f"the label whose spans are figures (default: {METRIC})")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table", help="default: table")
    parser.add_argument("-o", "--output", default=STDOUT, help="file to write (default: standard output)")
    parser.set_defaults(run=run)


def record(row: MetricRow) -> dict[str, object]:
    return {"document_id": row.document_id, "document": row.document, "layer": row.layer, "start": row.start,
            "end": row.end, "text": row.text, "value": row.value, "value_max": row.value_max, "unit": row.unit,
            "qualifier": row.qualifier, "parsed": row.value is not None, "by_hand": row.by_hand,
            "program": row.program, "organization": row.organization}


def render(records: list[dict[str, object]], form: str) -> bytes:
    if form == "json":
        return orjson.dumps(records, option=orjson.OPT_INDENT_2) + b"\n"
    buffer = io.StringIO()
    if form == "csv":
        writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(records)
        return "\ufeff".encode() + buffer.getvalue().encode("utf-8")  # a BOM: Excel on Chinese Windows reads UTF-8
    buffer.write("\t".join(COLUMNS) + "\n")
    for item in records:
        buffer.write("\t".join("" if item[key] is None else str(item[key]) for key in COLUMNS) + "\n")
    return buffer.getvalue().encode("utf-8")


def run(args: argparse.Namespace) -> int:
    _, sessions = open_project(args.db)
    with storage_errors(), sessions() as session:
        records = [record(row) for row in metric_rows(session, args.layer, args.label)]
    with output(args.output) as handle:
        handle.write(render(records, args.format))
    unparsed = sum(1 for item in records if not item["parsed"])
    print(say("{count} {label} spans, {unparsed} not read as a figure", count=len(records), label=args.label,
              unparsed=unparsed), file=sys.stderr)
    return 0
