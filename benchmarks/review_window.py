"""How review mode copes with a long report, next to the floor measured in the same run.

A 1 MB report (the seed reports repeated) annotated by two annotators with ~4,500 spans each, ~15% of them
disagreeing (missing, boundary, label), some of the spans linked (所属项目) and B missing some links, in a fresh
SQLite project, and with ``--documents`` (default 10,000) in a project of that many documents of 100 spans each
(1M spans: ``runs.generated_project``, kept in ``--cache`` between runs).
Measured: opening it in the review window (comparison, the agreed spans put into gold in bulk, the view shown and
painted; ``--opens`` times, each on a fresh copy of the project), a repaint of the view, one step to the next
disagreement, and ``--decisions`` decisions of each kind one by one (accept annotator 1 or 2, reject, take both,
move a boundary, relabel or take out a gold span, accept a relation, undo): its transaction, the gold in memory, the
list's row, the repaint, the step to the next open one.
Each decision's CPU time on the UI thread (``time.thread_time``: steadier than wall time on a busy machine), its
wall time, and the whole process's CPU time until the work it left to worker threads is done too (the change
token, word snapping's counts): median, 95th percentile and min–max.
The floors: the same text in a bare read-only QPlainTextEdit (set, shown, painted) and its repaint; for a
decision, one span inserted and committed by bare sqlite3 on a copy of the project (``long_report.py``'s floor).

Run: QT_QPA_PLATFORM=offscreen python benchmarks/review_window.py [--documents 10000] [--decisions 20] [--opens 5]
(goals: open < 3 s, repaint < 16 ms, a decision < 30 ms: issue 14)
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from long_report import floor_commit_times
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from runs import generated_project, load, spread
from sqlalchemy import Engine, select

from biaozhu.corpus.model import Relation, SourceDocument, Span
from biaozhu.corpus.spans import trim
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.importing import store_documents
from biaozhu.db.models import Document
from biaozhu.db.permissions import change_role
from biaozhu.db.project import initialise
from biaozhu.gui.common.project import OpenProject
from biaozhu.gui.review.window import ReviewWindow

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
LABELS = ["METRIC", "PROGRAM", "ORGANIZATION"]
LINK = "所属项目"  # METRIC → PROGRAM


def layers(text: str) -> tuple[list[Span], list[Span], list[Relation], list[Relation]]:
    """Annotator A's spans every 100–300 characters; B has the same, except 5% missing, 5% one character
    longer and 5% with the next label. A links a METRIC to the next PROGRAM both agree on; B only every other
    time."""
    random.seed(1)
    a: list[Span] = []
    b: list[Span] = []
    links_a: list[Relation] = []
    metric: Span | None = None
    at = 0
    while at < len(text) - 400:
        at += random.randint(100, 300)
        length = random.randint(2, 8)
        if "\n" in text[at:at + length + 1]:
            continue
        label = random.choice(LABELS)
        span = Span(at, at + length, label, text[at:at + length])
        a.append(span)
        roll = random.random()
        if roll < 0.05:
            pass
        elif roll < 0.10:
            b.append(Span(at, at + length + 1, label, text[at:at + length + 1]))
        elif roll < 0.15:
            b.append(Span(at, at + length, LABELS[(LABELS.index(label) + 1) % 3], span.text))
        else:
            b.append(span)
            if label == "METRIC":
                metric = span
            elif label == "PROGRAM" and metric is not None:
                links_a.append(Relation(metric, span, LINK))
                metric = None
        at += length + 1
    return a, b, links_a, links_a[::2]


def timed(step: Callable[[], object], repeat: int) -> tuple[list[float], list[float]]:
    """CPU (this thread) and wall milliseconds of each of ``repeat`` calls."""
    cpus, walls = [], []
    for _ in range(repeat):
        cpu, wall = time.thread_time(), time.perf_counter()
        step()
        cpus.append((time.thread_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    return cpus, walls


def shown(figures: tuple[list[float], list[float]]) -> str:
    return f"CPU {spread(figures[0])}, wall {spread(figures[1])}"


def store(path: Path, text: str) -> int:
    """The long report with both layers into the project at ``path`` (made when missing); its document id."""
    spans_a, spans_b, links_a, links_b = layers(text)
    fresh = not path.exists()
    engine = create_project_engine(str(path))
    with session_factory(engine).begin() as session:
        if fresh:
            initialise(session, with_seeds=False)
        for name, spans, links in (("张三", spans_a, links_a), ("李四", spans_b, links_b)):
            store_documents(session, name, [SourceDocument(name="long", text=text, source="", spans=spans,
                                                           annotator=name, relations=links)])
        change_role(session, "王五", "王五", "reviewer")
        long_id = session.scalar(select(Document.id).where(Document.name == "long"))
    engine.dispose()
    print(f"1 MB report, {len(spans_a)} and {len(spans_b)} spans, {len(links_a)} and {len(links_b)} links",
          flush=True)
    assert long_id is not None
    return long_id


def show_floor(app: QApplication, text: str, repeat: int) -> None:
    shown_in: list[QPlainTextEdit] = []

    def show_bare() -> None:
        bare = QPlainTextEdit()
        bare.resize(900, 860)
        bare.setPlainText(text)
        bare.show()
        app.processEvents()
        shown_in.append(bare)

    print(f"floor: bare QPlainTextEdit set + shown + painted     {shown(timed(show_bare, repeat))}")
    print(f"floor: bare QPlainTextEdit repaint                  {shown(timed(shown_in[-1].viewport().repaint, 20))}")
    for bare in shown_in:
        bare.close()
        bare.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def kind_of(window: ReviewWindow, number: int) -> str:
    """missing, boundary or label: what disagreement ``number`` is."""
    assert window.document is not None
    versions = [spans for spans in window.document.disagreements[number].versions.values() if spans]
    if len(versions) < 2:
        return "missing"
    return "label" if (versions[0][0].start, versions[0][0].end) == (versions[1][0].start, versions[1][0].end) \
        else "boundary"


def on_open(window: ReviewWindow, kinds: tuple[str, ...] = ("missing", "boundary", "label")
            ) -> Callable[[], bool]:
    """Go to the next open disagreement of one of these kinds (False: none left)."""
    def go() -> bool:
        document = window.document
        assert document is not None
        number = next((n for n in range(len(document.disagreements))
                       if document.is_open(n) and kind_of(window, n) in kinds), None)
        if number is not None:
            window.go_to_disagreement(number)
        return number is not None
    return go


def on_gold(window: ReviewWindow, used: set[int]) -> Callable[[], bool]:
    """Select an agreed gold span not used yet (by its start)."""
    def go() -> bool:
        document = window.document
        assert document is not None
        found = next((g for g in document.review.gold[len(used) * 7:] if g.origin is None and g.span.start not in used
                      and trim(document.text, g.span.start, g.span.end) == (g.span.start, g.span.end)), None)
        if found is not None:
            used.add(found.span.start)
            window.view.select_range(found.span.start, found.span.end)
        return found is not None
    return go


def on_link(window: ReviewWindow, links: list[Relation]) -> Callable[[], bool]:
    """Put the cursor on a link only annotator 1 made, list the relations there (R)."""
    def go() -> bool:
        if not links:
            return False
        relation = links.pop()
        window.view.select_range(relation.from_span.start, relation.from_span.end)
        window.relations.list_relations()
        return any(choice.annotator == "张三" and choice.relation == relation for choice in window.relations.choices)
    return go


def accept_link(window: ReviewWindow) -> None:
    window.relations.decide(next(n for n, choice in enumerate(window.relations.choices) if choice.annotator == "张三"))


Kind = tuple[str, Callable[[], bool], Callable[[], object]]


def decisions(window: ReviewWindow, links: list[Relation]) -> list[Kind]:
    """Each kind of decision: how to get to a place it applies to (not timed) and the decision (timed)."""
    decide, edits, used = window.decisions, window.gold_edits, set[int]()

    def accepted() -> bool:  # a decision to take back
        if on_open(window)():
            decide.accept_annotator(1)
            return True
        return False

    return [("accept 1", on_open(window), lambda: decide.accept_annotator(1)),
            ("accept 2 (the other label)", on_open(window, ("label",)), lambda: decide.accept_annotator(2)),
            ("reject", on_open(window), decide.reject),
            ("take both", on_open(window, ("boundary",)), decide.accept_all),
            ("move a boundary", on_open(window), lambda: decide.move_boundary(0, 1)),
            ("relabel a gold span", on_gold(window, used), lambda: edits.label_as("ORGANIZATION" if any(
                g.span.label != "ORGANIZATION" for g in edits._gold_at(*window.view.selection())) else "METRIC")),
            ("take a gold span out", on_gold(window, used), edits.take_out),
            ("accept a relation", on_link(window, links), lambda: accept_link(window)),
            ("undo", accepted, window.undo_stack.undo)]


def measure(app: QApplication, path: Path, text: str, repeat: int, opens: int) -> None:
    """The long report stored into the project at ``path`` (made when missing), then everything timed: the
    window opened ``opens`` times, each on a fresh copy of the project (the first opening puts the agreed spans
    into gold), the last one kept for the rest."""
    long_id = store(path, text)
    show_floor(app, text, opens)
    window: list[ReviewWindow] = []
    engines: list[Engine] = []
    projects: list[OpenProject] = []

    def open_window() -> None:
        window.append(ReviewWindow(projects[-1], "王五"))
        window[-1].resize(1500, 900)
        window[-1].show()
        if window[-1].document is None or window[-1].document.id != long_id:
            window[-1].open_document(long_id)
        app.processEvents()

    figures: tuple[list[float], list[float]] = ([], [])
    copies = [path.with_name(f"{path.stem}-open{run}.sqlite") for run in range(opens)]
    for run, copy in enumerate(copies):
        if run:  # the previous run's window and project, gone before the next one opens
            window[-1].close()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
            projects[-1].close()
            engines[-1].dispose()
            for left in path.parent.glob(f"{copies[run - 1].name}*"):  # with its -wal and -shm
                left.unlink()
        shutil.copy(path, copy)
        engines.append(create_project_engine(str(copy)))
        projects.append(OpenProject(session_factory(engines[-1])))  # kept: the window does not own it
        cpu, wall = timed(open_window, 1)
        figures[0].extend(cpu)
        figures[1].extend(wall)
    print(f"review window opened (agreed spans into gold)       {shown(figures)}", flush=True)
    path, project, engine = copies[-1], projects[-1], engines[-1]
    review = window[-1]
    assert review.document is not None
    print(f"  {len(review.document.disagreements)} disagreements, {len(review.document.review.gold)} gold spans")
    print(f"review view repaint                                 {shown(timed(review.view.viewport().repaint, 20))}")

    def step() -> None:
        review.step(True)
        app.processEvents()

    print(f"step to the next disagreement                       {shown(timed(step, 20))}")
    poller = project.poller
    poller.start()

    def settled() -> None:
        """The work the decision left to the poller's worker (reading the change token again), done."""
        while poller._reread.isActive():
            app.processEvents()
        poller._pool.waitForDone()
        app.processEvents()

    settled()
    relations = review.document.review.relations
    links = sorted(relations.get("张三", set()) - relations.get("李四", set()), key=lambda r: r.from_span.start)
    print(f"decisions, {repeat} of each one by one: UI thread CPU, wall, and the process's CPU until the work left to "
          "workers is done; median, p95 (min–max) ms")
    everything: tuple[list[float], list[float]] = ([], [])
    for name, prepare, act in decisions(review, links):
        times: tuple[list[float], list[float], list[float]] = ([], [], [])
        for _ in range(repeat):
            if not prepare():
                break
            settled()
            cpu, wall, process = time.thread_time(), time.perf_counter(), time.process_time()
            act()
            app.processEvents()
            times[0].append((time.thread_time() - cpu) * 1000)
            times[1].append((time.perf_counter() - wall) * 1000)
            settled()
            times[2].append((time.process_time() - process) * 1000)
        if not times[0]:
            print(f"  {name}: nothing to decide")
            continue
        everything[0].extend(times[0])
        everything[1].extend(times[1])
        print(f"  {name:<27} CPU {spread(times[0], tail=True)}  wall {spread(times[1], tail=True)}"
              f"  process {spread(times[2], tail=True)}", flush=True)
    print(f"  {'every kind':<27} CPU {spread(everything[0], tail=True)}  wall {spread(everything[1], tail=True)}")
    print(f"  floor: bare sqlite3 insert + commit, wall {spread(floor_commit_times(path, long_id, repeat)[0])}"
          " + the view's repaint (above)")
    review.close()
    poller.stop()
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000, help="the big project (0: only the small one)")
    parser.add_argument("--decisions", type=int, default=20, help="decisions of each kind timed one by one")
    parser.add_argument("--cache", type=Path, help="where the big project is built once and kept")
    parser.add_argument("--opens", type=int, default=5, help="openings of the window timed: median (min–max)")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("biaozhu-benchmark")
    QCoreApplication.setApplicationName("review")
    seed = "".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    text = (seed * (1_000_000 // len(seed) + 1))[:1_000_000]
    print(f"load average: {load()}")
    with tempfile.TemporaryDirectory() as folder:
        for documents in [0] + ([args.documents] if args.documents else []):
            path = Path(folder) / f"review-{documents}.sqlite"
            if documents:
                generated_project(path, documents, 100, args.cache)
            print("\nthe report alone" if not documents else
                  f"\nthe report in a project of {documents:,} documents, {documents * 100:,} spans", flush=True)
            measure(app, path, text, args.decisions, args.opens)
    print(f"load average: {load()}")


if __name__ == "__main__":
    main()
