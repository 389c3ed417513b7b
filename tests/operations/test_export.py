"""The export as one headless operation (what ``biaozhu export`` and the export dialog both run): progress,
cancel and refusals leave no partial file, and the preview shows what the export writes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from biaozhu.corpus.model import SourceDocument
from biaozhu.corpus.nesting import NestedSpansRefused
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.labels import add_label
from biaozhu.db.models import REJECTED, SUGGESTIONS, Document, Label, Span
from biaozhu.db.spans import add_span
from biaozhu.operations.export import ExportCancelled, ExportRequest, run_export
from biaozhu.operations.preview import preview
from export_project import DOCUMENTS, NESTED, SOURCE, build_project


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(tmp_path_factory.mktemp("export") / "project.sqlite")


@pytest.fixture
def session(project: Path) -> Iterator[Session]:
    engine = create_project_engine(str(project))
    with session_factory(engine)() as opened:
        yield opened
    engine.dispose()


def test_progress_counts_every_document_and_the_summary_counts_dropped_spans(session: Session, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    out = tmp_path / "alice.conll"
    summary = run_export(session, ExportRequest(format="conll", target=str(out), layer="alice"),
                         progress=lambda done, total: seen.append((done, total)))
    sentences = [part for part in out.read_text("utf-8").split("\n\n") if part.strip()]
    assert (summary.documents, summary.records, summary.dropped) == (DOCUMENTS, len(sentences), NESTED)
    assert len(sentences) > DOCUMENTS  # a record is a sentence
    assert summary.files == [str(out)] and "𠮷\tB-ORGANIZATION" in out.read_text("utf-8")
    assert seen[-1] == (DOCUMENTS, DOCUMENTS)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_a_cancelled_export_writes_nothing(session: Session, tmp_path: Path) -> None:
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1  # after the first document

    with pytest.raises(ExportCancelled):
        run_export(session, ExportRequest(format="jsonl", target=str(tmp_path / "out.jsonl")), cancelled=cancelled)
    assert list(tmp_path.iterdir()) == []  # no file, no temporary file


@pytest.mark.parametrize("fmt", ["conll", "brat"])
def test_a_refused_split_leaves_no_part_behind(session: Session, tmp_path: Path, fmt: str) -> None:
    request = ExportRequest(format=fmt, target=str(tmp_path / "data"), layer="alice", split="0.34,0.33,0.33",
                            seed=3, nested="refuse")
    with pytest.raises(NestedSpansRefused):
        run_export(session, request)
    assert list(tmp_path.iterdir()) == []  # parts written before the refusal are gone too


def test_a_split_writes_all_parts_and_says_how_many_documents_each_holds(session: Session, tmp_path: Path) -> None:
    out = tmp_path / "data.jsonl"
    summary = run_export(session, ExportRequest(target=str(out), layer="alice", split="0.34,0.33,0.33", seed=3))
    parts = [tmp_path / f"data-{part}.jsonl" for part in ("train", "dev", "test")]
    assert summary.files == [str(p) for p in parts] and sum(summary.parts.values()) == DOCUMENTS
    assert [len(p.read_bytes().splitlines()) for p in parts] == list(summary.parts.values())


def test_the_preview_is_the_start_of_the_export(session: Session, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run_export(session, ExportRequest(target=str(out)))
    lines = out.read_text("utf-8").splitlines()
    assert preview(session, ExportRequest(), limit=2).splitlines() == lines[:2]  # the texts are short


def test_the_preview_takes_the_first_documents_only(session: Session) -> None:
    text = preview(session, ExportRequest(format="conll", layer="alice", scheme="bioes", with_text=True), limit=1)
    assert text.startswith('# document = {"id":1,')
    assert "泸\tB-ORGANIZATION" in text and "行\tE-ORGANIZATION" in text and '"id":2' not in text


def test_the_preview_shortens_long_strings_and_keeps_the_spans(session: Session) -> None:
    record = orjson.loads(preview(session, ExportRequest(format="jsonl", layer="alice", sentences=False), limit=1))
    assert len(record["text"]) < 120 or "more characters" in record["text"]
    assert [0, 2, "ORGANIZATION"] in record["label"]


def test_the_spacy_preview_is_a_readable_summary(session: Session) -> None:
    text = preview(session, ExportRequest(format="spacy", layer="alice"), limit=1)
    assert text.startswith("Doc nested_spans#1 (alice):")
    assert "ORGANIZATION\t𠮷野家😀\tchars [28, 32)" in text


def test_the_preview_refuses_what_the_export_would_refuse(session: Session) -> None:
    with pytest.raises(NestedSpansRefused, match="'泸州' \\[0, 2\\) lies inside ORGANIZATION '泸州银行'"):
        preview(session, ExportRequest(format="hf", layer="alice", nested="refuse"))


def test_spans_come_out_sorted_however_they_were_stored(engine: Engine, tmp_path: Path) -> None:
    """The writers rely on the storage's order: start, end, then label as Python compares names (B < a)."""
    text = "泸州银行发放贷款"
    with session_factory(engine).begin() as session:
        document, _ = add_document(session, SourceDocument(name="r", text=text, source="test"))
        alice = ensure_annotator(session, "alice").id
        labels = {name: add_label(session, name).id for name in ("a", "B")}
        for start, end, label in [(4, 8, "B"), (0, 4, "a"), (0, 4, "B"), (0, 2, "a")]:
            add_span(session, document.id, alice, labels[label], start, end, text[start:end])
    out = tmp_path / "out.jsonl"
    with session_factory(engine)() as session:
        run_export(session, ExportRequest(target=str(out), layer="alice"))
    assert orjson.loads(out.read_bytes())["label"] == [[0, 2, "a"], [0, 4, "B"], [0, 4, "a"], [4, 8, "B"]]


def test_a_project_without_labels_exports_its_documents(db_url: str, tmp_path: Path) -> None:
    """Labels only come with a project's set-up; a database without any still exports its texts."""
    bare = create_project_engine(db_url)
    with session_factory(bare).begin() as session:
        add_document(session, SourceDocument(name="r", text="泸州银行", source="test"))
    out = tmp_path / "out.jsonl"
    with session_factory(bare)() as session:
        assert run_export(session, ExportRequest(target=str(out))).documents == 1
    bare.dispose()
    assert orjson.loads(out.read_bytes())["label"] == []


def test_one_layer_is_read_document_by_document_never_by_a_scan_of_the_layer(project: Path, tmp_path: Path) -> None:
    """On 1M spans a scan of the layer's spans per batch of documents (an index on annotator_id alone) made the
    export twice as slow: every query on spans must look them up by document (or by id, from a comment). SQLite's
    own trace sees the queries made on the driver's cursor too."""
    engine = create_project_engine(str(project))
    ran: list[str] = []
    with session_factory(engine)() as session:
        session.connection().connection.driver_connection.set_trace_callback(ran.append)  # type: ignore[union-attr]
        run_export(session, ExportRequest(target=str(tmp_path / "out.jsonl"), layer="alice"))
        session.connection().connection.driver_connection.set_trace_callback(None)  # type: ignore[union-attr]
        plans = [" ".join(row[3] for row in session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
                 for sql in ran if "FROM spans" in sql and "LIMIT" not in sql]  # LIMIT: once, the first figure
    engine.dispose()
    assert len(plans) > DOCUMENTS, plans  # a query per document, and the figures' per batch
    assert all(re.search(r"SEARCH spans USING ((COVERING )?INDEX \w+ \(document_id=\?|INTEGER PRIMARY KEY)", plan)
               for plan in plans), plans


def test_every_layer_comes_out_whole_and_sorted_on_every_backend(db_url: str, tmp_path: Path) -> None:
    """SQLite reads each document's spans with a query of its own, a server a batch of documents at a time: the
    same layers, spans, figures and suggestions either way, and the suggestions in no layer but their own."""
    build_project(db_url)
    engine = create_project_engine(db_url)
    with session_factory(engine).begin() as session:
        text = session.scalar(select(Document.text).where(Document.id == 2)) or ""
        who = ensure_annotator(session, SUGGESTIONS).id
        label = session.scalar(select(Label.id).where(Label.name == "ORGANIZATION")) or 0
        for start, end, note in [(0, 7, "rules 0.9"), (0, 2, f"{REJECTED}rules 0.5")]:
            span = add_span(session, 2, who, label, start, end, text[start:end])
            session.execute(update(Span).where(Span.id == span).values(note=note))
    source = [orjson.loads(line) for line in SOURCE.read_bytes().splitlines()]
    out = tmp_path / "out.jsonl"
    with session_factory(engine)() as session:
        run_export(session, ExportRequest(target=str(out)))
        every = [orjson.loads(line) for line in out.read_bytes().splitlines()]
        run_export(session, ExportRequest(target=str(out), layer=SUGGESTIONS))
        suggested = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    engine.dispose()
    assert [(record["id"], record["annotator"]) for record in every] == \
        [(1, "alice"), (1, "bob"), (2, "alice"), (2, "bob"), (3, "alice"), (3, "bob")]
    by_layer = {(record["text"], record["annotator"]): sorted(record["label"]) for record in source}
    assert [record["label"] for record in every] == [by_layer[record["text"], record["annotator"]] for record in every]
    assert [[figure["value"] for figure in record["values"]] for record in every] == \
        [["37717800000", "1007", "123"], ["37717800000"], ["7306"], ["7306"], ["56"], ["56"]]
    assert [(record["id"], record["label"], record.get("scores")) for record in suggested] == \
        [(1, [], None), (2, [[0, 7, "ORGANIZATION"]], [{"start": 0, "end": 7, "label": "ORGANIZATION",
                                                         "engine": "rules", "score": 0.9}]), (3, [], None)]


def test_label_names_with_quotes_and_placeholders_come_out_as_stored(db_url: str, tmp_path: Path) -> None:
    """The labels' names are written into the export's queries as SQL literals: quotes, backslashes, percent signs
    and placeholders stay the names they are, on every backend."""
    names = ["it's", "a\\b", "100%", "%(x)s", "?", ":name", '"quoted"', "标签"]
    text = "泸州银行发放贷款"
    engine = create_project_engine(db_url)
    with session_factory(engine).begin() as session:
        document, _ = add_document(session, SourceDocument(name="r", text=text, source="test"))
        alice = ensure_annotator(session, "alice").id
        for start, name in enumerate(names):
            add_span(session, document.id, alice, add_label(session, name).id, start, start + 1, text[start])
    out = tmp_path / "out.jsonl"
    with session_factory(engine)() as session:
        run_export(session, ExportRequest(target=str(out), layer="alice"))
    engine.dispose()
    assert orjson.loads(out.read_bytes())["label"] == [[start, start + 1, name] for start, name in enumerate(names)]
