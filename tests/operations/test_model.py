"""The project's model (issue 15): trained in a process of its own on the documents marked done, written beside the
project and swapped in whole, trained again only when what it learns from changed, and rating how unsure it is of
each document."""

from __future__ import annotations

import os
import random
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.crf import FEATURES
from biaozhu.corpus.formats.doccano import read_doccano
from biaozhu.corpus.model import SourceDocument
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.importing import store_documents
from biaozhu.db.models import Annotator, Document, Label
from biaozhu.db.project import initialise
from biaozhu.db.spans import add_span
from biaozhu.db.status import set_status
from biaozhu.operations.model import (
    NOTHING_TO_LEARN,
    Training,
    load_model,
    refresh_ratings,
    train_in_process,
    train_now,
)
from biaozhu.operations.model_files import model_path, read_ratings, uncertainty, write_atomically

REFERENCE = Path(__file__).resolve().parents[2] / "benchmarks" / "reference"
ME = "张三"


@pytest.fixture
def project(sqlite_path: Path) -> sessionmaker[Session]:
    """Both seed reports with their reference spans as 张三's layer, neither marked done yet."""
    engine = create_project_engine(sqlite_path)
    sessions = session_factory(engine)
    with sessions.begin() as session:
        initialise(session, with_seeds=False)
        for path in sorted(REFERENCE.glob("*.jsonl")):
            store_documents(session, str(path), read_doccano(path, ME))
    return sessions


def done(sessions: sessionmaker[Session], *documents: int) -> None:
    with sessions.begin() as session:
        me = session.scalar(select(Annotator.id).where(Annotator.name == ME))
        assert me is not None
        for document in documents:
            set_status(session, document, me, "done")


def test_training_in_a_process_learns_the_done_documents_and_rates_every_document(
        project: sessionmaker[Session], sqlite_path: Path) -> None:
    url = make_url(f"sqlite:///{sqlite_path}")
    assert train_in_process(url).sentence == NOTHING_TO_LEARN  # nothing marked done: nothing learned
    assert load_model(url) is None and not model_path(url).exists()
    done(project, 1)
    result = train_in_process(url)
    assert result.trained and result.spans == 61 and "61 spans in 1 documents" in result.sentence
    assert model_path(url) == sqlite_path.with_name("project.sqlite.model")
    model = load_model(url)
    assert model is not None and model.info["spans"] == 61
    with project() as session:
        texts = {document: text for document, text in session.execute(select(Document.id, Document.text))}
    found = {texts[2][s.start:s.end] for s in model.suggest(texts[2], model_segment())}
    assert {"377.178亿元", "1007户"} <= found  # the other report's figures
    rated = uncertainty(url)
    assert set(rated) == {1, 2} and rated[1] < rated[2]  # surer of what it learned from


def model_segment():  # type: ignore[no-untyped-def]
    from biaozhu.operations.model import segmenter

    return segmenter()


@pytest.mark.slow  # three training processes
def test_the_model_is_trained_again_only_when_what_it_learns_from_changed_and_swapped_in_whole(
        project: sessionmaker[Session], sqlite_path: Path) -> None:
    url = make_url(f"sqlite:///{sqlite_path}")
    done(project, 1)
    assert train_in_process(url).trained
    first = model_path(url).stat()
    with project.begin() as session:  # a document imported since, not marked done: nothing new to learn
        store_documents(session, "new.txt", [SourceDocument(name="new.txt", text="市工商联走访企业58家。", source="")])
    again = train_in_process(url)
    assert not again.trained and "up to date" in again.sentence
    assert model_path(url).stat().st_ino == first.st_ino  # untouched
    assert set(uncertainty(url)) == {1, 2, 3}  # but the new document is rated
    with project.begin() as session:
        me = session.scalar(select(Annotator.id).where(Annotator.name == ME))
        metric = session.scalar(select(Label.id).where(Label.name == "METRIC"))
        assert me is not None and metric is not None
        text = session.scalar(select(Document.text).where(Document.id == 1))
        assert text is not None
        start = text.index("2022年")
        add_span(session, 1, me, metric, start, start + 5, "2022年")
    assert train_in_process(url).spans == 62
    assert model_path(url).stat().st_ino != first.st_ino  # a new file swapped in
    assert sorted(os.listdir(sqlite_path.parent)) == ["project.sqlite", "project.sqlite-shm", "project.sqlite-wal",
                                                      "project.sqlite.model", "project.sqlite.model.uncertainty.json"]


def test_a_reader_sees_the_old_file_or_the_new_one_never_half_of_one(tmp_path: Path) -> None:
    path = tmp_path / "project.sqlite.model"
    old, new = os.urandom(4 << 20), os.urandom(4 << 20)
    write_atomically(path, old)
    seen: list[bytes] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            seen.append(path.read_bytes())

    reader = threading.Thread(target=read)
    reader.start()
    for _ in range(20):
        write_atomically(path, new)
        write_atomically(path, old)
    stop.set()
    reader.join()
    assert len(seen) > 10 and set(seen) <= {old, new} and os.listdir(tmp_path) == [path.name]


def test_a_server_projects_model_is_in_the_user_data_folder_named_after_its_url_without_the_password() -> None:
    one = model_path(make_url("postgresql+psycopg://anna:secret@db.example/reports"))
    other = model_path(make_url("postgresql+psycopg://anna:another@db.example/reports"))
    assert one == other and "secret" not in str(one) and one.parent.name == "models"
    assert one != model_path(make_url("postgresql+psycopg://anna@db.example/other"))


@pytest.mark.slow  # stops training processes at random moments
def test_a_run_stopped_at_any_moment_leaves_a_whole_model_and_no_partial_file(
        project: sessionmaker[Session], sqlite_path: Path) -> None:
    url = make_url(f"sqlite:///{sqlite_path}")
    done(project, 1)
    train_in_process(url)
    before = model_path(url).read_bytes()
    done(project, 2)  # what it learns from changed: each run trains
    rnd = random.Random(15)
    for _ in range(6):
        training = Training(url)
        time.sleep(rnd.uniform(0.5, 6.0))
        training.stop()
        assert model_path(url).read_bytes() == before or load_model(url) is not None
        assert not [name for name in os.listdir(sqlite_path.parent) if name.endswith(".partial")]


def test_training_reads_a_server_project_too_and_keeps_its_model_in_the_user_data_folder(
        engine: Engine, sessions: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the training process inherits it
    with sessions.begin() as session:
        for path in sorted(REFERENCE.glob("*.jsonl")):
            store_documents(session, str(path), read_doccano(path, ME))
    done(sessions, 1)
    result = train_in_process(engine.url)
    assert result.trained and result.spans == 61
    path = model_path(engine.url)
    if engine.url.get_backend_name() == "postgresql":
        assert path.parent == tmp_path / "data" / "biaozhu" / "models"
    assert load_model(engine.url) is not None and set(uncertainty(engine.url)) == {1, 2}


@pytest.mark.slow  # two trainings
def test_a_new_model_rates_at_once_only_the_documents_changed_since_and_the_others_in_the_background_later(
        project: sessionmaker[Session], sqlite_path: Path) -> None:
    url = make_url(f"sqlite:///{sqlite_path}")
    ratings = sqlite_path.with_name("project.sqlite.model.uncertainty.json")
    done(project, 1)
    assert train_now(str(url)).trained
    first = read_ratings(ratings)
    assert set(first) == {1, 2} and len({model for _, _, model in first.values()}) == 1  # all rated at first
    with project.begin() as session:  # a document imported, a span added: a new model
        store_documents(session, "new.txt", [SourceDocument(name="new.txt", text="市工商联走访企业58家。", source="")])
        me = session.scalar(select(Annotator.id).where(Annotator.name == ME))
        metric = session.scalar(select(Label.id).where(Label.name == "METRIC"))
        text = session.scalar(select(Document.text).where(Document.id == 1))
        assert me is not None and metric is not None and text is not None
        add_span(session, 1, me, metric, text.index("2022年"), text.index("2022年") + 5, "2022年")
    assert train_now(str(url)).trained
    now = read_ratings(ratings)
    assert now[1] == first[1] and now[2] == first[2]  # not rated again before the run answers
    assert now[3][2] != first[1][2]  # the new document is, by the new model
    assert uncertainty(url) == {document: value for document, (value, _, _) in now.items()}
    assert refresh_ratings(str(url)) == 2  # afterwards, in the same process, the others
    after = read_ratings(ratings)
    assert {model for _, _, model in after.values()} == {now[3][2]} and after[3] == now[3]
    assert refresh_ratings(str(url)) == 0  # nothing left to rate again


def test_a_model_trained_with_other_features_or_rules_is_trained_again_on_the_same_spans(
        project: sessionmaker[Session], sqlite_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    done(project, 1)
    assert train_now(str(sqlite_path)).trained  # in this process, so that the features' version can be changed
    assert not train_now(str(sqlite_path)).trained  # the same spans, the same features: up to date
    monkeypatch.setattr("biaozhu.operations.model.FEATURES", FEATURES + 1)  # a newer biaozhu's rules
    again = train_now(str(sqlite_path))
    assert again.trained and again.spans == 61
