"""The trash: deleted spans and documents come back from the command line as they were, until it is emptied."""

from __future__ import annotations

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.labels import label_ids
from biaozhu.db.models import DocumentStatus, Span
from biaozhu.db.permissions import change_role
from biaozhu.db.review import reject, review_document
from biaozhu.db.spans import add_span, trash_span
from biaozhu.db.status import set_status

TEXT = "泸州市委统战部与泸州银行推出“酒城同心·金融速贷”，发放贷款377.178亿元。"


def layers(session: Session) -> set[tuple[int, str, int, int, str, str]]:
    """Every span with its layer, label and position: what a user would see of the document."""
    return {tuple(row) for row in session.execute(select(Span.id, Span.text, Span.start, Span.end,
                                                         Span.annotator_id, Span.label_id))}


def annotated_document(sessions: sessionmaker[Session]) -> tuple[int, int]:
    """A document with two annotators' spans and statuses, one span already in the trash; (document, trash id).
    王五 is the project's reviewer (who may delete documents and empty the trash)."""
    with sessions.begin() as session:
        change_role(session, "王五", "王五", "reviewer")
        document, _ = add_document(session, SourceDocument(name="泸州.txt", text=TEXT, source="泸州.txt"))
        labels = label_ids(session)
        for name in ("张三", "李四"):
            who = ensure_annotator(session, name).id
            add_span(session, document.id, who, labels["ORGANIZATION"], 0, 7, "泸州市委统战部")
            add_span(session, document.id, who, labels["ORGANIZATION"], 8, 12, "泸州银行")
            set_status(session, document.id, who, "done")
        metric = add_span(session, document.id, who, labels["METRIC"], 30, 39, "377.178亿元")
    with sessions.begin() as session:
        return document.id, trash_span(session, metric)


def test_a_deleted_document_comes_back_whole_with_every_layer(db_url: str, sessions: sessionmaker[Session],
                                                              cli) -> None:
    document, _ = annotated_document(sessions)
    with sessions() as session:
        before = layers(session)
    deleted = cli("--db", db_url, "delete", str(document), "--reviewer", "王五", check=True)
    assert "moved to the trash" in deleted.stdout
    assert "0 documents" in cli("--db", db_url, "docs", check=True).stdout
    listing = cli("--db", db_url, "trash", check=True).stdout
    assert "泸州.txt (4 spans)" in listing and "1 items in the trash" in listing  # the span went with it
    exported = cli("--db", db_url, "export", "-o", "-", check=True).stdout
    assert "泸州银行" not in exported

    trash_id = listing.splitlines()[1].split("\t")[0]
    assert f"restored document {document}" in cli("--db", db_url, "trash", "restore", trash_id, check=True).stdout
    with sessions() as session:
        assert layers(session) == before
        assert set(session.scalars(select(DocumentStatus.status))) == {"done"}
    listing = cli("--db", db_url, "trash", check=True).stdout
    assert "METRIC 377.178亿元" in listing  # the span deleted before is in the trash again, restorable
    span_trash_id = listing.splitlines()[1].split("\t")[0]
    cli("--db", db_url, "trash", "restore", span_trash_id, check=True)
    exported = [orjson.loads(line) for line in cli("--db", db_url, "export", "--annotator", "李四", "-o", "-",
                                                   check=True).stdout.splitlines()]
    assert [label for *_, label in exported[0]["label"]] == ["ORGANIZATION", "ORGANIZATION", "METRIC"]


def test_restoring_a_document_whose_text_came_back_meanwhile_is_refused(db_url: str,
                                                                        sessions: sessionmaker[Session],
                                                                        cli, tmp_path) -> None:
    document, _ = annotated_document(sessions)
    cli("--db", db_url, "delete", str(document), "--reviewer", "王五", check=True)
    again = tmp_path / "again.txt"
    again.write_text(TEXT, encoding="utf-8")
    cli("--db", db_url, "import", again, check=True)
    listing = cli("--db", db_url, "trash", check=True).stdout
    refused = cli("--db", db_url, "trash", "restore", listing.splitlines()[1].split("\t")[0])
    assert refused.returncode == 2
    assert "the same text is in the project again" in refused.stderr and "Traceback" not in refused.stderr


def test_emptying_the_trash_deletes_for_good(db_url: str, sessions: sessionmaker[Session],
                                             cli) -> None:
    _, span_in_trash = annotated_document(sessions)
    unconfirmed = cli("--db", db_url, "trash", "empty", "--reviewer", "王五")
    assert unconfirmed.returncode == 2 and "--yes" in unconfirmed.stderr
    emptied = cli("--db", db_url, "trash", "empty", "--yes", "--reviewer", "王五", check=True)
    assert "1 items deleted for good" in emptied.stdout
    assert "0 items in the trash" in cli("--db", db_url, "trash", check=True).stdout
    gone = cli("--db", db_url, "trash", "restore", str(span_in_trash))
    assert gone.returncode == 2 and "nothing in the trash with id" in gone.stderr


def test_a_restored_document_keeps_its_rejected_disagreements(db_url: str, sessions: sessionmaker[Session],
                                                              cli) -> None:
    document, _ = annotated_document(sessions)
    with sessions.begin() as session:
        add_span(session, document, ensure_annotator(session, "张三").id, label_ids(session)["PROGRAM"], 15, 24,
                 "酒城同心·金融速贷")
        change_role(session, "王五", "王五", "reviewer")
        [item] = review_document(session, document).open
        reject(session, document, "王五", item)
    cli("--db", db_url, "delete", str(document), "--reviewer", "王五", check=True)
    trash_id = cli("--db", db_url, "trash", check=True).stdout.splitlines()[1].split("\t")[0]
    cli("--db", db_url, "trash", "restore", trash_id, check=True)
    with sessions() as session:
        [verdict] = review_document(session, document).verdicts
        assert verdict.rejection is not None and verdict.rejection.decided_by == "王五"


def test_each_id_is_deleted_or_restored_on_its_own_and_a_refused_one_stops_nothing(
        db_url: str, sessions: sessionmaker[Session], cli) -> None:
    document, _ = annotated_document(sessions)
    deleted = cli("--db", db_url, "delete", "999", str(document), "--reviewer", "王五")
    assert deleted.returncode == 2 and deleted.stderr.strip() == "biaozhu delete: there is no document 999"
    trash_id = deleted.stdout.split("(trash item ")[1].rstrip(")\n")
    assert deleted.stdout == f"document {document} moved to the trash (trash item {trash_id})\n"
    restored = cli("--db", db_url, "trash", "restore", trash_id, "999")
    assert restored.returncode == 2
    assert restored.stderr.strip() == "biaozhu trash: 999: there is nothing in the trash with id 999"
    assert restored.stdout == f"restored document {document} (trash item {trash_id})\n"
    assert "1 documents" in cli("--db", db_url, "docs", check=True).stdout
