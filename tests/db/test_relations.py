"""Relations between spans on SQLite and PostgreSQL: made under their types' rules, kept when a boundary moves,
into the trash and back with their spans, alone, with their document and with their label."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import Relation, SourceDocument, Span
from biaozhu.corpus.relation_types import default_relation_types
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.checking import find_problems
from biaozhu.db.documents import add_document
from biaozhu.db.labels import delete_label, label_ids, update_label
from biaozhu.db.models import Relation as StoredRelation
from biaozhu.db.models import RelationType, TrashItem
from biaozhu.db.permissions import change_role
from biaozhu.db.relation_types import (
    RelationTypeRefused,
    add_relation_type,
    delete_relation_type,
    list_relation_types,
    types_for,
    update_relation_type,
)
from biaozhu.db.relations import (
    RelationRefused,
    add_relation,
    corpus_relations,
    layer_relations,
    remove_relation,
    trash_relation,
)
from biaozhu.db.spans import SpanRefused, add_span, relabel_span, resize_span, restore_span, trash_span
from biaozhu.db.trash import restore, trash_document

TEXT = "“酒城同心·金融速贷”累计发放贷款377.178亿元，由泸州银行承办。"
PROGRAM, METRIC, BANK = "酒城同心·金融速贷", "377.178亿元", "泸州银行"


class Fixture:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        with sessions.begin() as session:
            change_role(session, "王五", "王五", "reviewer")
            self.document = add_document(session, SourceDocument(name="r", text=TEXT, source=""))[0].id
            self.who = ensure_annotator(session, "张三").id
            self.labels = label_ids(session)
            self.program = self.span(session, "PROGRAM", PROGRAM)
            self.metric = self.span(session, "METRIC", METRIC)
            self.bank = self.span(session, "ORGANIZATION", BANK)

    def span(self, session: Session, label: str, text: str, who: int | None = None) -> int:
        start = TEXT.index(text)
        return add_span(session, self.document, who or self.who, self.labels[label], start, start + len(text), text)


@pytest.fixture
def made(sessions: sessionmaker[Session]) -> Fixture:
    return Fixture(sessions)


def corpus(text: str, label: str) -> Span:
    return Span(TEXT.index(text), TEXT.index(text) + len(text), label, text)


BELONGS = Relation(corpus(METRIC, "METRIC"), corpus(PROGRAM, "PROGRAM"), "所属项目")
RUN_BY = Relation(corpus(PROGRAM, "PROGRAM"), corpus(BANK, "ORGANIZATION"), "责任机构")


def test_every_project_has_the_default_types(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        stored = [(kind.name, kind.from_labels, kind.to_labels) for kind in list_relation_types(session)]
        assert stored == [(kind.name, list(kind.from_labels), list(kind.to_labels))
                          for kind in default_relation_types()]
        assert [kind.name for kind in types_for(session, "METRIC", "ORGANIZATION")] == ["责任机构"]
        assert [kind.name for kind in types_for(session, "METRIC", "PROGRAM")] == ["所属项目"]
        assert types_for(session, "ORGANIZATION", "METRIC") == []


def test_links_are_made_listed_and_refused_with_a_sentence(sessions: sessionmaker[Session], made: Fixture) -> None:
    with sessions.begin() as session:
        first = add_relation(session, made.metric, made.program, "所属项目")
        add_relation(session, made.program, made.bank, "责任机构")
    with sessions.begin() as session:
        assert [(row.id, row.type, row.from_span_id, row.to_span_id) for row in
                layer_relations(session, made.document, made.who)][0] == (first, "所属项目", made.metric, made.program)
        assert corpus_relations(session, made.document, made.who) == [RUN_BY, BELONGS]
        other = made.span(session, "PROGRAM", PROGRAM, ensure_annotator(session, "李四").id)
    refusals = [((made.metric, made.metric, "所属项目"), "itself"),
                ((made.metric, other, "所属项目"), "one layer of one document"),
                ((made.bank, made.program, "所属项目"), "links METRIC to PROGRAM, not ORGANIZATION to PROGRAM"),
                ((made.metric, made.program, "所属项目"), "is linked to “酒城同心·金融速贷” as 所属项目 already"),
                ((made.metric, made.program, "没有"), "there is no relation type 没有"),
                ((made.metric, 10_000, "所属项目"), "span 10000 is gone")]
    for (source, target, kind), said in refusals:
        with sessions.begin() as session, pytest.raises(RelationRefused, match=said):
            add_relation(session, source, target, kind)
    with sessions.begin() as session:
        remove_relation(session, first)
    with sessions() as session:
        assert corpus_relations(session, made.document, made.who) == [RUN_BY]


def test_a_boundary_change_keeps_the_link_and_a_label_it_cannot_have_is_refused(
        sessions: sessionmaker[Session], made: Fixture) -> None:
    with sessions.begin() as session:
        add_relation(session, made.metric, made.program, "所属项目")
        add_relation(session, made.metric, made.bank, "责任机构")
    start = TEXT.index(METRIC)
    with sessions.begin() as session:
        resize_span(session, made.metric, start, start + 7, METRIC[:7])
    with sessions.begin() as session:
        assert {relation.from_span.text for relation in corpus_relations(session, made.document, made.who)} == \
            {METRIC[:7]}
        with pytest.raises(SpanRefused, match="linked as 所属项目 to “酒城同心·金融速贷”, which a PROGRAM cannot be"):
            relabel_span(session, made.metric, made.labels["PROGRAM"])
    with sessions.begin() as session:  # the program may be 责任机构's start too: this label change is allowed
        relabel_span(session, made.bank, made.labels["ORGANIZATION"])
        assert len(layer_relations(session, made.document, made.who)) == 2


def test_links_go_to_the_trash_with_their_span_and_come_back_with_it(sessions: sessionmaker[Session],
                                                                      made: Fixture) -> None:
    with sessions.begin() as session:
        add_relation(session, made.metric, made.program, "所属项目")
        add_relation(session, made.program, made.bank, "责任机构")
        trash_id = trash_span(session, made.program)
    with sessions.begin() as session:
        assert layer_relations(session, made.document, made.who) == []
        program = restore_span(session, trash_id)
    with sessions() as session:
        assert program != made.program
        assert corpus_relations(session, made.document, made.who) == [RUN_BY, BELONGS]
        assert {row.to_span_id for row in layer_relations(session, made.document, made.who)} == {program, made.bank}
        assert session.scalar(select(func.count(TrashItem.id))) == 0


def test_a_link_whose_other_end_is_gone_waits_in_the_trash(sessions: sessionmaker[Session], made: Fixture) -> None:
    with sessions.begin() as session:
        add_relation(session, made.metric, made.program, "所属项目")
        metric_item = trash_span(session, made.metric)
        program_item = trash_span(session, made.program)
    with sessions.begin() as session:
        restore(session, metric_item)
    with sessions.begin() as session:
        [waiting] = session.scalars(select(TrashItem).where(TrashItem.kind == "relation")).all()
        assert waiting.summary == f"所属项目 {METRIC} → {PROGRAM}"
        restore(session, program_item)
        restore(session, waiting.id)
    with sessions() as session:
        assert corpus_relations(session, made.document, made.who) == [BELONGS]


def test_a_link_deleted_alone_is_a_trash_item_of_its_own(sessions: sessionmaker[Session], made: Fixture) -> None:
    with sessions.begin() as session:
        relation = add_relation(session, made.metric, made.program, "所属项目")
        trash_id = trash_relation(session, relation)
    with sessions.begin() as session:
        assert layer_relations(session, made.document, made.who) == []
        assert session.get(TrashItem, trash_id).kind == "relation"
        assert restore(session, trash_id)[0] == "relation"
    with sessions() as session:
        assert corpus_relations(session, made.document, made.who) == [BELONGS]
    with sessions.begin() as session, pytest.raises(RelationRefused, match="is gone"):
        trash_relation(session, relation)


def test_links_come_back_with_their_document_and_with_their_label(sessions: sessionmaker[Session],
                                                                  made: Fixture) -> None:
    with sessions.begin() as session:
        add_relation(session, made.metric, made.program, "所属项目")
        add_relation(session, made.program, made.bank, "责任机构")
        lone = trash_relation(session, add_relation(session, made.metric, made.bank, "责任机构"))
    with sessions.begin() as session:
        item = trash_document(session, made.document, "王五")
    with sessions.begin() as session:
        assert session.scalar(select(func.count(TrashItem.id))) == 1  # the lone link went in with its document
        _, document = restore(session, item)
    with sessions.begin() as session:
        assert corpus_relations(session, document, made.who) == [RUN_BY, BELONGS]
        [lone] = session.scalars(select(TrashItem.id).where(TrashItem.kind == "relation")).all()
        restore(session, lone)
    with sessions.begin() as session:
        assert len(corpus_relations(session, document, made.who)) == 3
        label_item = delete_label(session, "PROGRAM", "王五").trash_id
    with sessions.begin() as session:
        assert [r.type for r in corpus_relations(session, document, made.who)] == ["责任机构"]
        restore(session, label_item)
    with sessions() as session:
        assert len(corpus_relations(session, document, made.who)) == 3


def test_types_are_edited_and_follow_a_renamed_label(sessions: sessionmaker[Session], made: Fixture) -> None:
    with sessions.begin() as session:
        add_relation_type(session, "合作", ["ORGANIZATION"], ["ORGANIZATION"], title="合作机构")
        with pytest.raises(RelationTypeRefused, match="there is a relation type 合作 already"):
            add_relation_type(session, "合作", ["ORGANIZATION"], ["PROGRAM"])
        with pytest.raises(ValueError, match="to_labels must list at least one label"):
            add_relation_type(session, "空", ["ORGANIZATION"], [])
    with sessions.begin() as session:
        update_relation_type(session, "合作", new_name="合办", to_labels=["ORGANIZATION", "PROGRAM"])
        update_label(session, "PROGRAM", new_name="PROJECT")
    with sessions.begin() as session:
        assert [kind.name for kind in types_for(session, "ORGANIZATION", "PROJECT")] == ["合办"]
        assert [kind.name for kind in types_for(session, "METRIC", "PROJECT")] == ["所属项目"]
        add_relation(session, made.metric, made.program, "所属项目")
    with sessions.begin() as session, pytest.raises(RelationTypeRefused, match="joins 1 pairs of spans"):
        delete_relation_type(session, "所属项目", "王五")
    with sessions.begin() as session:
        delete_relation_type(session, "合办", "王五")
        assert [kind.name for kind in list_relation_types(session)] == ["所属项目", "责任机构"]


def test_check_finds_a_link_across_layers_written_behind_the_rules_back(sessions: sessionmaker[Session],
                                                                         made: Fixture) -> None:
    with sessions.begin() as session:
        add_relation(session, made.metric, made.program, "所属项目")
        assert list(find_problems(session)) == []
        other = made.span(session, "PROGRAM", PROGRAM, ensure_annotator(session, "李四").id)
        kind = session.scalar(select(RelationType.id).where(RelationType.name == "所属项目"))
        session.add(StoredRelation(document_id=made.document, annotator_id=made.who, type_id=kind,
                                   from_span_id=made.metric, to_span_id=other))
    with sessions() as session:
        [problem] = find_problems(session)
        assert problem.endswith(f"in document {made.document}: its spans are not both in that document and layer")
