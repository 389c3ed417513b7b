"""``biaozhu stats``: where the project stands, per layer: documents by status, spans by label and by day; and how
many suggestions each engine made were accepted or rejected."""

from __future__ import annotations

import argparse
import csv
import io

import orjson

from biaozhu.cli.language import say
from biaozhu.db.errors import storage_errors
from biaozhu.db.project import open_project
from biaozhu.db.stats import DECISIONS, PROGRESS, ProjectStats, project_stats

CSV_COLUMNS = ("layer", "role", "figure", "key", "value")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("stats", parents=[common], help="progress, spans per label and per day, per layer",
                            description="Per layer (annotator or gold): documents not started, in progress, done, "
                                        "adjudicated; spans per label; spans added per day (UTC); per suggestion "
                                        "engine, its suggestions accepted, rejected and open. The app's statistics "
                                        "window shows the same figures.")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table", help="default: table")
    parser.set_defaults(run=run)


def table(stats: ProjectStats) -> str:
    lines = [say("{documents} documents, {characters} characters; labels: {labels}", documents=stats.documents,
                 characters=stats.characters, labels=", ".join(stats.labels) or "-"),
             "", "layer\trole\t" + "\t".join(PROGRESS) + "\tspans\t" + "\t".join(stats.labels)]
    for layer in stats.layers:
        lines.append("\t".join([layer.name, layer.role, *(str(layer.documents[s]) for s in PROGRESS),
                                str(layer.spans), *(str(layer.by_label.get(label, 0)) for label in stats.labels)]))
    days = stats.days()
    if days:
        lines += ["", "spans per day\t" + "\t".join(layer.name for layer in stats.layers)]
        lines += [day + "\t" + "\t".join(str(layer.by_day.get(day, 0)) for layer in stats.layers) for day in days]
    if stats.suggestions:
        lines += ["", "suggestions\t" + "\t".join(DECISIONS) + "\taccepted share"]
        for engine, counts in stats.suggestions.items():
            decided = counts["accepted"] + counts["rejected"]
            share = f"{counts['accepted'] / decided:.0%}" if decided else "-"
            lines.append("\t".join([engine, *(str(counts[d]) for d in DECISIONS), share]))
    return "\n".join(lines)


def rows(stats: ProjectStats) -> list[tuple[str, str, str, str, int]]:
    """One figure a row: long form, which a spreadsheet pivots as it likes."""
    out = []
    for layer in stats.layers:
        out += [(layer.name, layer.role, "documents", status, layer.documents[status]) for status in PROGRESS]
        out += [(layer.name, layer.role, "spans", label, count) for label, count in sorted(layer.by_label.items())]
        out += [(layer.name, layer.role, "spans_per_day", day, count) for day, count in sorted(layer.by_day.items())]
    for engine, counts in stats.suggestions.items():
        out += [("suggestions", "", f"suggestions_{decision}", engine, counts[decision]) for decision in DECISIONS]
    return out


def run(args: argparse.Namespace) -> int:
    _, sessions = open_project(args.db)
    with storage_errors(), sessions() as session:
        stats = project_stats(session)
    if args.format == "json":
        print(orjson.dumps(stats.as_dict(), option=orjson.OPT_INDENT_2).decode())
    elif args.format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows(rows(stats))
        print(buffer.getvalue(), end="")
    else:
        print(table(stats))
    return 0
