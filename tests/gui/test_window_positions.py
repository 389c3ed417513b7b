"""Code points <-> Qt UTF-16 positions: the one conversion, checked against Qt's own counting."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from biaozhu.gui.positions import PositionMap

# Mostly CJK and ASCII, with astral characters (𠮷, emoji) and line breaks mixed in.
chars = st.sampled_from("泸州a1 ，。\n𠮷😀🇨🇳\U0002A6A5·")
texts = st.lists(chars, max_size=60).map("".join)


@given(texts, st.data())
def test_every_code_point_offset_round_trips(text: str, data: st.DataObject) -> None:
    positions = PositionMap(text)
    offset = data.draw(st.integers(0, len(text)))
    qt = positions.to_qt(offset)
    assert qt == len(text[:offset].encode("utf-16-le")) // 2
    assert positions.to_cp(qt) == offset
    assert positions.qt_length == len(text.encode("utf-16-le")) // 2


@given(texts)
def test_qt_selects_the_same_characters(text: str) -> None:
    """A Qt selection made from converted offsets holds exactly the code points ``text[start:end]``."""
    document = QTextDocument()
    document.setPlainText(text)
    positions = PositionMap(text)
    for start in range(len(text)):
        for end in (start + 1, len(text)):
            cursor = QTextCursor(document)
            cursor.setPosition(positions.to_qt(start))
            cursor.setPosition(positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            assert cursor.selectedText().replace("\u2029", "\n") == text[start:end]


def test_a_position_inside_a_surrogate_pair_means_that_character() -> None:
    positions = PositionMap("a𠮷b")
    assert [positions.to_cp(q) for q in range(5)] == [0, 1, 1, 2, 3]
    assert [positions.to_qt(c) for c in range(4)] == [0, 1, 3, 4]
