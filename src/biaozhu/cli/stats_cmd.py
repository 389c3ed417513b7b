"""``biaozhu stats``: where the project stands, per layer: documents by status, spans by label and by day, time
spent by day; agreement over time; how many suggestions each engine made were accepted or rejected; with
``--documents`` a page of the documents × layers progress matrix."""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Callable
from typing import Any

import orjson

from biaozhu.cli.language import say
from biaozhu.db.errors import storage_errors
from biaozhu.db.progress import PAGE, MatrixPage, progress_page
from biaozhu.db.project import open_project
from biaozhu.db.stats import DECISIONS, PROGRESS, LayerStats, ProjectStats, duration, project_stats

CSV_COLUMNS = ("layer", "role", "figure", "key", "value")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("stats", parents=[common], help="progress, spans per label and per day, time spent",
                            description="Per layer (annotator or gold): documents not started, in progress, done, "
                                        "adjudicated; spans per label; spans added per day (UTC); time spent with "
                                        "documents open, per day; the agreement (F1, kappa) each time it was "
                                        "measured; per suggestion engine, its suggestions accepted, rejected and "
                                        "open. The app's statistics window shows the same figures.")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table", help="default: table")
    parser.add_argument("--documents", action="store_true",
                        help="also the progress matrix: per document and layer its status, spans and time spent")
    parser.add_argument("--offset", type=int, default=0, metavar="N", help="matrix from the N-th document (0)")
    parser.add_argument("--limit", type=int, default=PAGE, metavar="N", help="matrix documents (default %(default)s)")
    parser.set_defaults(run=run)


def figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def columns(*names: str) -> str:
    """A table's heading in the user's language (a label's or layer's name stays as it is)."""
    return "\t".join(say(name) for name in names)


def table(stats: ProjectStats, matrix: MatrixPage | None = None) -> str:
    lines = [say("{documents} documents, {characters} characters; labels: {labels}", documents=stats.documents,
                 characters=stats.characters, labels=", ".join(stats.labels) or "-"),
             "", "\t".join([columns("layer", "role", *PROGRESS, "spans"), *stats.labels, say("time")])]
    for layer in stats.layers:
        lines.append("\t".join([layer.name, layer.role, *(str(layer.documents[s]) for s in PROGRESS),
                                str(layer.spans), *(str(layer.by_label.get(label, 0)) for label in stats.labels),
                                duration(layer.seconds)]))
    per_day: list[tuple[str, list[str], Callable[[LayerStats], dict[str, int]], Callable[[int], str]]] = [
        ("spans per day", stats.days(), lambda layer: layer.by_day, str),
        ("time spent per day", stats.work_days(), lambda layer: layer.seconds_by_day, duration)]
    for title, days, figure_of, shown in per_day:
        if days:
            lines += ["", say(title) + "\t" + "\t".join(layer.name for layer in stats.layers)]
            lines += [day + "\t" + "\t".join(shown(figure_of(layer).get(day, 0)) for layer in stats.layers)
                      for day in days]
    if stats.agreement:
        lines += ["", columns("agreement over time (UTC)", "F1", "kappa", "documents", "relation F1")]
        lines += [f"{s.at:%Y-%m-%d %H:%M}\t{figure(s.f1)}\t{figure(s.kappa)}\t{s.documents}\t{figure(s.relation_f1)}"
                  for s in stats.agreement]
    if stats.suggestions:
        lines += ["", columns("suggestions", *DECISIONS, "accepted share")]
        for engine, counts in stats.suggestions.items():
            decided = counts["accepted"] + counts["rejected"]
            share = f"{counts['accepted'] / decided:.0%}" if decided else "-"
            lines.append("\t".join([engine, *(str(counts[d]) for d in DECISIONS), share]))
    if matrix is not None:
        names = [layer.name for layer in stats.layers]
        lines += ["", say("documents {first}–{last} of {total}: status / spans / time per layer",
                          first=matrix.offset + 1, last=matrix.offset + len(matrix.rows), total=matrix.total),
                  "\t".join([columns("id", "document"), *names])]
        for row in matrix.rows:
            cells = [row.cell(name) for name in names]
            lines.append(f"{row.document_id}\t{row.name}\t" + "\t".join(
                f"{say(cell.status)} / {cell.spans} / {duration(cell.seconds)}" for cell in cells))
    return "\n".join(lines)


def rows(stats: ProjectStats, matrix: MatrixPage | None = None) -> list[tuple[str, str, str, str, Any]]:
    """One figure a row: long form, which a spreadsheet pivots as it likes."""
    out: list[tuple[str, str, str, str, Any]] = []
    for layer in stats.layers:
        out += [(layer.name, layer.role, "documents", status, layer.documents[status]) for status in PROGRESS]
        out += [(layer.name, layer.role, "spans", label, count) for label, count in layer.by_label.items()]
        out += [(layer.name, layer.role, "spans_per_day", day, count) for day, count in layer.by_day.items()]
        out += [(layer.name, layer.role, "seconds_per_day", day, n) for day, n in layer.seconds_by_day.items()]
    for snapshot in stats.agreement:
        at = snapshot.as_dict()["at"]
        out += [("", "", "agreement_f1", at, snapshot.f1), ("", "", "agreement_kappa", at, snapshot.kappa),
                ("", "", "agreement_documents", at, snapshot.documents),
                ("", "", "agreement_relation_f1", at, snapshot.relation_f1)]
    for engine, counts in stats.suggestions.items():
        out += [("suggestions", "", f"suggestions_{decision}", engine, counts[decision]) for decision in DECISIONS]
    roles = {layer.name: layer.role for layer in stats.layers}
    for row in matrix.rows if matrix is not None else ():
        for name, cell in row.cells.items():
            key = f"{row.document_id} {row.name}"
            out += [(name, roles.get(name, ""), "document_status", key, cell.status),
                    (name, roles.get(name, ""), "document_spans", key, cell.spans),
                    (name, roles.get(name, ""), "document_seconds", key, cell.seconds)]
    return out


def figures(stats: ProjectStats, matrix: MatrixPage | None) -> dict[str, Any]:
    """The JSON: the window's figures, and the matrix page when asked for."""
    out = stats.as_dict()
    if matrix is not None:
        out["matrix"] = {"offset": matrix.offset, "total": matrix.total, "rows": [r.as_dict() for r in matrix.rows]}
    return out


def run(args: argparse.Namespace) -> int:
    _, sessions = open_project(args.db)
    with storage_errors(), sessions() as session:
        stats = project_stats(session)
        matrix = progress_page(session, args.offset, args.limit) if args.documents else None
    if args.format == "json":
        print(orjson.dumps(figures(stats, matrix), option=orjson.OPT_INDENT_2).decode())
    elif args.format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows(rows(stats, matrix))
        print(buffer.getvalue(), end="")
    else:
        print(table(stats, matrix))
    return 0
