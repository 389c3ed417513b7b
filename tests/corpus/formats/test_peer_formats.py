"""Other tools' own files read as they are (issue 5): Label Studio tasks and pre-1.0 completions, brat's
tutorial collections with relations, events, attributes and notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.formats import format_of, read_file
from biaozhu.corpus.formats.brat import read_brat
from biaozhu.corpus.formats.labelstudio import read_labelstudio

STUDIO = "labelstudio/HumanSignal+label-studio"
COMPLETIONS = "labelstudio/HumanSignal+label-studio-converter/test/fixtures/completions/348.json"


def test_label_studio_pre_1_0_completions_file(peer_data: Path) -> None:
    [doc] = read_labelstudio(peer_data / COMPLETIONS)
    assert len(doc.spans) == 38 and {s.label for s in doc.spans} == {"INGREDIENT"}
    assert all(doc.text[s.start:s.end] == s.text for s in doc.spans)
    assert doc.spans[0].text == "Aqua (Water)" and "Sodium Lauroyl Methyl Isethionate," in {s.text for s in doc.spans}
    assert doc.annotator == "labelstudio"


def test_label_studio_span_whose_text_disagrees_is_named(peer_data: Path) -> None:
    path = peer_data / STUDIO / "label_studio/examples/text_named_entity/tasks.json"
    with pytest.raises(InputError) as caught:
        read_labelstudio(path)
    assert str(caught.value) == (f"{path}: task #1: span [343, 353) Date: the file says it covers 'February 22' "
                                 "but the text there is 'February 2'")


def test_brat_tutorials_give_their_entities_and_report_the_rest(peer_data: Path) -> None:
    ann = peer_data / "brat/tutorials/news/000-introduction.ann"
    [doc] = read_brat(ann, "alice")
    assert sorted({s.label for s in doc.spans}) == ["GPE", "Money", "Organization", "Person"]
    assert all(doc.text[s.start:s.end] == s.text for s in doc.spans)
    assert doc.notes == [f"{ann}: ignored (not spans): 5 attributes, 1 event, 1 event trigger, 1 normalisation"]
    assert {(r.from_span.text, r.type, r.to_span.text) for r in doc.relations} == {
        ("banks", "Origin", "Switzerland"), ("Raul Salinas de Gortari", "Family", "former Mexican president")}
    assert [(span.label, text) for span, text in doc.comments] == [("Money", "100000000 USD")]  # a comment now
    assert format_of(ann.with_suffix(".txt")) == "brat"  # a .txt with an .ann beside it is a brat document


def test_brat_discontinuous_spans_are_reported_not_imported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("泸州银行\r\n和市工商联".encode())
    (tmp_path / "a.ann").write_text("T1\tORG 0 2;7 11\t泸州 市工商联\nT2\tORG 0 4;6 7\t泸州银行 和\n", "utf-8")
    [doc] = read_brat(tmp_path / "a.txt", "alice")
    assert [(s.text, s.label) for s in doc.spans] == [("泸州银行\n和", "ORG")]  # CR LF counted as two, as brat does
    assert doc.notes == [f"{tmp_path / 'a.ann'}:1: T1 ORG is discontinuous (2 fragments); not imported"]
    (tmp_path / "a.ann").write_text("T1\tORG 0 3\t泸州银行\n", "utf-8")
    with pytest.raises(InputError, match="a.ann:1: T1 ORG: the .ann says '泸州银行' but the .txt has '泸州银'"):
        read_brat(tmp_path / "a.ann", "alice")


@pytest.mark.parametrize(("first_line", "found"), [
    (b'{"text": "a", "label": [[0, 1, "X"]]}', "jsonl"),
    (b'{"text": "a", "entities": []}', "jsonl"),
    (b'{"text": "a", "label": {"X": {"a": [[0, 0]]}}}', "cluener"),
    (b'{"text": "a", "tokens": [], "spans": []}', "spans"),
    (b'{"tokens": ["a"], "ner_tags": ["O"]}', "hf"),
])
def test_jsonl_formats_are_told_apart_by_their_first_record(tmp_path: Path, first_line: bytes, found: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(first_line + b"\n")
    assert format_of(path) == found
    assert read_file(path, "alice")[0].text == "a"
