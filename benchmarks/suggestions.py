"""How good the suggestions are on a report no engine has seen, and how long the model takes (issue 15).

Quality: for each seed report in turn, the dictionary and the model learn from the other report's reference spans
(``benchmarks/reference``, tagged by hand), and the suggestions on this report are scored against its reference
(exact matches: same start, end and label), per label and overall, for the rules alone, the dictionary alone, the
model alone and the three together (what ``biaozhu suggest`` and the window use). Aim: METRIC F1 ≥ 0.85 and overall
F1 ≥ 0.65 with the model.

Speed: a text of 1 MB and one of 5 MB (the seed reports over and over, with their reference spans): training the
model on it (at most :data:`TRAINING_BUDGET` characters are read) and suggesting on the whole text with all three
engines, next to the floor the model's features need: jieba's segmentation of the same text.

    python benchmarks/suggestions.py [--sizes 1,5] [--repeat 5] [--skip-speed] [--skip-quality]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from biaozhu.corpus.crf import TRAINING_BUDGET, Model, train
from biaozhu.corpus.formats.doccano import read_doccano
from biaozhu.corpus.model import SourceDocument, Span
from biaozhu.corpus.suggestions import DICTIONARY, MODEL, RULES, Dictionary, Example, Score, evaluate, suggest
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
            dictionary = Dictionary(learned.spans)
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


def seconds(work: Callable[[], object], repeat: int = 1) -> tuple[str, object]:
    """Wall-clock seconds (CPU seconds of this process in brackets: the machine may be busy with others); with
    ``repeat``, the medians of that many runs with min–max."""
    walls, cpus = [], []
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        value = work()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    if repeat == 1:
        return f"{walls[0]:.1f}s ({cpus[0]:.1f})", value
    return (f"{statistics.median(walls):.1f}s ({statistics.median(cpus):.1f} CPU, {min(cpus):.1f}–{max(cpus):.1f})",
            value)


def speed(documents: Sequence[SourceDocument], sizes: Sequence[int], repeat: int) -> None:
    print(f"\nTraining (at most {TRAINING_BUDGET:,} characters read) and suggesting with all three engines "
          f"(suggest and floor: medians of {repeat}, load {os.getloadavg()[0]:.1f})")
    print(f"{'text':>8}{'train':>16}{'suggest':>30}{'suggestions':>13}{'floor: jieba':>30}")
    words = segmenter()
    for megabytes in sizes:
        text, spans = repeated(documents, megabytes * 1_000_000)
        trained, (data, _) = seconds(lambda: train([Example(text, spans)], LABELS, words))  # noqa: B023
        model = Model(data)
        dictionary = Dictionary(spans)

        def propose(piece: str, candidates: Sequence, model: Model = model) -> list:  # type: ignore[type-arg]
            return model.suggest(piece, words, LABELS, candidates)

        suggesting, found = seconds(lambda: suggest(text, [RULES, DICTIONARY, MODEL], dictionary, LABELS,  # noqa: B023
                                                    propose), repeat)
        floor, _ = seconds(lambda: words(text), repeat)  # noqa: B023
        assert isinstance(found, list)
        print(f"{megabytes:>6} MB{trained:>16}{suggesting:>30}{len(found):>13,}{floor:>30}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,5", help="text sizes in MB for the speed figures")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each suggest and floor timing")
    args = parser.parse_args()
    documents = references()
    if not args.skip_quality:
        quality(documents)
    if not args.skip_speed:
        speed(documents, [int(size) for size in args.sizes.split(",")], args.repeat)


if __name__ == "__main__":
    main()
