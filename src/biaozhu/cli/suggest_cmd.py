"""``biaozhu suggest``: the rules, the project's dictionary and the model learned from the project's spans propose
spans into the ``suggestions`` layer; ``biaozhu suggest eval`` scores them against a layer on held-out documents."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import select

from biaozhu.cli.language import cell, say, tell
from biaozhu.corpus.crf import Model, train
from biaozhu.corpus.errors import Refused
from biaozhu.corpus.model import Span
from biaozhu.corpus.suggestions import DICTIONARY, ENGINES, MODEL, RULES, Dictionary, Score, evaluate, suggest
from biaozhu.db.errors import storage_errors
from biaozhu.db.models import Annotator, Label
from biaozhu.db.models import Span as SpanRow
from biaozhu.db.project import open_project
from biaozhu.db.suggestions import documents_to_suggest, training_examples, training_texts, write_suggestions
from biaozhu.operations.model import NOTHING_TO_LEARN, load_model, proposer, segmenter, train_in_process


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("suggest", parents=[common], help="propose spans into the suggestions layer",
                            description="Rules (figures with units, quoted programmes, organisation names), the "
                                        "project's dictionary (every span text proposes the same text elsewhere) "
                                        "and a model learned from the project's spans (trained first, in another "
                                        "process) write the suggestions layer, which no export, review or agreement "
                                        "uses unless it is named (export --layer suggestions).")
    parser.add_argument("--from", dest="layers", help="layers the dictionary and the model learn from, "
                                                      "comma-separated (default: gold and every annotator's "
                                                      "documents marked done)")
    parser.add_argument("--documents", default="all", help="all, or document ids, comma-separated")
    parser.add_argument("--engines", default=",".join(ENGINES), help=f"comma-separated: {', '.join(ENGINES)}")
    parser.set_defaults(run=run)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    scored = actions.add_parser("eval", parents=[common], help="precision, recall and F1 on held-out documents",
                                description="Learns from LAYER's spans on every other document, suggests on the "
                                            "test documents and scores the suggestions against LAYER's spans there, "
                                            "per label, for the rules, the dictionary and the model alone, and "
                                            "together.")
    scored.add_argument("--from", dest="layers", required=True, metavar="LAYER", help="the reference layer")
    scored.add_argument("--test", required=True, nargs="+", type=int, metavar="DOCUMENT_ID",
                        help="documents held out")
    scored.set_defaults(run=run_eval)


def _engines(value: str) -> list[str]:
    chosen = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in ENGINES]
    if unknown or not chosen:
        raise Refused(f"--engines takes {', '.join(ENGINES)}, not {value!r}")
    return chosen


def _documents(value: str) -> set[int] | None:
    if value == "all":
        return None
    try:
        return {int(part) for part in value.split(",")}
    except ValueError:
        raise Refused(f"--documents takes all or document ids, not {value!r}") from None


def run(args: argparse.Namespace) -> int:
    engines = _engines(args.engines)
    documents = _documents(args.documents)
    layers = [name.strip() for name in args.layers.split(",")] if args.layers else None
    engine, sessions = open_project(args.db)
    model = None
    if MODEL in engines:
        print(tell(train_in_process(engine.url, layers).sentence))
        model = load_model(engine.url)
    with storage_errors(), sessions.begin() as session:
        result = write_suggestions(session, engines, layers=layers, documents=documents, model=proposer(model))
    print(say("{count} suggestions in {documents} documents (the dictionary knew {learned} span texts); "
              "`biaozhu export --layer suggestions` writes them", count=result.suggestions,
              documents=result.documents, learned=result.learned))
    return 0


def _line(name: str, score: Score) -> str:
    def shown(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    return (f"  {cell(say(name) if name == 'all' else name, 14)}{shown(score.precision):>10}"
            f"{shown(score.recall):>10}{shown(score.f1):>10}{score.expected:>10}")


def run_eval(args: argparse.Namespace) -> int:
    layer = args.layers
    _, sessions = open_project(args.db)
    with storage_errors(), sessions() as session:
        if session.scalar(select(Annotator.id).where(Annotator.name == layer)) is None:
            raise Refused(f"there is no layer {layer}")
        dictionary = Dictionary(training_texts(session, [layer], excluded=args.test))
        labels = list(session.scalars(select(Label.name).order_by(Label.position)))
        examples = training_examples(session, [layer], excluded=args.test)
        texts = dict(documents_to_suggest(session, set(args.test)))
        missing = sorted(set(args.test) - texts.keys())
        if missing:
            raise Refused(f"there is no document {missing[0]}")
        truth = {doc: [Span(*row) for row in session.execute(
            select(SpanRow.start, SpanRow.end, Label.name, SpanRow.text).join(Label)
            .join(Annotator, Annotator.id == SpanRow.annotator_id)
            .where(SpanRow.document_id == doc, Annotator.name == layer))] for doc in texts}
    model = proposer(Model(train(examples, labels, segmenter())[0]), labels) if examples else None
    print(say("scored against {layer} on documents {documents} (exact matches)", layer=layer,
              documents=", ".join(map(str, sorted(texts)))))
    if model is None:
        print(tell(NOTHING_TO_LEARN))
    for engines in ([RULES], [DICTIONARY], [MODEL], [RULES, DICTIONARY], [RULES, DICTIONARY, MODEL]):
        if MODEL in engines and model is None:
            continue
        scores = evaluate((([s.as_span(text) for s in suggest(text, engines, dictionary, labels, model)], truth[doc])
                           for doc, text in texts.items()))
        print(f"{' + '.join(engines)}:")
        print(f"  {cell(say('label'), 14)}" + "".join(cell(say(name), 10, right=True)
                                                       for name in ("precision", "recall", "F1", "spans")))
        for name, score in scores.items():
            print(_line(name, score))
    sys.stdout.flush()
    return 0
