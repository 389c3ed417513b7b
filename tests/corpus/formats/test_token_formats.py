"""Token formats in the domain: sentences, tags, nesting, and CoNLL/HF readers and writers (issue 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.formats.conll import read_conll, write_conll
from biaozhu.corpus.formats.hf import read_hf, write_hf
from biaozhu.corpus.model import AnnotatedText, Span
from biaozhu.corpus.nesting import NestedSpansRefused, flatten
from biaozhu.corpus.sentences import sentence_ranges
from biaozhu.corpus.tagging import decode, encode, tag_names
from biaozhu.corpus.tokens import char_tokens, spacy_tokens, word_tokens


def span(text: str, part: str, label: str = "ORG") -> Span:
    start = text.index(part)
    return Span(start, start + len(part), label, part)


def doc(text: str, spans: list[Span], annotator: str | None = "alice") -> AnnotatedText:
    return AnnotatedText(1, "report.txt", text, "0" * 64, {}, annotator, spans)


def test_sentences_partition_the_text_and_never_cut_a_span() -> None:
    text = "他说：“好。”然后走了！\n\n第二句；第三句\u3000尾"
    ranges = sentence_ranges(text)
    assert [text[s:e] for s, e in ranges] == ["他说：“好。”", "然后走了！\n\n", "第二句；", "第三句\u3000尾"]
    across = span(text, "走了！\n\n第二句")
    assert [text[s:e] for s, e in sentence_ranges(text, [across])][1] == "然后走了！\n\n第二句；"


def test_tags_in_each_scheme_and_back() -> None:
    text = "泸州银行和市工商联"
    tokens = char_tokens(text)
    spans = [span(text, "泸州银行"), span(text, "和", "X")]
    assert encode(tokens, spans, "bio")[:5] == ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "B-X"]
    assert encode(tokens, spans, "bioes")[:5] == ["B-ORG", "I-ORG", "I-ORG", "E-ORG", "S-X"]
    assert encode(tokens, spans, "bmes")[:5] == ["B-ORG", "M-ORG", "M-ORG", "E-ORG", "S-X"]
    for scheme in ("bio", "bioes", "bmes"):
        assert decode(encode(tokens, spans, scheme)) == [(0, 3, "ORG"), (4, 4, "X")]
    assert decode(["I-ORG", "I-ORG", "O", "B-X", "I-Y"]) == [(0, 1, "ORG"), (3, 3, "X"), (4, 4, "Y")]  # IOB1, lenient
    assert tag_names(["ORG"], "bioes") == ["O", "B-ORG", "I-ORG", "E-ORG", "S-ORG"]
    with pytest.raises(ValueError, match="SOCCER"):
        decode(["SOCCER"])


def test_words_are_cut_at_span_boundaries_and_white_space_is_no_token() -> None:
    text = "泸州银行发放贷款\u3000共计 377.178亿元"
    spans = [span(text, "州银"), span(text, "377.178亿元", "METRIC")]
    tokens = word_tokens(text, spans)
    words = [text[t.start:t.end] for t in tokens]
    assert words[:4] == ["泸", "州", "银", "行"]  # jieba: 泸州|银行, then cut at the span
    assert {t.start for t in tokens} >= {s.start for s in spans} and {t.end for t in tokens} >= {s.end for s in spans}
    assert all(not w.isspace() and w.strip() == w for w in words)


# CJK characters and every kind of white space spaCy meets: one and two ASCII spaces, U+3000, tabs, line breaks.
SPACED = st.lists(st.sampled_from([*"泸州银行市委", " ", "  ", "\u3000", "\t", "\n", "\r\n", " \n"]),
                  max_size=20).map("".join)


@settings(max_examples=200, deadline=None)
@given(text=SPACED)
def test_spacy_tokens_rebuild_the_text_as_spacys_own_tokenizer_cuts_it(text: str) -> None:
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.blank("zh")  # characters, as our char tokens
    tokens = spacy_tokens(text, char_tokens(text))
    words, spaces = [text[t.start:t.end] for t in tokens], [t.ws for t in tokens]
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=True)) == text
    assert Doc(nlp.vocab, words=words, spaces=spaces).text == text
    assert [(t.text, t.whitespace_ == " ") for t in nlp(text)] == list(zip(words, spaces, strict=True))


def test_keep_outer_counts_what_it_drops_and_refuse_names_the_pair() -> None:
    text = "泸州银行"
    spans = [span(text, "泸州银行"), span(text, "泸州"), span(text, "泸州银行", "BANK")]
    flat = flatten(spans, "keep-outer", "report.txt")
    assert flat.kept == [Span(0, 4, "BANK", "泸州银行")] and len(flat.dropped) == 2
    with pytest.raises(NestedSpansRefused, match=r"report.txt: ORG '泸州银行' \[0, 4\) lies inside BANK"):
        flatten(spans, "refuse", "report.txt")


def test_other_tools_conll_reads_as_a_document_per_sentence(peer_data: Path) -> None:
    folder = peer_data / "doccano/backend/data_import/tests/data/sequence_labeling"
    docs = read_conll(folder / "example.conll", "alice")
    assert [(d.text, [(s.text, s.label) for s in d.spans]) for d in docs][:2] == [
        ("JAPAN GET", [("JAPAN", "LOC")]), ("Nadim Ladki", [("Nadim Ladki", "PER")])]
    with pytest.raises(InputError) as caught:
        read_conll(folder / "labeling.invalid.conll", "alice")
    assert caught.value.line == 1 and "'SOCCERO' is not a tag" in str(caught.value)


def test_hf_with_tag_ids_needs_its_tag_list(tmp_path: Path) -> None:
    text = "泸州银行"
    path = tmp_path / "train.jsonl"
    path.write_bytes(b"".join(write_hf([doc(text, [span(text, "泸州")])], tag_ids=tag_names(["ORG"], "bio"))))
    with pytest.raises(InputError, match="no readable tag list"):
        read_hf(path, None)
    (tmp_path / "train.jsonl.labels.json").write_text('["O", "B-ORG", "I-ORG"]')
    [back] = read_hf(path, None)
    assert back.spans == [Span(0, 2, "ORG", "泸州")] and back.annotator == "alice"


# Texts of CJK, astral characters, emoji, full-width and ASCII spaces, line breaks and sentence ends.
ALPHABET = st.sampled_from(list("泸州银行市工商联𠮷😀ab1。！；\n \u3000"))


@st.composite
def annotated(draw: st.DrawFn) -> AnnotatedText:
    text = draw(st.text(ALPHABET, min_size=1, max_size=40).filter(lambda t: t.strip()))
    spans: list[Span] = []
    at = 0
    while at < len(text):
        start = draw(st.integers(at, len(text)))
        end = draw(st.integers(start, min(len(text), start + 8)))
        if end > start and not text[start].isspace() and not text[end - 1].isspace():
            spans.append(Span(start, end, draw(st.sampled_from(["ORG", "METRIC"])), text[start:end]))
        at = max(end, start + 1)
    return doc(text, spans)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=annotated(), scheme=st.sampled_from(["bio", "bioes", "bmes"]), sentences=st.booleans())
def test_conll_round_trips_any_text_and_flat_spans(tmp_path: Path, document: AnnotatedText, scheme: str,
                                                   sentences: bool) -> None:
    path = tmp_path / "out.conll"
    path.write_bytes(b"".join(write_conll([document], scheme=scheme, sentences=sentences, with_text=True)))
    [back] = read_conll(path, None)
    assert back.text == document.text
    assert back.spans == sorted(document.spans)
    assert back.annotator == "alice" and back.name == "report.txt"
