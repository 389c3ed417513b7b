"""Searching the whole project: offsets in code points after astral characters (𠮷; 👍🏽 is two), context
within the line, Latin case ignored, a literal (not a pattern), and a limit; on the real seed reports too."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.formats.plaintext import read_txt
from biaozhu.corpus.model import SourceDocument
from biaozhu.db.documents import add_document, document_text
from biaozhu.db.importing import store_documents
from biaozhu.db.project import seeds_dir
from biaozhu.db.search import SearchHit, search_documents


def add(session: Session, name: str, text: str) -> int:
    document, _ = add_document(session, SourceDocument(name=name, text=text, source=name))
    return document.id


@pytest.fixture
def project(sessions: sessionmaker[Session]) -> dict[str, int]:
    with sessions.begin() as session:
        return {
            "astral": add(session, "astral.txt", "𠮷野家👍🏽在泸州银行开户，泸州银行\n第二行泸州"),
            "latin": add(session, "latin.txt", "The PROGRAM and the program; Über über ÜBER; 50% off_line"),
            "none": add(session, "none.txt", "这里什么也没有"),
        }


def test_offsets_count_code_points_after_astral_characters(sessions: sessionmaker[Session],
                                                            project: dict[str, int]) -> None:
    with sessions() as session:
        hits = search_documents(session, "泸州银行")
        text = document_text(session, project["astral"])
    assert [(h.document_name, h.start, h.end) for h in hits] == [("astral.txt", 6, 10), ("astral.txt", 13, 17)]
    assert all(text[h.start:h.end] == "泸州银行" for h in hits)
    assert hits[0] == SearchHit(project["astral"], "astral.txt", 6, 10, "𠮷野家👍🏽在", "开户，泸州银行", "泸州银行")


def test_context_stays_within_the_line_and_is_cut_to_width(sessions: sessionmaker[Session],
                                                             project: dict[str, int]) -> None:
    with sessions() as session:
        last = search_documents(session, "泸州")[-1]
        narrow = search_documents(session, "开户", context=2)
    assert (last.start, last.context_before, last.context_after) == (21, "第二行", "")
    assert (narrow[0].context_before, narrow[0].context_after) == ("银行", "，泸")


def test_latin_letters_match_whatever_their_case(sessions: sessionmaker[Session], project: dict[str, int]) -> None:
    with sessions() as session:
        program = search_documents(session, "Program")
        uber = search_documents(session, "über")
    assert [(h.start, h.end) for h in program] == [(4, 11), (20, 27)]
    assert [(h.document_name, h.text) for h in program] == [("latin.txt", "PROGRAM"), ("latin.txt", "program")]
    assert [(h.start, h.end, h.text) for h in uber] == [(29, 33, "Über"), (34, 38, "über"), (39, 43, "ÜBER")]


def test_the_query_is_a_literal_not_a_pattern(sessions: sessionmaker[Session], project: dict[str, int]) -> None:
    with sessions() as session:
        assert [(h.start, h.end) for h in search_documents(session, "50%")] == [(45, 48)]
        assert [h.start for h in search_documents(session, "f_l")] == [51]
        assert search_documents(session, "%") != []
        assert search_documents(session, "_") != []
        assert search_documents(session, "P.O") == []
        assert search_documents(session, "泸.") == []
        assert search_documents(session, "") == []
        assert search_documents(session, "不存在的短语") == []


def test_the_limit_stops_the_search(sessions: sessionmaker[Session], project: dict[str, int]) -> None:
    with sessions.begin() as session:
        for i in range(5):
            add(session, f"many{i}.txt", "统战" * 40 + str(i))
    with sessions() as session:
        hits = search_documents(session, "统战", limit=100)
        everything = search_documents(session, "统战")
    assert len(hits) == 100
    assert len(everything) == 200
    assert [h.start for h in hits[:3]] == [0, 2, 4]
    assert [h.document_name for h in hits[::40]] == ["many0.txt", "many1.txt", "many2.txt"]


def test_every_hit_in_the_seed_reports_covers_the_phrase(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        for path in sorted(seeds_dir().glob("*.txt")):
            store_documents(session, str(path), read_txt(path))
    with sessions() as session:
        hits = search_documents(session, "统一战线")
        texts = {h.document_id: document_text(session, h.document_id) for h in hits}
    assert len({h.document_id for h in hits}) == 2
    for hit in hits:
        text = texts[hit.document_id]
        assert text[hit.start:hit.end] == "统一战线"
        assert text[:hit.start].endswith(hit.context_before)
        assert text[hit.end:].startswith(hit.context_after)
