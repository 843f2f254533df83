"""A one-row header naming indicator and measure together (固定资产投资增速（%）, 地区生产总值
（亿元）, 规上工业增加值增速 with 位次 beside), as provincial and city tables are typed (issue 9,
tryout 11 D; issue 12, "Import as the statistics bureau sends it")."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from guanmo.indicators.models import IndicatorValue
from guanmo.indicators.services import install_city_peer_group
from guanmo.indicators.sheet_import import import_indicators
from tests.indicators.sheets import JIAOZUO_UNITS, write
from tests.sheets.files import Drawn

PROVINCE = ("郑州市", "开封市", "洛阳市", "焦作市", "新乡市", "济源市")


def _value(city, indicator: str, region: str) -> IndicatorValue:
    return IndicatorValue.objects.get(
        indicator__city=city, indicator__name=indicator, region__name=region, year=2025, month=6
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_a_growth_header_naming_its_indicator_is_read_with_the_rank_beside_it(
    city, tmp_path, suffix
):
    growths = (5.1, 6.2, 7.3, 9.8, 8.7, -1.0)
    ranks = (5, 4, 3, 1, 2, 6)
    drawn = Drawn(
        [
            ["2025年1—6月全省各省辖市主要经济指标"],
            ["地区", "固定资产投资增速（%）", "位次"],
            ["全  省", 4.5, None],
            *(
                [name[:-1], growth, rank]
                for name, growth, rank in zip(PROVINCE, growths, ranks, strict=True)
            ),
        ],
        name="省辖市",
    )

    report = import_indicators(
        write(tmp_path, drawn, suffix), city=city, year=2025, month=6, group="全省18个省辖市"
    )

    assert report.ok, [str(f) for f in report.faults]
    jiaozuo = _value(city, "固定资产投资", "焦作市")
    assert (jiaozuo.reported_growth, jiaozuo.reported_rank, jiaozuo.value) == (
        Decimal("9.8"),
        1,
        None,
    )
    assert _value(city, "固定资产投资", "济源市").reported_growth == Decimal("-1")
    columns = {use.header: use.field for use in report.columns}
    assert columns == {
        "地区": "地区",
        "固定资产投资增速（%）": "固定资产投资·同比增长（%）",
        "位次": "固定资产投资·位次",
    }


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_several_indicators_named_in_one_header_row_each_take_their_measure(city, tmp_path, suffix):
    install_city_peer_group(city)
    rows = [
        [name, 100 + place, 8.0 - place / 2, place, 12.0 - place, 20 - place, 50 + place, 45]
        for place, name in enumerate(JIAOZUO_UNITS, start=1)
    ]
    drawn = Drawn(
        [
            ["2025年1—6月各县（市、区）主要经济指标"],
            [
                "县（市、区）",
                "地区生产总值（亿元）",
                "地区生产总值增长（%）",
                "位次",
                "一般公共预算收入增长（%）",
                "规上工业增加值增速",
                "固定资产投资绝对值（亿元）",
                "固定资产投资上年同期（亿元）",
            ],
            *rows,
        ],
        name="主要指标",
    )

    report = import_indicators(write(tmp_path, drawn, suffix), city=city, year=2025, month=6)

    assert report.ok, [str(f) for f in report.faults]
    wuzhi = JIAOZUO_UNITS.index("武陟县") + 1
    gdp = _value(city, "地区生产总值", "武陟县")
    assert (gdp.value, gdp.reported_growth, gdp.reported_rank) == (
        Decimal(100 + wuzhi),
        Decimal("8.0") - Decimal(wuzhi) / 2,
        wuzhi,
    )
    assert _value(city, "一般公共预算收入", "武陟县").reported_growth == Decimal(12 - wuzhi)
    assert _value(city, "规模以上工业增加值", "武陟县").reported_growth == Decimal(20 - wuzhi)
    investment = _value(city, "固定资产投资", "武陟县")
    assert (investment.value, investment.last_year_value) == (Decimal(50 + wuzhi), Decimal(45))
    columns = {use.header: use.field for use in report.columns}
    assert columns["位次"] == "地区生产总值·位次"
    assert columns["规上工业增加值增速"] == "规模以上工业增加值·同比增长（%）"
    assert columns["固定资产投资上年同期（亿元）"] == "固定资产投资·上年同期值"


def _abbreviated(title: str = "2025年1—6月全省各省辖市主要经济指标") -> Drawn:
    """固投 for 固定资产投资, as offices abbreviate it: not a catalogue name."""
    return Drawn(
        [
            [title],
            ["地区", "固投增速（%）", "位次"],
            *([name, 5 + place, place] for place, name in enumerate(PROVINCE, start=1)),
        ],
        name="省辖市",
    )


def test_a_column_not_understood_is_named_with_what_was_expected(city, tmp_path):
    report = import_indicators(write(tmp_path, _abbreviated()), city=city, year=2025, month=6)

    assert not report.ok
    said = " ".join(str(fault) for fault in report.faults)
    assert "B列「固投增速（%）」" in said
    assert "工作表「省辖市」" in report.describe(report.faults[0])
    assert "指标名称加度量" in said and "--map '固投增速（%）=指标名称:度量'" in said
    assert not IndicatorValue.objects.exists()


def test_only_ranks_read_beside_a_column_not_understood_names_that_column_once(city, tmp_path):
    drawn = _abbreviated(title="2025年1—6月全省各省辖市固定资产投资")

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=6)

    assert len(report.faults) == 1, [str(fault) for fault in report.faults]
    said = str(report.faults[0])
    assert "第3行至第8行共6行只有上年同期值或位次，没有本期数值或增速" in said
    assert "B列「固投增速（%）」" in said


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_a_column_the_user_maps_is_read_as_he_says(city, tmp_path, suffix):
    path = write(tmp_path, _abbreviated(), suffix)

    report = import_indicators(
        path,
        city=city,
        year=2025,
        month=6,
        mapping=["固投增速（%）=固定资产投资:增速", "位次=固定资产投资：位次"],
    )

    assert report.ok, [str(f) for f in report.faults]
    jiaozuo = _value(city, "固定资产投资", "焦作市")
    assert (jiaozuo.reported_growth, jiaozuo.reported_rank) == (Decimal(9), 4)
    shown = [str(use) for use in report.columns]
    assert "固定资产投资·同比增长（%） ← 固投增速（%）（示例：6，用户指定）" in shown


def test_the_map_option_is_printed_in_the_dry_run_column_map(city, tmp_path):
    path = write(tmp_path, _abbreviated())
    out = io.StringIO()

    call_command(
        "import-indicators",
        str(path),
        "--year=2025",
        "--month=6",
        "--dry-run",
        "--map",
        "固投增速（%）=固定资产投资:增速",
        "--map",
        "位次=忽略",
        stdout=out,
    )

    assert "固定资产投资·同比增长（%） ← 固投增速（%）（示例：6，用户指定）" in out.getvalue()
    assert "（未读取）← 位次（用户指定忽略）" in out.getvalue()
    assert not IndicatorValue.objects.exists()


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("固投增速", "应写成“表头=指标名称:度量”"),
        ("固投增速=固投:增速", "“固投”不是本市指标目录中的指标"),
        ("固投增速=固定资产投资:快慢", "度量“快慢”无法识别；可用：累计、上年同期、增速、位次"),
    ],
)
def test_a_map_not_understood_stops_the_command_saying_how_to_write_it(city, tmp_path, given, said):
    with pytest.raises(CommandError, match=said):
        call_command(
            "import-indicators",
            str(write(tmp_path, _abbreviated())),
            "--year=2025",
            "--month=6",
            "--map",
            given,
        )
