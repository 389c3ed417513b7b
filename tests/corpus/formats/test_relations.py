"""Relations and METRIC values through every format (issue 16): written, read back the same, other tools' files
read with theirs, and counted where a format cannot hold them."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.formats import read_file
from biaozhu.corpus.formats.links import read_value_note, value_note
from biaozhu.corpus.formats.writing import FORMATS, Tally, WriteOptions, write_folder, write_stream
from biaozhu.corpus.model import AnnotatedText, Relation, Span, SpanValue

DOCCANO_RE = "doccano/backend/data_import/pipeline/examples/relation_extraction/example.jsonl"
TEXT = "“酒城同心·金融速贷”由泸州银行承办，累计放款377.178亿元，惠及5-8万户。\n市工商联牵头。"


def span(part: str, label: str) -> Span:
    start = TEXT.index(part)
    return Span(start, start + len(part), label, part)


PROGRAM, MONEY = span("酒城同心·金融速贷", "PROGRAM"), span("377.178亿元", "METRIC")
HOUSEHOLDS = span("5-8万户", "METRIC")
BANK, LIANHE = span("泸州银行", "ORGANIZATION"), span("市工商联", "ORGANIZATION")
RELATIONS = [Relation(MONEY, PROGRAM, "所属项目"), Relation(HOUSEHOLDS, PROGRAM, "所属项目"),
             Relation(PROGRAM, BANK, "责任机构"), Relation(PROGRAM, LIANHE, "责任机构")]
VALUES = {(MONEY.start, MONEY.end, "METRIC"): SpanValue("37717800000", None, "元", "exact"),
          (HOUSEHOLDS.start, HOUSEHOLDS.end, "METRIC"): SpanValue("50000", "80000", "万 户", "range")}
DOC = AnnotatedText(7, "report.txt", TEXT, "0" * 64, {}, "alice", sorted([PROGRAM, BANK, MONEY, HOUSEHOLDS, LIANHE]),
                    VALUES, RELATIONS)
HOLDING = [name for name, spec in FORMATS.items() if spec.relations]
SUFFIX = {"spacy": ".spacy", "labelstudio": ".json"}


def export(fmt: str, tmp_path: Path, sentences: bool = False) -> tuple[Path, Tally]:
    tally = Tally()
    options = WriteOptions(sentences=sentences, labels=("PROGRAM", "METRIC", "ORGANIZATION"),
                           relation_types=("所属项目", "责任机构"), layered=False)
    if FORMATS[fmt].folder:
        for relative, content in write_folder(fmt, [DOC], options, tally):
            (tmp_path / relative).write_bytes(content)
        return next(tmp_path.glob("*.ann")), tally
    path = tmp_path / f"out{SUFFIX.get(fmt, '.jsonl')}"
    path.write_bytes(b"".join(write_stream(fmt, [DOC], options, tally)))
    return path, tally


def test_the_formats_that_hold_relations() -> None:
    assert HOLDING == ["jsonl", "doccano-entities", "spans", "spacy", "brat", "labelstudio"]


@pytest.mark.parametrize("fmt", HOLDING)
def test_relations_and_values_round_trip(tmp_path: Path, fmt: str) -> None:
    path, tally = export(fmt, tmp_path)
    [read] = read_file(path, "alice", fmt if fmt in ("spans", "doccano-entities") else None)
    assert read.spans == DOC.spans
    assert sorted(read.relations) == sorted(RELATIONS)
    assert read.values == VALUES
    assert (tally.relations, tally.relations_dropped) == (4, 0)


@pytest.mark.parametrize("fmt", ["conll", "hf", "cluener"])
def test_formats_without_relations_count_what_they_left_out(tmp_path: Path, fmt: str) -> None:
    doc = AnnotatedText(7, "r.txt", TEXT, "0" * 64, {}, "alice", [PROGRAM, MONEY], {}, RELATIONS[:1])
    tally = Tally()
    b"".join(write_stream(fmt, [doc], WriteOptions(sentences=fmt != "cluener"), tally))
    assert (tally.relations, tally.relations_dropped) == (0, 1)


def test_a_relation_across_sentences_is_left_out_and_counted(tmp_path: Path) -> None:
    path, tally = export("doccano-entities", tmp_path, sentences=True)
    records = [orjson.loads(line) for line in path.read_bytes().splitlines()]
    assert (tally.relations, tally.relations_dropped) == (3, 1)  # 市工商联 is in the next sentence
    first = records[0]
    names = {e["id"]: TEXT[e["start_offset"]:e["end_offset"]] for e in first["entities"]}
    assert {(names[r["from_id"]], r["type"], names[r["to_id"]]) for r in first["relations"]} == {
        ("377.178亿元", "所属项目", "酒城同心·金融速贷"), ("5-8万户", "所属项目", "酒城同心·金融速贷"),
        ("酒城同心·金融速贷", "责任机构", "泸州银行")}


def test_what_each_format_writes(tmp_path: Path) -> None:
    path, _ = export("jsonl", tmp_path)
    record = orjson.loads(path.read_bytes())
    assert record["relations"][0] == {"id": 0, "from_id": 2, "to_id": 0, "type": "所属项目"}  # positions in label
    (tmp_path / "b").mkdir()
    ann = export("brat", tmp_path / "b")[0].read_text("utf-8")
    assert "R1\t所属项目 Arg1:T3 Arg2:T1\t\n" in ann
    assert "#1\tAnnotatorNotes T3\tvalue=37717800000 qualifier=exact unit=元\n" in ann
    assert "所属项目\tArg1:<ENTITY>, Arg2:<ENTITY>\n" in (tmp_path / "b" / "annotation.conf").read_text("utf-8")
    studio = orjson.loads(export("labelstudio", tmp_path)[0].read_bytes())[0]["annotations"][0]["result"]
    relation = {"from_id": "7-2", "to_id": "7-0", "type": "relation", "direction": "right", "labels": ["所属项目"]}
    assert relation in studio
    assert {"id": "7-2", "from_name": "value", "to_name": "text", "type": "textarea", "origin": "manual",
            "value": {"start": MONEY.start, "end": MONEY.end, "text": ["value=37717800000 qualifier=exact unit=元"]}
            } in studio
    prodigy = orjson.loads(export("spans", tmp_path)[0].read_bytes())["relations"][0]
    assert prodigy["label"] == "所属项目" and prodigy["head_span"]["start"] == MONEY.start
    assert prodigy["head"] == prodigy["head_span"]["token_start"]


def test_spacy_values_are_span_extensions(tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin
    from spacy.tokens import Span as SpacySpan

    path, _ = export("spacy", tmp_path)
    [doc] = DocBin().from_bytes(path.read_bytes()).get_docs(spacy.blank("zh").vocab)
    for name in ("value", "value_max", "unit", "qualifier"):
        if not SpacySpan.has_extension(name):
            SpacySpan.set_extension(name, default=None)
    figure = doc.char_span(HOUSEHOLDS.start, HOUSEHOLDS.end)
    assert (figure._.value, figure._.value_max, figure._.unit, figure._.qualifier) == \
        ("50000", "80000", "万 户", "range")


def test_value_notes() -> None:
    value = SpanValue("50000", "80000", "万 户", "range")
    assert value_note(value) == "value=50000 value_max=80000 qualifier=range unit=万 户"
    assert read_value_note(value_note(value)) == value
    assert read_value_note("Should fictional places be annotated?") is None


def test_doccano_relation_extraction_files_import_with_their_relations(peer_data: Path) -> None:
    for path in peer_data.glob("doccano/backend/data_import/**/relation_extraction/example.jsonl"):
        [doc] = read_file(path, "alice")
        assert [(r.from_span.text, r.type, r.to_span.text) for r in doc.relations] == [
            ("Google", "foundedAt", "September 4, 1998"), ("Google", "foundedBy", "Larry Page"),
            ("Google", "foundedBy", "Sergey Brin")]


def test_brat_relations_and_notes_of_the_tutorials(peer_data: Path) -> None:
    ann = peer_data / "brat/tutorials/news/110-note_annotation.ann"
    [doc] = read_file(ann, "alice")
    assert [(r.from_span.text, r.type, r.to_span.text) for r in doc.relations] == [
        ("Orville Wright", "Family", "Wilbur Wright")] * 2
    assert doc.values == {}  # its notes are remarks, not values: the one on a span is a comment on it
    assert [(span.text, text) for span, text in doc.comments] == [
        ("Discworld", "Should fictional places be annotated?")]
    assert doc.notes == [f"{ann}: ignored (not spans): 2 events, 2 event triggers, 2 notes"]


def test_bad_relations_are_named_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "泸州银行", "entities": [{"id": 1, "start_offset": 0, "end_offset": 2, "label": "L"}], '
                    '"relations": [{"from_id": 1, "to_id": 9, "type": "x"}]}\n'
                    '{"text": "泸州", "label": [[0, 2, "L"]], '
                    '"relations": [{"from_id": 0, "to_id": 0, "type": "x"}]}\n',
                    "utf-8")
    with pytest.raises(InputError) as caught:
        read_file(path, "alice")
    assert str(caught.value).splitlines()[1:] == [
        f"  {path}:1: a x relation's to_id 9 is no entity id on this line",
        f"  {path}:2: a x relation goes from '泸州' to itself"]
    (tmp_path / "a.txt").write_text("泸州银行", "utf-8")
    (tmp_path / "a.ann").write_text("T1\tORG 0 4\t泸州银行\nR1\tFamily Arg1:T1\t\n", "utf-8")
    with pytest.raises(InputError, match=r"a.ann:2: expected 'R1<TAB>Type Arg1:T1 Arg2:T2'"):
        read_file(tmp_path / "a.ann", "alice")


def test_label_studio_relation_drawn_leftwards_and_one_without_a_type(tmp_path: Path) -> None:
    region = {"from_name": "label", "to_name": "text", "type": "labels"}
    results = [{**region, "id": "a", "value": {"start": 0, "end": 2, "text": "泸州", "labels": ["L"]}},
               {**region, "id": "b", "value": {"start": 2, "end": 4, "text": "银行", "labels": ["L"]}},
               {"type": "relation", "from_id": "a", "to_id": "b", "direction": "left", "labels": ["in"]},
               {"type": "relation", "from_id": "a", "to_id": "b", "direction": "right", "labels": []}]
    path = tmp_path / "t.json"
    path.write_bytes(orjson.dumps([{"data": {"text": "泸州银行"}, "annotations": [{"result": results}]}]))
    [doc] = read_file(path, "alice")
    assert [(r.from_span.text, r.type, r.to_span.text) for r in doc.relations] == [("银行", "in", "泸州")]
    assert doc.notes == ["task #1 (alice): a relation without a label (its type) is left out"]


def test_a_prodigy_relation_may_name_a_span_it_alone_holds(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"text": "泸州银行", "spans": [{"start": 0, "end": 2, "label": "L"}], "relations": [{"head": 0, '
                    '"child": 1, "head_span": {"start": 0, "end": 2, "label": "L"}, "child_span": {"start": 2, '
                    '"end": 4, "label": "M"}, "label": "in"}]}\n', "utf-8")
    [doc] = read_file(path, "alice")
    assert [s.text for s in doc.spans] == ["泸州", "银行"]
    assert [(r.from_span.text, r.type, r.to_span.text) for r in doc.relations] == [("泸州", "in", "银行")]


@pytest.mark.parametrize("record", [
    {"text": "泸州银行", "label": [[0, 2, "L"]], "relations": [{"from_id": [0], "to_id": 0, "type": "x"}]},
    {"text": "泸州银行", "label": [[0, 2, "L"]], "values": [{"start": [0], "end": 2, "value": "1"}]},
    {"text": "泸州银行", "spans": [], "relations": [{"head_span": {"start": [0], "end": 2, "label": "L"},
                                                   "child_span": {"start": 2, "end": 4, "label": "L"}, "label": "x"}]},
    {"text": "泸州银行", "label": [[0, 2, "L"]], "relations": [{"from_id": 0, "to_id": 0, "type": ["x"]}]},
])
def test_hostile_relations_and_values_are_named_not_a_traceback(tmp_path: Path, record: dict) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(orjson.dumps(record) + b"\n")
    with pytest.raises(InputError, match=r"bad.jsonl:1: "):
        read_file(path, "alice")


def test_hostile_label_studio_relation_ends_are_named(tmp_path: Path) -> None:
    region = {"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
              "value": {"start": 0, "end": 2, "text": "泸州", "labels": ["L"]}}
    for extra in ({"type": "relation", "from_id": ["a"], "to_id": "a", "labels": ["x"]},
                  {"type": "textarea", "id": ["a"], "value": {"text": ["value=1"]}}):
        path = tmp_path / "t.json"
        path.write_bytes(orjson.dumps([{"data": {"text": "泸州银行"}, "annotations": [{"result": [region, extra]}]}]))
        try:
            read_file(path, "alice")
        except InputError as exc:
            assert str(exc).startswith(f"{path}: task #1")
