"""Word's automatic numbering stays in the text and heading styles give the outline (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

import report_files
from biaozhu.corpus.formats import read_file
from biaozhu.corpus.formats.docx_numbering import chinese_number, format_number

ITEMS = [
    (-1, "2022年工作总结", "Title"),
    (0, "总体情况", "Heading 1"),
    (1, "主要做法", "Heading 2"),
    (2, "加强学习。", None),
    (3, "举办培训班3期。", None),
    (3, "开展调研5次。", None),
    (2, "推动发展。", None),
    (1, "存在问题", "Heading 2"),
    (0, "下一步打算", "Heading 1"),
    (-1, "一是加强领导。", None),
]
EXPECTED = """2022年工作总结
一、总体情况
（一）主要做法
1. 加强学习。
（1）举办培训班3期。
（2）开展调研5次。
2. 推动发展。
（二）存在问题
二、下一步打算
一是加强领导。"""


def test_automatic_numbering_is_kept_in_the_text(tmp_path: Path) -> None:
    path = tmp_path / "总结.docx"
    report_files.write_numbered_docx(path, ITEMS)
    [document] = read_file(path)
    assert document.text == EXPECTED


def test_numbering_that_comes_from_the_heading_styles_is_kept_too(tmp_path: Path) -> None:
    path = tmp_path / "样式编号.docx"
    report_files.write_numbered_docx(path, ITEMS, by_style=True)
    assert read_file(path)[0].text == EXPECTED


def test_heading_styles_are_recorded_with_their_offsets(tmp_path: Path) -> None:
    path = tmp_path / "总结.docx"
    report_files.write_numbered_docx(path, ITEMS)
    [document] = read_file(path)
    headings = [(document.text[s:e], level) for s, e, level in document.meta["headings"]]
    assert headings == [("一、总体情况", 1), ("（一）主要做法", 2), ("（二）存在问题", 2), ("二、下一步打算", 1)]


@pytest.mark.parametrize(("n", "expected"), [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九"),
                                             (100, "一百"), (105, "一百零五"), (110, "一百一十"), (121, "一百二十一")])
def test_chinese_counting(n: int, expected: str) -> None:
    assert chinese_number(n) == expected


def test_other_word_number_formats() -> None:
    assert [format_number(4, f) for f in ("upperRoman", "lowerLetter", "decimalEnclosedCircle", "ideographDigital")] \
        == ["IV", "d", "④", "四"]
