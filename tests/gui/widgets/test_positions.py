"""Code points <-> Qt UTF-16 positions: the one conversion, checked against Qt's own counting,
with astral characters (𠮷, emoji) and with the line breaks the view inserts into very long lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from biaozhu.gui.widgets.positions import PositionMap, display_breaks, display_text

chars = st.sampled_from("泸州a1 ，。\n𠮷😀🇨🇳\U0002A6A5·")
texts = st.lists(chars, max_size=60).map("".join)
longest = st.one_of(st.none(), st.integers(2, 12))


def shown(text: str, limit: int | None) -> tuple[str, PositionMap]:
    breaks = display_breaks(text, limit) if limit else []
    return display_text(text, breaks), PositionMap(text, breaks)


@given(texts, longest)
def test_every_code_point_offset_round_trips(text: str, limit: int | None) -> None:
    display, positions = shown(text, limit)
    assert positions.qt_length == len(display.encode("utf-16-le")) // 2
    for offset in range(len(text) + 1):
        assert positions.to_cp(positions.to_qt(offset)) == offset


@given(texts, longest)
def test_qt_selects_exactly_the_stored_characters(text: str, limit: int | None) -> None:
    """A Qt selection made from converted offsets holds the code points ``text[start:end]``
    (plus any display break inside it, which is not part of the stored text)."""
    display, positions = shown(text, limit)
    document = QTextDocument()
    document.setPlainText(display)
    for start in range(len(text)):
        for end in (start + 1, len(text)):
            cursor = QTextCursor(document)
            cursor.setPosition(positions.to_qt(start))
            cursor.setPosition(positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            selected = cursor.selectedText().replace("\u2029", "\n")
            if limit is None:
                assert selected == text[start:end]
            else:
                assert selected.replace("\n", "") == text[start:end].replace("\n", "")


@given(texts, st.integers(2, 12))
def test_display_blocks_are_short_and_the_text_is_unchanged(text: str, limit: int) -> None:
    breaks = display_breaks(text, limit)
    display = display_text(text, breaks)
    assert all(len(line) <= limit for line in display.split("\n"))
    assert breaks == sorted(set(breaks)) and all(0 < b < len(text) for b in breaks)
    inserted = {b + k for k, b in enumerate(breaks)}
    assert all(display[i] == "\n" for i in inserted)
    assert "".join(c for i, c in enumerate(display) if i not in inserted) == text


@given(texts, longest, st.integers(1, 7), st.randoms())
def test_counting_astral_characters_by_chunks_converts_as_counting_them_all(
        text: str, limit: int | None, chunk: int, rng: object) -> None:
    """Chunks are counted and scanned as conversions reach them, in any order (a long report's first screen,
    then wherever the user goes): the same positions as one scan of the whole text, and as Qt counts."""
    display, whole = shown(text, limit)
    breaks = display_breaks(text, limit) if limit else []
    chunked = PositionMap(text, breaks, chunk=chunk)
    offsets = list(range(len(text) + 1))
    units = list(range(-1, whole.qt_length + 2))
    rng.shuffle(offsets)  # type: ignore[attr-defined]
    rng.shuffle(units)  # type: ignore[attr-defined]
    for offset in offsets:
        unbroken = len(text[:offset].encode("utf-16-le")) // 2
        assert chunked.to_qt(offset) == whole.to_qt(offset) == unbroken + sum(1 for b in breaks if b <= offset)
    assert [chunked.to_cp(q) for q in units] == [whole.to_cp(q) for q in units]
    assert chunked.qt_length == len(display.encode("utf-16-le")) // 2


def test_a_position_inside_a_surrogate_pair_means_that_character() -> None:
    positions = PositionMap("a𠮷b")
    assert [positions.to_cp(q) for q in range(5)] == [0, 1, 1, 2, 3]
    assert [positions.to_qt(c) for c in range(4)] == [0, 1, 3, 4]


def test_a_long_line_breaks_after_a_sentence_end() -> None:
    text = "一二三。四五六七八九十"
    assert display_breaks(text, 6) == [4, 10]  # after the full stop, then at the limit
    assert display_text(text, [4, 10]) == "一二三。\n四五六七八九\n十"
