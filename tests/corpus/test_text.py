"""Decoding and normalising report files: encodings, BOMs, line breaks, and the offset map."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from biaozhu.corpus.errors import InputError
from biaozhu.corpus.text import load_text, normalise

REPORT = "泸州银行发放“酒城同心·金融速贷”377.178亿元\r\n𠮷野家😀 1007户\r市工商联\n"


@pytest.mark.parametrize(("data", "encoding"), [
    (REPORT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + REPORT.encode("utf-8"), "utf-8"),
    (REPORT.encode("utf-16"), "utf-16"),
    (REPORT.replace("𠮷野家😀 ", "").encode("gbk"), "gb18030"),
    (REPORT.encode("gb18030"), "gb18030"),
])
def test_every_supported_encoding_gives_the_same_lf_text(data: bytes, encoding: str) -> None:
    loaded = load_text(data, "report.txt")
    expected = REPORT.replace("\r\n", "\n").replace("\r", "\n")
    if "𠮷" not in loaded.text:
        expected = expected.replace("𠮷野家😀 ", "")
    assert loaded.text == expected
    assert loaded.steps["encoding"] == encoding
    assert "\ufeff" not in loaded.text and "\r" not in loaded.text
    assert loaded.steps["crlf_to_lf"] == 1 and loaded.steps["cr_to_lf"] == 1


# The 3,755 most common hanzi (GB2312 level 1: lead bytes B0 to D7), from which mainland texts are mostly made.
COMMON_HANZI = [bytes([lead, trail]).decode("gb2312") for lead in range(0xB0, 0xD8) for trail in range(0xA1, 0xFF)
                if (lead, trail) < (0xD7, 0xFA)]


@pytest.mark.parametrize("length", [3, 6, 12, 30])
def test_short_gbk_text_is_never_read_as_big5(length: int) -> None:
    """charset-normalizer reads most 3-character GBK samples as Big5 (泸州市 as 蜚笣庈): GB18030 comes first."""
    rng = random.Random(length)
    for _ in range(150):
        text = "".join(rng.choice(COMMON_HANZI) for _ in range(length))
        loaded = load_text(text.encode("gbk"), "short.txt")
        assert (loaded.text, loaded.steps["encoding"]) == (text, "gb18030")
        if loaded.note:  # a guess is never stored silently: the note goes to the import summary and the document
            assert "read as GB18030" in loaded.note and loaded.steps["encoding_note"] == loaded.note


def test_big5_is_still_read_as_big5_and_says_so() -> None:
    text = "這是一個測試文件，內容為繁體中文。臺灣銀行發放貸款共計三百七十七億元"
    loaded = load_text(text.encode("big5"), "big5.txt")
    assert loaded.text == text and loaded.steps["encoding"] == "big5" and "read as big5" in (loaded.note or "")


def test_the_bom_is_recorded() -> None:
    assert load_text(b"\xef\xbb\xbf\xe4\xb8\xad", "a.txt").steps["bom"] is True
    assert "bom" not in load_text("中".encode(), "a.txt").steps


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    (b"  \n\t", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (bytes(range(1, 32)) * 50, "binary"),
    (b"\xff\xfe\x00\xd8", "utf-16"),
])
def test_bad_files_are_refused_with_the_file_name(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        load_text(data, "bad.txt")
    assert str(caught.value).startswith("bad.txt: ")
    assert message in str(caught.value)


TEXT = st.text(alphabet=st.sampled_from(list("泸州a \r\n𠮷😀，\ufeff")), max_size=60)


@given(TEXT, st.data())
def test_offsets_move_with_the_text(raw: str, data: st.DataObject) -> None:
    """A range in the raw text covers, after normalisation, the normalised form of what it covered."""
    result = normalise(raw)
    start = data.draw(st.integers(0, len(raw)))
    end = data.draw(st.integers(start, len(raw)))
    # A range that starts or ends inside a CRLF pair (or starts at the BOM) has no exact image.
    assume_clean = not (0 < start < len(raw) and raw[start - 1:start + 1] == "\r\n") and \
        not (0 < end < len(raw) and raw[end - 1:end + 1] == "\r\n") and not (start == 0 and raw.startswith("\ufeff"))
    if not assume_clean:
        return
    piece = raw[start:end].replace("\r\n", "\n").replace("\r", "\n")
    assert result.text[result.offsets(start):result.offsets(end)] == piece
