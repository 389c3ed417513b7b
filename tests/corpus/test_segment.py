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


def test_only_word_like_span_texts_are_learned_and_a_whole_report_costs_nothing() -> None:
    fresh = Segmenter()
    report = "泸州市委统战部联合泸州银行推出产品。" * 55_000  # a span over a whole 1M-character report
    fresh.learn([report, "第一行\n第二行", "推出产品。", "放贷377.178亿元后继续支持民营企业发展壮大", "泸州",
                 "酒城同心·金融速贷"])
    assert fresh.learned == {"泸州", "酒城同心·金融速贷"}
    assert snapped(fresh, "酒城同心·金融速贷", "金融") == "酒城同心·金融速贷"


def test_a_forgotten_text_stops_snapping_and_counts_follow_the_spans() -> None:
    fresh = Segmenter()
    fresh.learn(["酒城同心·金融速贷", "酒城同心·金融速贷"])  # two spans have it
    fresh.forget(["酒城同心·金融速贷"])
    assert snapped(fresh, "酒城同心·金融速贷", "金融") == "酒城同心·金融速贷"  # one span still has it
    fresh.forget(["酒城同心·金融速贷"])
    assert fresh.learned == frozenset()
    assert snapped(fresh, "酒城同心·金融速贷", "金融") == "金融"
    fresh.follow({"城同心·金": 1, "泸州银行": 2})  # e.g. the span was moved: its new text teaches
    assert fresh.learned == {"城同心·金", "泸州银行"}
    assert snapped(fresh, "酒城同心·金融速贷", "同") == "城同心·金"
    fresh.follow({"泸州银行": 1})
    assert fresh.learned == {"泸州银行"}
    assert snapped(fresh, "酒城同心·金融速贷", "同") != "城同心·金"
    assert snapped(Segmenter(), "泸州市委统战部", "州市委统") == "泸州市委统战部"  # others' dictionaries untouched


def test_following_only_the_texts_that_moved_matches_following_them_all() -> None:
    """A project holds a million span texts: after an edit only the few whose counts moved are followed, and
    snapping grows over learned texts by looking the selection's neighbourhood up, however many are learned."""
    many = {f"{i:06d}号文": 1 for i in range(100_000)}  # word-like texts no selection here touches
    fresh = Segmenter()
    fresh.follow({**many, "城同心·金": 1, "泸州银行": 2})
    fresh.follow({**many, "泸州银行": 1, "金融速贷": 1}, {"城同心·金", "泸州银行", "金融速贷"})
    assert fresh.learned == {*many, "泸州银行", "金融速贷"}
    assert snapped(fresh, "酒城同心·金融速贷", "同") != "城同心·金"
    assert snapped(fresh, "酒城同心·金融速贷", "融速") == "金融速贷"


def test_a_learned_text_is_one_of_jiebas_words_where_it_occurs_until_forgotten() -> None:
    """A project's span texts are learned at once, and jieba cuts each where it occurs as one word: tag-all sees
    市委统战部 inside a learned 绵阳市委统战部, not in a 市委统战部 of its own."""
    text = "绵阳市委统战部和市委统战部"
    fresh = Segmenter()
    assert fresh.longer_word(text, 2, 7) is None
    fresh.follow({f"{i:06d}号文": 1 for i in range(100_000)} | {"绵阳市委统战部": 2, " 泸州银行 ": 1, "第一行\n": 1})
    assert fresh.learned >= {"绵阳市委统战部", "泸州银行"} and "第一行\n" not in fresh.learned
    assert fresh.longer_word(text, 2, 7) == "绵阳市委统战部"
    assert fresh.longer_word(text, 8, 13) is None
    fresh.forget(["绵阳市委统战部"])
    assert fresh.longer_word(text, 2, 7) == "绵阳市委统战部"  # one span still has it
    fresh.forget(["绵阳市委统战部"])
    assert fresh.longer_word(text, 2, 7) is None
