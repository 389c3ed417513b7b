"""doccano JSONL: doccano's own fixture files, offsets through CRLF and astral characters."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.formats.doccano import read_doccano

SEQUENCE = "doccano/backend/data_import/tests/data/sequence_labeling"


def test_doccanos_overlapping_fixture_drops_the_exact_duplicate(peer_data: Path) -> None:
    [doc] = read_doccano(peer_data / SEQUENCE / "example_overlapping.jsonl", "alice")
    assert doc.text == "exampleA"
    assert [(s.start, s.end, s.label, s.text) for s in doc.spans] == [(0, 1, "LOC", "e")]
    assert doc.meta == {"wikiPageID": 1}


def test_doccanos_fixture_with_a_line_without_text_names_that_line(peer_data: Path) -> None:
    path = peer_data / SEQUENCE / "example.jsonl"
    with pytest.raises(InputError) as caught:
        read_doccano(path, "alice")
    assert caught.value.line == 3
    assert str(caught.value) == f'{path}:3: the line has no "text"'


def test_entities_form_from_doccanos_relation_example(peer_data: Path) -> None:
    path = peer_data / "doccano/backend/data_import/pipeline/examples/relation_extraction/example.jsonl"
    [doc] = read_doccano(path, "alice")
    assert [(s.text, s.label) for s in doc.spans] == [
        ("Google", "ORG"), ("September 4, 1998", "DATE"), ("Larry Page", "PERSON"), ("Sergey Brin", "PERSON")]


def test_offsets_survive_crlf_and_astral_characters(tmp_path: Path) -> None:
    text = "𠮷野家😀\r\n泸州银行\r\n377.178亿元"
    path = tmp_path / "in.jsonl"
    start = text.index("泸州银行")
    metric = text.index("377")
    path.write_bytes(orjson.dumps({"text": text, "label": [[start, start + 4, "ORGANIZATION"],
                                                           [metric, len(text), "METRIC"]]}) + b"\n")
    [doc] = read_doccano(path, "alice")
    assert doc.text == "𠮷野家😀\n泸州银行\n377.178亿元"
    assert [doc.text[s.start:s.end] for s in doc.spans] == ["泸州银行", "377.178亿元"]
    assert doc.normalisation["crlf_to_lf"] == 2


@pytest.mark.parametrize(("line", "message"), [
    (b'{"text": "abc", "label": [[0, 9, "L"]]}', "outside the text"),
    (b'{"text": "abc", "label": ["POSITIVE"]}', "text-classification"),
    (b'{"text": "abc", "label": [[0, 2, "L"], [1, 3, "L"]]}', "cross"),
    (b'{"text": "abc"', "not valid JSON"),
    (b'["abc"]', "JSON object"),
])
def test_bad_lines_are_named(tmp_path: Path, line: bytes, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"text": "fine", "label": []}\n\n' + line + b"\n")
    with pytest.raises(InputError, match=message) as caught:
        read_doccano(path, "alice")
    assert caught.value.line == 3


def test_spans_without_an_annotator_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "abc", "label": [[0, 1, "L"]]}\n')
    with pytest.raises(InputError, match="--annotator"):
        read_doccano(path, None)
    path.write_bytes(b'{"text": "abc", "label": [[0, 1, "L"]], "annotator": "bob"}\n')
    assert read_doccano(path, None)[0].annotator == "bob"
