"""Suggestions from rules and from the project's dictionary: figures with units (not years, dates or 一是), quoted
programmes, organisation names; the same text elsewhere with its usual label; never two crossing suggestions."""

from __future__ import annotations

from biaozhu.corpus.model import Span
from biaozhu.corpus.suggestions import (
    DICTIONARY,
    RULES,
    Dictionary,
    Suggestion,
    compatible,
    evaluate,
    rule_suggestions,
    suggest,
)


def found(text: str, label: str) -> list[str]:
    return [text[s.start:s.end] for s in sorted(rule_suggestions(text, [label]), key=lambda s: (s.start, s.end))]


def test_figures_with_units_are_metrics_and_years_dates_and_list_markers_are_not() -> None:
    text = ("2022年3月5日，泸州银行发放贷款377.178亿元，服务1007户、38万余公里、50多件，近千个，增长3.2个百分点，"
            "占百分之四十，补助5-8万元。一是加强引领。")
    assert found(text, "METRIC") == ["377.178亿元", "1007户", "38万余公里", "50多件", "近千个", "3.2个百分点",
                                     "百分之四十", "5-8万元"]


def test_chinese_numerals_bare_magnitudes_and_every_measure_word_make_metrics() -> None:
    text = "投资三千五百万元，会员1.59万，开展19批次，涵盖3种类型、10组家庭、6台设备。"
    assert found(text, "METRIC") == ["三千五百万元", "1.59万", "19批次", "3种", "10组", "6台"]


def test_ordinals_vague_amounts_articles_and_numbers_in_names_are_no_metrics() -> None:
    text = "省第十二次党代会，第3期培训，有数十个集体、数百名个人，交出一份答卷，是一个缩影，增强“五个认同”。"
    assert found(text, "METRIC") == []


def test_quoted_programmes_keep_their_suffix_and_lose_a_bare_pair_of_quotes() -> None:
    text = "开展“万企兴万村”行动，推出“酒城同心·金融速贷”。"
    assert found(text, "PROGRAM") == ["“万企兴万村”行动", "酒城同心·金融速贷"]


def test_a_plans_title_is_a_programme_without_its_years_and_single_quotes_mark_names_too() -> None:
    text = "制定《“泸商回引”专项攻坚行动实施方案（2022-2025年）》和《统一战线工作条例》，推出‘酒城同心·金融速贷’。"
    assert found(text, "PROGRAM") == ["“泸商回引”专项攻坚行动实施方案", "泸商回引", "酒城同心·金融速贷"]


def test_short_words_formulas_questions_and_honours_in_quotes_are_no_programmes() -> None:
    text = "不让一人“掉队”，建成“同心驿”，增强“五个认同”，看“做了什么”，评选“最美统战人”，开展“十个一”活动。"
    assert found(text, "PROGRAM") == ["“十个一”活动"]


def test_organisations_end_in_an_organisation_word_without_what_leads_to_them() -> None:
    text = "由泸州市委统战部、泸州银行和市工商联召开会议。"
    assert found(text, "ORGANIZATION") == ["泸州市委统战部", "泸州银行", "市工商联"]


def test_the_verbs_that_lead_to_a_partner_are_not_part_of_its_name() -> None:
    text = "泸州市委统战部会同泸州银行推出贷款，并联合市工商联举办活动，携手中国银行；同济大学与经济研究中心参加"
    assert found(text, "ORGANIZATION") == ["泸州市委统战部", "泸州银行", "市工商联", "中国银行", "同济大学",
                                           "经济研究中心"]


def test_an_organisation_name_starts_after_the_last_verb_or_function_word_and_ends_where_its_words_end() -> None:
    text = ("企业通过区委统战部反映诉求，聚焦中心工作，理论学习中心组，两级召开党委会议，建设区域中心城市，"
            "我市伊斯兰教协会、泸州市党外知识分子联谊会会长、市委民宗工作领导小组成立。")
    assert found(text, "ORGANIZATION") == ["区委统战部", "伊斯兰教协会", "泸州市党外知识分子联谊会",
                                           "市委民宗工作领导小组"]


def test_bodies_named_by_a_short_name_alone_are_organisations_but_not_inside_a_longer_name() -> None:
    text = "在市委、市政府领导下，省政协、民革、民进和市工商联参加，市委统战部牵头。"
    assert found(text, "ORGANIZATION") == ["市委", "市政府", "省政协", "民革", "民进", "市工商联", "市委统战部"]


def test_the_dictionary_proposes_known_texts_with_their_usual_label_longest_first() -> None:
    known = [Span(0, 4, "ORGANIZATION", "泸州银行"), Span(0, 4, "ORGANIZATION", "泸州银行"),
             Span(0, 4, "PROGRAM", "泸州银行"), Span(0, 2, "ORGANIZATION", "泸州")]
    dictionary = Dictionary.learn(known)
    suggestions = dictionary.suggest("由泸州银行发放")
    assert [(s.start, s.end, s.label) for s in suggestions] == [(1, 5, "ORGANIZATION")]  # not 泸州 inside it
    assert suggestions[0].score == round(0.5 + 0.5 * 2 / 3, 3) and suggestions[0].engine == DICTIONARY


def test_the_dictionary_proposes_nothing_past_the_end_nor_short_or_multiline_texts() -> None:
    dictionary = Dictionary({("泸州银行总行", "ORGANIZATION"): 1, ("泸州银", "ORGANIZATION"): 1,
                             ("泸", "ORGANIZATION"): 5, ("第一\n行", "PROGRAM"): 3})
    assert len(dictionary) == 2
    assert [(s.start, s.end) for s in dictionary.suggest("由泸州银")] == [(1, 4)]  # 泸州银行总行 does not fit
    assert dictionary.suggest("第一\n行，泸") == []


def test_a_dictionary_of_many_texts_finds_each_where_it_stands() -> None:
    texts = [f"{chr(0x4e00 + n // 100)}{chr(0x4e00 + n % 100)}{'号' * (n % 4)}" for n in range(20_000)]
    dictionary = Dictionary({(text, "PROGRAM" if n % 2 else "METRIC"): 1 for n, text in enumerate(texts)})
    text = "，".join(texts[n] for n in (7, 19_999, 4_242))
    assert [(text[s.start:s.end], s.label) for s in dictionary.suggest(text)] == [
        (texts[7], "PROGRAM"), (texts[19_999], "PROGRAM"), (texts[4_242], "METRIC")]


def test_suggestions_never_cross_and_the_better_one_stays() -> None:
    kept = compatible([Suggestion(0, 4, "A", 0.9, RULES), Suggestion(2, 6, "B", 0.5, RULES),
                       Suggestion(1, 3, "C", 0.4, RULES), Suggestion(0, 4, "A", 0.3, DICTIONARY)],
                      existing=[(5, 8)])
    assert [(s.start, s.end, s.label) for s in kept] == [(0, 4, "A"), (1, 3, "C")]


def test_evaluation_counts_exact_matches_per_label_and_overall() -> None:
    text = "泸州银行发放377.178亿元"
    truth = [Span(0, 4, "ORGANIZATION", "泸州银行"), Span(6, 15, "METRIC", "377.178亿元")]
    guessed = [s.as_span(text) for s in suggest(text, [RULES])]
    scores = evaluate([(guessed, truth)])
    assert scores["METRIC"].f1 == 1.0 and scores["all"].expected == 2
