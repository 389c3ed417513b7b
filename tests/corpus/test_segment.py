"""Word snapping: selections grow to jieba's word boundaries and over span texts the project has learned."""

from __future__ import annotations

import pytest

from biaozhu.corpus.segment import Segmenter

TEXT = "泸州市委统战部联合泸州银行推出“酒城同心·金融速贷”产品，放贷377.178亿元。"


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


def snapped(segmenter: Segmenter, part: str, inner: str | None = None) -> str:
    """Select ``inner`` (a piece of ``part``) inside TEXT and return what snapping makes of it."""
    start = TEXT.index(part) + (part.index(inner) if inner else 0)
    start, end = segmenter.snap(TEXT, start, start + len(inner or part))
    return TEXT[start:end]


def test_a_selection_grows_to_the_words_it_touches(segmenter: Segmenter) -> None:
    assert snapped(segmenter, "泸州市委统战部", "州市委统") == "泸州市委统战部"
    assert snapped(segmenter, "377.178亿元", "77.1") == "377.178"
    assert snapped(segmenter, "泸州银行", "泸州银行") == "泸州银行"


def test_an_empty_selection_stays_empty(segmenter: Segmenter) -> None:
    assert segmenter.snap(TEXT, 5, 5) == (5, 5)


def test_a_learned_span_text_with_a_middle_dot_stays_whole() -> None:
    fresh = Segmenter()
    assert snapped(fresh, "酒城同心·金融速贷", "金融") == "金融"  # jieba alone cuts at '·'
    fresh.learn(["酒城同心·金融速贷", "  "])
    assert snapped(fresh, "酒城同心·金融速贷", "金融") == "酒城同心·金融速贷"
    assert snapped(fresh, "酒城同心·金融速贷", "心·金") == "酒城同心·金融速贷"
    assert fresh.learned == {"酒城同心·金融速贷"}


def test_what_one_segmenter_learns_does_not_leak_into_another() -> None:
    first, second = Segmenter(), Segmenter()
    first.learn(["酒城同心·金融速贷"])
    assert snapped(first, "酒城同心·金融速贷", "金融") == "酒城同心·金融速贷"
    assert snapped(second, "酒城同心·金融速贷", "金融") == "金融"
    assert second.learned == frozenset()
