"""The model engine on hand-made cases: a character CRF per label learns figures, bodies and programmes from a few
sentences, finds them in sentences it has not seen (nested ones of different labels too), leaves years alone,
scores what it proposes, and judges the other engines' candidates."""

from __future__ import annotations

from functools import cache

import pytest

from biaozhu.corpus.crf import Example, Model, Segment, train
from biaozhu.corpus.errors import Refused
from biaozhu.corpus.model import Span
from biaozhu.corpus.segment import Segmenter
from biaozhu.corpus.suggestions import MODEL, RULES, Suggestion

LABELS = ["PROGRAM", "METRIC", "ORGANIZATION"]


@cache
def words() -> Segment:
    return Segmenter().words


def example(text: str, *spans: tuple[str, str]) -> Example:
    found = []
    for surface, label in spans:
        start = text.index(surface)
        found.append(Span(start, start + len(surface), label, surface))
    return Example(text, found)


BANKS = ["泸州银行", "兴业银行", "农业银行", "工商银行", "交通银行", "民生银行"]
BODIES = ["市工商联", "区工商联", "市委统战部", "县工商联", "市侨联", "区委统战部"]
FIGURES = [("377亿元", "1007户"), ("25亿元", "300户"), ("3.5亿元", "58家"), ("1200万元", "46个"),
           ("17.8亿元", "2000户"), ("600万元", "12家")]
PROGRAMS = ["有困难找工商联", "服务泸商快车", "万企兴万村", "酒城同心", "同心共富", "助企纾困"]
TRAINING = [example(f"{2015 + i}年，{bank}发放贷款{money}，服务企业{count}。", (bank, "ORGANIZATION"),
                    (money, "METRIC"), (count, "METRIC"))
            for i, (bank, (money, count)) in enumerate(zip(BANKS, FIGURES, strict=True))] + [
    example(f"{body}开展“{name}”活动，走访企业{count}。", (body, "ORGANIZATION"), (name, "PROGRAM"),
            *([("工商联", "ORGANIZATION")] if "工商联" in name else []), (count, "METRIC"))
    for body, name, (_, count) in zip(BODIES, PROGRAMS, FIGURES, strict=True)] + [
    example(f"{body}推出“{bank}惠企贷”，投放{money}。", (body, "ORGANIZATION"), (f"{bank}惠企贷", "PROGRAM"),
            (bank, "ORGANIZATION"), (money, "METRIC"))  # a programme named after a bank: spans nest
    for body, bank, (money, _) in zip(BODIES, BANKS[::-1], FIGURES, strict=True)] + [
    example("一是加强引领，二是强化服务，2019年完成。"), example("这一年，全市统一战线凝心聚力。")]


@pytest.fixture(scope="module")
def model() -> Model:
    data, info = train(TRAINING, LABELS, words())
    assert info.documents == 20 and info.spans == 6 * 3 + 6 * 3 + 1 + 6 * 4
    return Model(data)


def found(model: Model, text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in model.suggest(text, words())}


def test_it_finds_figures_and_bodies_in_a_sentence_it_has_not_seen_and_no_years(model: Model) -> None:
    text = "2022年，建设银行发放贷款88亿元，服务企业2046户。"
    assert found(model, text) == {("建设银行", "ORGANIZATION"), ("88亿元", "METRIC"), ("2046户", "METRIC")}


def test_spans_of_different_labels_nest(model: Model) -> None:
    text = "市侨联也推出“建设银行惠企贷”，投放9亿元。"
    assert {("建设银行惠企贷", "PROGRAM"), ("建设银行", "ORGANIZATION")} <= found(model, text)


def test_each_suggestion_says_it_is_the_models_and_how_sure(model: Model) -> None:
    suggestions = model.suggest("建设银行发放贷款88亿元。", words())
    assert suggestions and all(s.engine == MODEL and 0 < s.score <= 1 for s in suggestions)
    assert all(s.score > 0.5 for s in suggestions)  # the model is sure of what it learned well


def test_the_model_judges_other_engines_candidates(model: Model) -> None:
    text = "建设银行发放贷款88亿元。"
    good = Suggestion(8, 12, "METRIC", 0.9, RULES)
    wrong = Suggestion(4, 8, "METRIC", 0.9, RULES)  # 发放贷款 is no figure
    tagged = model.tag(text, words(), candidates=[good, wrong])
    judged = {(s.start, s.end): s for s in tagged.judged}
    assert judged[8, 12].score > 0.5 and judged[4, 8].score < 0.05 and judged[8, 12].engine == RULES
    assert (4, 8) not in {(s.start, s.end) for s in model.suggest(text, words(), candidates=[good, wrong])}


def test_the_model_is_less_sure_of_a_text_unlike_what_it_learned(model: Model) -> None:
    alike = model.tag("2023年，泸州银行发放贷款377亿元，服务企业1007户。", words()).uncertainty
    unlike = model.tag("中国式现代化引领新时代区域中心城市建设取得了新突破和新气象。", words()).uncertainty
    assert 0 <= alike < unlike <= 1


def test_a_damaged_model_file_is_refused_with_a_sentence() -> None:
    with pytest.raises(Refused, match="damaged"):
        Model(b"not a model")
