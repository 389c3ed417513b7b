"""How good the suggestions are on a report no engine has seen, and how long the model takes (issue 15).

Quality: for each seed report in turn, the dictionary and the model learn from the other report's reference spans
(``benchmarks/reference``, tagged by hand), and the suggestions on this report are scored against its reference
(exact matches: same start, end and label), per label and overall, for the rules alone, the dictionary alone, the
model alone and the three together (what ``biaozhu suggest`` and the window use). Aim: METRIC F1 ≥ 0.85 and overall
F1 ≥ 0.65 with the model.

Speed: a text of 1 MB and one of 5 MB (the seed reports over and over, with their reference spans): training the
model on it (at most :data:`TRAINING_BUDGET` characters are read) and suggesting on the whole text with all three
engines, next to the floor the model's features need: jieba's segmentation of the same text.

In a project: what Suggest ▸ does before its first suggestion (the training layers' span texts read and the
dictionary learned) and then on the 1 MB text with the rules and that dictionary, in a generated project of 4
documents and in one of ``--documents`` (default 10,000 of 100 spans: 1M span texts to learn; ``--cache DIR``
builds it once), every document marked done so that all its spans teach. The floor: sqlite3 reading the same
(text, label) rows into a Counter.

Every figure is the median of ``--repeat`` runs (min–max); about 10 minutes on a quiet 2-core machine.

    python benchmarks/suggestions.py [--sizes 1,5] [--repeat 5] [--documents 10000] [--cache DIR]
                                     [--skip-speed] [--skip-quality] [--skip-project]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from runs import both, generated_project, load, seconds

from biaozhu.corpus.crf import TRAINING_BUDGET, Model, train
from biaozhu.corpus.formats.doccano import read_doccano
from biaozhu.corpus.model import SourceDocument, Span
from biaozhu.corpus.suggestions import DICTIONARY, MODEL, RULES, Dictionary, Example, Score, evaluate, suggest
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.suggestions import Planner
from biaozhu.operations.model import segmenter

REFERENCE = Path(__file__).resolve().parent / "reference"
LABELS = ["PROGRAM", "METRIC", "ORGANIZATION"]
ENGINE_SETS = ([RULES], [DICTIONARY], [MODEL], [RULES, DICTIONARY, MODEL])


def references() -> list[SourceDocument]:
    return [read_doccano(path, "reference")[0] for path in sorted(REFERENCE.glob("*.jsonl"))]


def short(document: SourceDocument) -> str:
    return document.name.removesuffix(".txt")[5:7]  # 吉林, 泸州


def f1(score: Score | None) -> str:
    return "-" if score is None or score.f1 is None else f"{score.f1:.3f}"


def quality(documents: Sequence[SourceDocument]) -> None:
    print("F1 on a report no engine has seen (exact matches; precision/recall of all three together below)")
    print(f"{'trained → scored':<18}{'engines':<28}" + "".join(f"{label:>14}" for label in [*LABELS, "all"]))
    for learned in documents:
        for scored in documents:
            if scored is learned:
                continue
            dictionary = Dictionary.learn(learned.spans)
            model = Model(train([Example(learned.text, learned.spans)], LABELS, segmenter())[0])

            def propose(text: str, candidates: Sequence, model: Model = model) -> list:  # type: ignore[type-arg]
                return model.suggest(text, segmenter(), LABELS, candidates)

            for engines in ENGINE_SETS:
                found = suggest(scored.text, engines, dictionary, LABELS, propose)
                scores = evaluate([([s.as_span(scored.text) for s in found], scored.spans)])
                print(f"{short(learned) + ' → ' + short(scored):<18}{' + '.join(engines):<28}"
                      + "".join(f"{f1(scores.get(label)):>14}" for label in [*LABELS, "all"]))
            every = scores["all"]
            print(f"{'':<18}{'(all three: precision / recall)':<28}{every.precision or 0:>14.3f}"
                  f"{every.recall or 0:>14.3f}  of {every.expected} reference spans")


def repeated(documents: Sequence[SourceDocument], size: int) -> tuple[str, list[Span]]:
    """The reports one after another until ``size`` characters, with their spans."""
    parts: list[str] = []
    spans: list[Span] = []
    at = 0
    while at < size:
        for document in documents:
            spans += [Span(s.start + at, s.end + at, s.label, s.text) for s in document.spans]
            parts.append(document.text + "\n")
            at += len(document.text) + 1
    return "".join(parts), spans


def wall_and_cpu(work: Callable[[], object], repeat: int) -> tuple[str, object]:
    """Wall-clock seconds (CPU seconds of this process in brackets: the machine may be busy with others), the
    medians of ``repeat`` runs with the CPU min–max; and what the work returned."""
    kept: list[object] = []
    walls, cpus = both(lambda: kept.append(work()), repeat)
    return (f"{statistics.median(walls):.1f}s ({statistics.median(cpus):.1f} CPU, {min(cpus):.1f}–{max(cpus):.1f})",
            kept[-1])


def speed(documents: Sequence[SourceDocument], sizes: Sequence[int], repeat: int) -> None:
    print(f"\nTraining (at most {TRAINING_BUDGET:,} characters read) and suggesting with all three engines "
          f"(medians of {repeat}, load {os.getloadavg()[0]:.1f})")
    print(f"{'text':>8}{'train':>30}{'suggest':>30}{'suggestions':>13}{'floor: jieba':>30}")
    words = segmenter()
    for megabytes in sizes:
        text, spans = repeated(documents, megabytes * 1_000_000)
        trained, result = wall_and_cpu(lambda: train([Example(text, spans)], LABELS, words), repeat)  # noqa: B023
        assert isinstance(result, tuple)
        model = Model(result[0])
        dictionary = Dictionary.learn(spans)

        def propose(piece: str, candidates: Sequence, model: Model = model) -> list:  # type: ignore[type-arg]
            return model.suggest(piece, words, LABELS, candidates)

        suggesting, found = wall_and_cpu(lambda: suggest(text, [RULES, DICTIONARY, MODEL], dictionary, LABELS,  # noqa: B023
                                                    propose), repeat)
        floor, _ = wall_and_cpu(lambda: words(text), repeat)  # noqa: B023
        assert isinstance(found, list)
        print(f"{megabytes:>6} MB{trained:>30}{suggesting:>30}{len(found):>13,}{floor:>30}", flush=True)


TRAINING_ROWS = ("SELECT s.text, l.name FROM spans s JOIN labels l ON l.id = s.label_id JOIN document_status d "
                 "ON d.document_id = s.document_id AND d.annotator_id = s.annotator_id "
                 "WHERE d.status IN ('done', 'adjudicated')")


def in_project(path: Path, text: str, repeat: int) -> None:
    """Suggest ▸'s preparation in the project at ``path`` (every document marked done first) next to its floor,
    then the rules and the learned dictionary on ``text``."""
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT OR IGNORE INTO document_status (document_id, annotator_id, status, updated_at) "
                           "SELECT id, 1, 'done', '2026-01-01 00:00:00' FROM documents")
        documents, spans = connection.execute("SELECT (SELECT count(*) FROM documents), count(*) FROM spans").fetchone()
    engine = create_project_engine(str(path))
    sessions = session_factory(engine)
    planners: list[Planner] = []

    def prepare() -> None:
        with sessions() as session:
            planners.append(Planner(session, [RULES, DICTIONARY]))

    def floor() -> None:
        with sqlite3.connect(path) as connection:
            Counter(connection.execute(TRAINING_ROWS))

    ours, ours_cpu = both(prepare, repeat)
    theirs, theirs_cpu = both(floor, repeat)
    planner = planners[-1]
    planner.plan(0, text[:1000])  # jieba's dictionary loads at the first rule: the window has it already
    suggesting, _ = both(lambda: planner.plan(0, text), repeat)
    engine.dispose()
    ratio = statistics.median(ours) / statistics.median(theirs)
    print(f"{f'{documents:,} documents, {spans:,} spans':<34}{len(planner.dictionary):>10,}{seconds(ours):>26}"
          f"{seconds(theirs):>26}{ratio:>7.2f}×{seconds(suggesting):>24}", flush=True)
    print(f"{'':<44}{'CPU ' + seconds(ours_cpu):>26}{'CPU ' + seconds(theirs_cpu):>26}", flush=True)


def projects(documents: Sequence[SourceDocument], big: int, cache: Path | None, repeat: int) -> None:
    text, _ = repeated(documents, 1_000_000)
    print(f"\nSuggest ▸ in a project: the training layers' span texts read and learned (floor: sqlite3 reading the "
          f"same rows into a Counter), then the rules and the dictionary on the 1 MB text; medians of {repeat} "
          f"(min–max), load {load()}")
    print(f"{'project':<34}{'learned':>10}{'prepare':>26}{'floor':>26}{'ratio':>8}{'rules + dictionary':>24}")
    with tempfile.TemporaryDirectory(prefix="biaozhu-bench-") as folder:
        for count in (4, big) if big else (4,):
            in_project(generated_project(Path(folder) / f"project-{count}.sqlite", count, 100,
                                         cache if count == big else None), text, repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1", help="text sizes in MB for the speed figures")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-project", action="store_true")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each timing: median (min–max)")
    parser.add_argument("--documents", type=int, default=10_000, help="the big project (0: only the small one)")
    parser.add_argument("--cache", type=Path, help="build the big project here once and copy it on later runs")
    args = parser.parse_args()
    documents = references()
    if not args.skip_quality:
        quality(documents)
    if not args.skip_speed:
        speed(documents, [int(size) for size in args.sizes.split(",")], args.repeat)
    if not args.skip_project:
        projects(documents, args.documents, args.cache, args.repeat)


if __name__ == "__main__":
    main()
