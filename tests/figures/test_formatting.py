from decimal import Decimal

import pytest

from guanmo.figures.formatting import (
    UNDEFINED,
    amount_text,
    digits,
    display_for,
    excel_rate,
    growth_text,
    money_wan,
    money_wan_text,
    money_yi,
    number,
    points,
    points_text,
    rank_header,
    rank_text,
    rate,
    vs_average,
    vs_pace_text,
    vs_time_progress,
    yi,
)


def test_table_money_has_thousands_separators_and_two_decimals():
    assert money_wan(Decimal("672891.28")) == "672,891.28"
    assert money_wan(Decimal("1200")) == "1,200.00"
    assert money_wan(0) == "0.00"


def test_table_money_rounds_half_up_not_to_even():
    # 0.125 → 0.13 half-up; banker's rounding (Python's default) would give 0.12.
    assert money_wan(Decimal("0.125")) == "0.13"
    assert money_wan(Decimal("2.345")) == "2.35"


def test_money_with_its_unit_for_a_fact_line():
    assert money_wan_text(Decimal("12.5")) == "12.50万元"


def test_totals_in_yi_yuan_with_two_decimals():
    assert money_yi(Decimal("672891.28")) == "67.29亿元"
    assert yi(Decimal("672891.28")) == Decimal("67.29")


def test_sentence_money_in_yi_yuan_with_one_decimal_rounds_half_up():
    assert money_yi(Decimal("2328500"), places=1) == "232.9亿元"
    assert money_yi(Decimal("2328499.99"), places=1) == "232.8亿元"


def test_amounts_in_yi_to_one_decimal_half_up():
    assert yi(Decimal("2328750"), places=1) == Decimal("232.9")
    assert yi(Decimal("2328749.99"), places=1) == Decimal("232.9")
    assert yi(Decimal("2324999"), places=1) == Decimal("232.5")


def test_a_computed_statistic_keeps_its_own_digits():
    assert digits(Decimal("0.7120")) == "0.7120"
    assert digits(None) == "—"
    assert digits(Decimal("6011.00"), grouped=True) == "6,011.00"  # a bulletin table's cell


def test_rates_to_one_decimal_with_percent_half_up():
    assert rate(Decimal("37.85")) == "37.9%"
    assert rate(Decimal("100")) == "100.0%"


def test_differences_of_rates_are_signed_points():
    assert points(Decimal("4.5")) == "+4.5"
    assert points(Decimal("-7.45")) == "-7.5"
    assert points(Decimal("-0.04")) == "0.0"
    assert points_text(Decimal("0.9")) == "+0.9个百分点"


def test_rate_against_time_progress_in_words_always_in_points():
    assert vs_time_progress(Decimal("0.9")) == "超时间进度0.9个百分点"
    assert vs_time_progress(Decimal("-7.4")) == "低于时间进度7.4个百分点"
    assert vs_time_progress(Decimal("0.04")) == "与时间进度持平"
    assert vs_time_progress(None) == ""


@pytest.mark.parametrize(
    "show", [money_wan, money_wan_text, money_yi, rate, points, points_text, number]
)
def test_an_undefined_figure_is_a_dash(show):
    assert show(None) == UNDEFINED == "—"


def test_a_float_is_refused_rather_than_rounded_with_its_binary_error():
    with pytest.raises(TypeError):
        money_wan(2.675)


def test_xlsx_rate_is_the_fraction_of_the_shown_percentage():
    assert excel_rate(Decimal("37.85")) == Decimal("0.379")
    assert excel_rate(None) is None


def test_grouped_number_keeps_the_asked_places():
    assert number(Decimal("1234.5"), 2, grouped=True) == "1,234.50"
    assert number(Decimal("37.75")) == "37.8"


def test_rate_against_a_node_of_the_breakdown_says_序时进度():
    assert vs_time_progress(Decimal("2.35"), against="序时进度") == "超序时进度2.4个百分点"
    assert vs_time_progress(Decimal("-0.4"), against="序时进度") == "低于序时进度0.4个百分点"


def test_difference_from_the_group_figure_is_in_points_above_or_below_its_average():
    assert vs_average(Decimal("1.25"), "全市") == "高于全市平均水平1.3个百分点"
    assert vs_average(Decimal("-3.0"), "全省") == "低于全省平均水平3.0个百分点"
    assert vs_average(Decimal("0.0"), "全市") == "与全市平均水平持平"
    assert vs_average(None, "全市") == ""


def test_growth_in_words_says_up_or_down_and_the_size():
    assert growth_text(Decimal("9")) == "增长9.0%"
    assert growth_text(Decimal("-33.3")) == "下降33.3%"
    assert growth_text(Decimal("0.0")) == "持平"
    assert growth_text(None) == ""


def test_rank_in_words_names_the_group_and_a_shared_place():
    assert rank_text(3, "全省") == "居全省第3位"
    assert rank_text(2, "全市", tied=True) == "并列全市第2位"
    assert rank_text(None, "全市") == ""


def test_a_place_among_few_with_figures_is_said_against_those():
    # Only 3 of the province's 18 cities have the figure: 2nd of 3 is not 居全省第2位.
    assert rank_text(2, "全省", among=3) == "在全省有数据的3个中居第2位"
    assert rank_text(1, "全市", tied=True, among=2) == "在全市有数据的2个中并列第1位"
    assert rank_text(None, "全省", among=3) == ""


def test_a_rank_column_says_among_how_many_it_is_taken():
    assert rank_header(3) == "位次（共3个）"
    assert rank_header(3, "按数值，越少越好") == "位次（按数值，越少越好；共3个）"
    assert rank_header(0, "按增速") == "位次（按增速）"
    assert rank_header(0) == "位次"  # none ranked: no count to give


@pytest.mark.parametrize(
    ("vs_pace", "ceiling", "said"),
    [
        ("4.5", False, "超序时进度4.5个百分点"),
        ("0.0", False, "完成序时进度"),
        ("0.04", False, "完成序时进度"),  # as shown: 0.0
        ("-7.4", False, "低于序时进度7.4个百分点"),
        ("8.3", True, "超序时进度8.3个百分点"),
        ("0.0", True, "未超序时进度"),
        ("-16.7", True, "低于序时进度16.7个百分点（控制较好）"),
        (None, False, ""),
    ],
)
def test_a_share_against_its_pace_is_said_by_what_the_target_is(vs_pace, ceiling, said):
    # A task done exactly to its node 完成序时进度; a quota used exactly to it 未超序时进度
    # (README's word: tryout 17 read 已达序时进度 as praise of a quota used up).
    points = None if vs_pace is None else Decimal(vs_pace)
    assert vs_pace_text(points, ceiling=ceiling) == said


def test_a_table_of_figures_under_one_of_its_unit_is_shown_in_the_smaller_unit():
    # Tryout 12: towns' 脱贫人口 all showed 0.13万人; in 人 they are told apart.
    shown = display_for("万人", 2, [Decimal("0.1312"), Decimal("0.1287"), None])
    assert (shown.unit, shown.places) == ("人", 0)
    assert [shown.text(v) for v in (Decimal("0.1312"), Decimal("0.1287"), None)] == [
        "1312",
        "1287",
        UNDEFINED,
    ]
    counties = display_for("万人", 2, [Decimal("2.0"), Decimal("0.4")])
    assert (counties.unit, counties.places, counties.text(Decimal("0.4"))) == ("万人", 2, "0.40")
    assert display_for("批", 0, [Decimal("0.5")]).unit == "批"  # no smaller unit


def test_figures_ranked_apart_are_never_shown_alike():
    # 1312.4 and 1312.3 people rank 1st and 2nd: whole people would show both 1312.
    values = [Decimal("0.13124"), Decimal("0.13123"), Decimal("0.13123")]
    shown = display_for("万人", 2, values, ranks=[1, 2, 2])
    assert [shown.text(v) for v in values] == ["1312.4", "1312.3", "1312.3"]
    assert display_for("万人", 2, values, ranks=[1, 1, 1]).places == 0  # 并列: alike is right


def test_a_figure_said_alone_under_one_of_its_unit_is_said_in_the_smaller_unit():
    # The table's rule for one figure (a sentence, a target's cell): 0.12万人 is 1200人.
    assert amount_text(Decimal("0.12"), "万人", 2) == "1200人"
    assert amount_text(Decimal("0.1312"), "万人", 2) == "1312人"
    assert amount_text(Decimal("4.98"), "万人", 2) == "4.98万人"
    assert amount_text(Decimal("0.5"), "批", 0) == "1批"  # no smaller unit: half-up as it is
    assert amount_text(Decimal("0"), "万人", 2) == "0.00万人"
    assert amount_text(None, "万人", 2) == UNDEFINED


def test_money_in_a_sentence_is_said_by_the_sentences_rule_not_a_tables():
    """Tryout 22: 「调出前完成投资2,000.00万元」 in a bulletin that says 1.9亿元 elsewhere."""
    from guanmo.figures.formatting import money_said

    assert money_said(Decimal("2000")) == "2000万元"
    assert money_said(Decimal("19000")) == "1.9亿元"
    assert money_said(None) == "—"


def test_an_area_in_mu_is_said_to_two_decimals_without_trailing_zeros():
    """The one area formatter (it was attraction.land.mu_text): the tables' two decimals,
    half-up, no trailing zeros, never a float."""
    from guanmo.figures.formatting import mu_text

    assert mu_text(Decimal("530.005")) == "530.01亩"
    assert mu_text(Decimal("50.0025")) == "50亩"
    assert mu_text(Decimal("12.50")) == "12.5亩"
    assert mu_text(30) == "30亩"
    with pytest.raises(TypeError):
        mu_text(12.5)  # type: ignore[arg-type]
