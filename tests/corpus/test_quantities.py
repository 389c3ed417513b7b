"""METRIC values as analysts read them: the figure with its magnitude folded in, the unit, and what 余/近/以上 say."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from biaozhu.corpus.quantities import Qualifier, chinese_integer, parse_quantity, plain

EXACT, AT_LEAST, AT_MOST, ABOUT, RANGE = (Qualifier.EXACT, Qualifier.AT_LEAST, Qualifier.AT_MOST, Qualifier.ABOUT,
                                          Qualifier.RANGE)

CASES = [
    # Arabic figures with units, as in the seed reports
    ("377.178亿元", "37717800000", None, "元", EXACT),
    ("7306人次", "7306", None, "人次", EXACT),
    ("1007户", "1007", None, "户", EXACT),
    ("1.59万", "15900", None, "", EXACT),
    ("1,234.5万美元", "12345000", None, "美元", EXACT),
    ("1.2万亿元", "1200000000000", None, "元", EXACT),
    ("3.5千万元", "35000000", None, "元", EXACT),
    ("20个", "20", None, "个", EXACT),
    ("126家", "126", None, "家", EXACT),
    ("15件", "15", None, "件", EXACT),
    ("8条", "8", None, "条", EXACT),
    ("42名", "42", None, "名", EXACT),
    ("6项", "6", None, "项", EXACT),
    ("300份", "300", None, "份", EXACT),
    ("12场", "12", None, "场", EXACT),
    ("3批", "3", None, "批", EXACT),
    ("4期", "4", None, "期", EXACT),
    ("9所", "9", None, "所", EXACT),
    ("2.6万吨", "26000", None, "吨", EXACT),
    ("０.５万元", "5000", None, "元", EXACT),  # full-width digits
    ("1 007户", "1007", None, "户", EXACT),
    # Chinese numerals
    ("三千五百万元", "35000000", None, "元", EXACT),
    ("一亿二千万", "120000000", None, "", EXACT),
    ("两百人", "200", None, "人", EXACT),
    ("十五个", "15", None, "个", EXACT),
    ("二十三家", "23", None, "家", EXACT),
    ("一百零五项", "105", None, "项", EXACT),
    ("一万亿元", "1000000000000", None, "元", EXACT),
    ("五千", "5000", None, "", EXACT),
    ("一〇〇七户", "1007", None, "户", EXACT),
    ("叁佰万元", "3000000", None, "元", EXACT),
    ("九万八千人", "98000", None, "人", EXACT),
    # percentages and percentage points
    ("40%", "40", None, "%", EXACT),
    ("12.5％", "12.5", None, "%", EXACT),
    ("百分之四十", "40", None, "%", EXACT),
    ("百分之12.5", "12.5", None, "%", EXACT),
    ("3.2个百分点", "3.2", None, "个百分点", EXACT),
    # qualifiers
    ("38万余公里", "380000", None, "公里", AT_LEAST),
    ("50多件", "50", None, "件", AT_LEAST),
    ("两百余人", "200", None, "人", AT_LEAST),
    ("30余项", "30", None, "项", AT_LEAST),
    ("4.5亿元以上", "450000000", None, "元", AT_LEAST),
    ("超过1000家", "1000", None, "家", AT_LEAST),
    ("逾百家", "100", None, "家", AT_LEAST),
    ("不足10%", "10", None, "%", AT_MOST),
    ("不到50人", "50", None, "人", AT_MOST),
    ("100人以下", "100", None, "人", AT_MOST),
    ("近千个", "1000", None, "个", ABOUT),
    ("约500万元", "5000000", None, "元", ABOUT),
    ("300人左右", "300", None, "人", ABOUT),
    ("将近2万人", "20000", None, "人", ABOUT),
    ("累计7306人次", "7306", None, "人次", EXACT),
    ("共1007户", "1007", None, "户", EXACT),
    ("达377.178亿元", "37717800000", None, "元", EXACT),
    # ranges
    ("5-8万元", "50000", "80000", "元", RANGE),
    ("5万元至8万元", "50000", "80000", "元", RANGE),
    ("3~5家", "3", "5", "家", RANGE),
    ("1000—2000元", "1000", "2000", "元", RANGE),
    ("三到五个", "3", "5", "个", RANGE),
]

NOT_QUANTITIES = ["2022年", "2023年度", "3月5日", "一是", "二是", "第三", "亿元", "万元", "", "泸州银行", "8-5个",
                  "5年3月", "12月", "10日"]


@pytest.mark.parametrize(("text", "value", "value_max", "unit", "qualifier"), CASES)
def test_a_metric_is_read_as_an_analyst_reads_it(text: str, value: str, value_max: str | None, unit: str,
                                                 qualifier: Qualifier) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None, text
    assert (plain(quantity.value), quantity.value_max and plain(quantity.value_max), quantity.unit,
            quantity.qualifier) == (value, value_max, unit, qualifier)


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_years_dates_and_list_markers_are_flagged_not_guessed(text: str) -> None:
    assert parse_quantity(text) is None


def test_values_are_exact_decimals_printed_as_plain_digits() -> None:
    quantity = parse_quantity("377.178亿元")
    assert quantity is not None and isinstance(quantity.value, Decimal)
    assert plain(quantity.value) == "37717800000" and "E" not in plain(Decimal("3.77178E+10"))
    assert plain(Decimal("0.50")) == "0.5"


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_chinese_numerals_read_back_what_a_writer_of_them_wrote(number: int) -> None:
    assert chinese_integer(write_chinese(number)) == number


@given(st.integers(min_value=1, max_value=99999), st.sampled_from(["", "万", "亿", "千万", "万亿"]))
def test_arabic_figures_fold_their_magnitude_in(number: int, magnitude: str) -> None:
    factor = {"": 1, "万": 10**4, "亿": 10**8, "千万": 10**7, "万亿": 10**12}[magnitude]
    quantity = parse_quantity(f"{number}{magnitude}元")
    assert quantity is not None and quantity.value == number * factor and quantity.unit == "元"


def write_chinese(number: int) -> str:
    """An independent writer of Chinese numerals (zeros as 零 between groups), for the property above."""
    digits = "零一二三四五六七八九"
    if number == 0:
        return "零"

    def below_10000(n: int) -> str:
        out, zero = "", False
        for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = n // value % 10
            if digit:
                out += ("零" if zero and out else "") + digits[digit] + name
                zero = False
            else:
                zero = True
        return out

    groups = [(number // 10**8, "亿"), (number // 10**4 % 10**4, "万"), (number % 10**4, "")]
    out = ""
    for value, name in groups:
        if value:
            if out and value < 1000:
                out += "零"
            out += below_10000(value) + name
    return out
