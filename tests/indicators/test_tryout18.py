"""Tryout 18 (issue 9): a fresh user's own indicator sheets, each finding as a kind."""

from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.indicators.models import Indicator, IndicatorValue, Target
from guanmo.indicators.services import ValueInput, install_indicator_catalogue, store_values
from guanmo.indicators.sheet_import import import_indicators
from guanmo.indicators.target_import import import_targets
from guanmo.reporting.models import ImportRecord
from tests.indicators.sheets import write
from tests.sheets.files import Drawn, formatted_xlsx, to_xlsx


def _peer_sheet(rows, title="2025年1—6月全省各省辖市固定资产投资") -> Drawn:
    """A province's cities on a 全省 peer-group sheet, one indicator, regions from row 3."""
    return Drawn(
        [[title], ["地市", "1—6月累计（亿元）", "增速（%）", "位次"], *rows],
        name="固定资产投资",
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_a_city_outside_written_short_is_said_by_its_cell(city, tmp_path, suffix):
    # tryout 18 (1): 郑州, 开封 for 郑州市, 开封市 were matched with no word; the ledger's rule
    # (`regions.names.Naming.note`) says every short name taken.
    rows = [
        ["郑州", 3000, 7.1, 1],
        ["开封", 700, 6.0, 2],
        ["河南洛阳", 1500, 5.5, 3],
        ["焦作市", 800, 5.0, 4],
    ]
    path = write(tmp_path, _peer_sheet(rows), suffix)

    report = import_indicators(path, city=city, year=2025, month=6, group="全省18个省辖市")

    assert report.ok, [str(fault) for fault in report.faults]
    assert "工作表「固定资产投资」第3行“郑州”按简称识别为郑州市" in report.notes
    assert "工作表「固定资产投资」第4行“开封”按简称识别为开封市" in report.notes
    assert "工作表「固定资产投资」第5行“河南洛阳”按上级区划和全称识别为洛阳市" in report.notes
    assert not any("“焦作市”" in note for note in report.notes)
    zhengzhou = IndicatorValue.objects.get(region__name="郑州市", year=2025, month=6)
    assert zhengzhou.value == Decimal(3000)


def _targets(tmp_path, header, rows, name="目标.xlsx"):
    path = tmp_path / name
    drawn = Drawn(
        [["2025年各县（市、区）主要指标目标"], ["县（市、区）", *header], *rows], name="目标"
    )
    path.write_bytes(to_xlsx(drawn))
    return path


def test_a_target_whose_kind_changes_on_reimport_is_said_by_its_cell(city, tmp_path):
    # tryout 18 (2): a growth target replaced by an amount (or back) changed with no word, while
    # a changed 分解方式 is said; now each change of kind is said by its cell.
    first = _targets(
        tmp_path,
        ["固定资产投资增速（%）", "一般公共预算收入（亿元）"],
        [
            ["武陟县", 12, 21],
            ["温县", 9, 15],
        ],
    )
    assert import_targets(first, city=city, year=2025).ok

    again = _targets(
        tmp_path,
        ["固定资产投资目标（亿元）", "一般公共预算收入增长（%）"],
        [["武陟县", 180, 8.5], ["温县", None, 15]],
        name="目标二.xlsx",
    )
    report = import_targets(again, city=city, year=2025)

    assert report.ok, [str(fault) for fault in report.faults]
    said = [note for note in report.notes if "原为" in note]
    assert said == [
        "工作表「目标」第3行列B「固定资产投资目标（亿元）」：武陟县“固定资产投资”原为增速目标"
        "12%，现为数额目标180亿元",
        "工作表「目标」第3行列C「一般公共预算收入增长（%）」：武陟县“一般公共预算收入”原为"
        "数额目标21亿元，现为增速目标8.5%",
        "工作表「目标」第4行列C「一般公共预算收入增长（%）」：温县“一般公共预算收入”原为"
        "数额目标15亿元，现为增速目标15%",
    ]
    wuzhi = Target.objects.get(region__name="武陟县", indicator__name="固定资产投资")
    assert (wuzhi.amount, wuzhi.growth) == (Decimal(180), None)


@pytest.mark.parametrize("two_rows", [False, True])
def test_an_amount_and_a_growth_target_of_one_indicator_keep_the_one_it_is_ranked_by(
    city, tmp_path, two_rows
):
    # tryout 18 (4): 目标（亿元）| 增速（%） for one indicator was refused as 「目标填写了两次」.
    # Decision: a target is one figure (Target's constraint: an amount or a growth), so the one
    # the indicator is ranked by is kept (固定资产投资 按增速: the growth; 脱贫人口 按总量: the
    # amount) and the other is checked against last year's 1—12月 actual and said, not stored.
    wuzhi = city.children.get(name="武陟县")
    investment = Indicator.objects.get(city=city, name="固定资产投资")
    store_values(investment, 2024, 12, [ValueInput(wuzhi, Decimal(160))], source="", user=None)
    if two_rows:
        rows = [
            ["2025年各县（市、区）目标"],
            ["县（市、区）", "固定资产投资", None, "脱贫人口", None],
            [None, "目标（亿元）", "增速（%）", "目标（万人）", "增速（%）"],
            ["武陟县", 176, 10, 0.9, 5],
            ["温县", 100, 9, 0.5, 4],
        ]
        drawn = Drawn(rows, name="目标", merged=[(2, 0, 3, 0), (2, 1, 2, 2), (2, 3, 2, 4)])
    else:
        header = ["县（市、区）", "固定资产投资目标（亿元）", "固定资产投资增速目标（%）"]
        header += ["脱贫人口目标（万人）", "脱贫人口增速目标（%）"]
        rows = [["武陟县", 176, 10, 0.9, 5], ["温县", 100, 9, 0.5, 4]]
        drawn = Drawn([["2025年各县（市、区）目标"], header, *rows], name="目标")
    path = tmp_path / "目标.xlsx"
    path.write_bytes(to_xlsx(drawn))

    report = import_targets(path, city=city, year=2025)

    assert report.ok, [str(fault) for fault in report.faults]
    assert not any("填写了两次" in note for note in report.notes)
    first = 4 if two_rows else 3
    b, c = (
        ("固定资产投资／目标（亿元）", "固定资产投资／增速（%）")
        if two_rows
        else (
            "固定资产投资目标（亿元）",
            "固定资产投资增速目标（%）",
        )
    )
    assert (
        f"工作表「目标」第{first}行列B「{b}」：武陟县“固定资产投资”同时填写了数额目标176亿元和"
        f"增速目标10%；每个指标每年只保存一个目标，本指标按增速排名，保存增速目标10%"
        f"（工作表「目标」第{first}行列C「{c}」），数额目标未保存；按2024年1—12月实际160亿元计，"
        "数额目标相当于增长10%，两者相符"
    ) in report.notes
    assert any(
        note.startswith(f"工作表「目标」第{first + 1}行列B")
        and note.endswith("没有2024年1—12月实际数，未核对两者是否相符")
        for note in report.notes
    )
    said = [note for note in report.notes if "“脱贫人口”同时填写了" in note]
    assert len(said) == 2 and "本指标按总量排名，保存数额目标0.9万人" in said[0]
    investment_target = Target.objects.get(region=wuzhi, indicator=investment)
    assert (investment_target.amount, investment_target.growth) == (None, Decimal(10))
    poverty = Target.objects.get(region=wuzhi, indicator__name="脱贫人口")
    assert (poverty.amount, poverty.growth) == (Decimal("0.9"), None)


def test_two_amounts_of_one_indicator_are_still_refused(city, tmp_path):
    path = _targets(
        tmp_path, ["固定资产投资目标（亿元）", "固定资产投资（亿元）"], [["武陟县", 176, 170]]
    )

    report = import_targets(path, city=city, year=2025)

    assert [fault.message for fault in report.faults] == [
        "武陟县“固定资产投资”目标填写了两次（「固定资产投资目标（亿元）」和「固定资产投资（亿元）」）；"
        "每个地区每个指标只有一个目标，数额或增速，请只留一列"
    ]


def test_a_month_imported_again_with_changed_figures_counts_and_lists_them(client, world, tmp_path):
    # tryout 18 (3): a month re-imported changing 19 stored values; its kept record said
    # 没有改动 (the page looked for projects' figures only). The report and the record page now
    # count and list each figure changed, old → new, by region and indicator.
    install_indicator_catalogue(world.city)
    user = world.users["city"]
    units = ("武陟县", "温县", "修武县")

    def sheet(figures):
        rows = [["地区", "1—6月累计（亿元）", "增速（%）"]]
        rows += [[name, *pair] for name, pair in zip(units, figures, strict=True)]
        path = tmp_path / "6月固投.xlsx"
        path.write_bytes(to_xlsx(Drawn(rows, name="固定资产投资")))
        return path

    first = sheet([(100, 5), (80, 6), (60, 7)])
    assert import_indicators(first, city=world.city, year=2025, month=6, user=user).ok

    again = sheet([(102.5, 5), (80, 6.5), (60, 7)])
    report = import_indicators(again, city=world.city, year=2025, month=6, user=user)

    # the figures said with the indicator's places (tryout 29 item 8: 10 → 11.9, 11.7 → 12)
    assert report.ok and (report.updated, report.unchanged) == (2, 1)
    lines = report.lines()
    at = lines.index("改动的数字（2处）：")
    assert lines[at + 1 : at + 3] == [
        "  武陟县“固定资产投资”2025年1—6月本期累计值：100.0 → 102.5",
        "  温县“固定资产投资”2025年1—6月同比增长（%，报送）：6.0 → 6.5",
    ]
    record = ImportRecord.objects.get(pk=report.record_id)
    assert "改动的数字（2处）：" in record.text
    assert record.report["changed"] == [line.strip() for line in lines[at + 1 : at + 3]]
    client.force_login(user)
    page = client.get(reverse("import_record", args=[record.pk])).content.decode()
    assert "没有改动" not in page
    assert "本次导入改动的已存数字（2处）" in page
    assert "<li>武陟县“固定资产投资”2025年1—6月本期累计值：100.0 → 102.5</li>" in page


def test_a_percent_formatted_number_is_said_as_such_not_as_text(city, tmp_path):
    # tryout 18 (6c): 0.085 shown 8.5% by its format was said to be 文本 in the note.
    rows = [
        ["2025年各县（市、区）目标"],
        ["县（市、区）", "固定资产投资增长（%）"],
        ["武陟县", 0.085],
        ["温县", "7.5%"],  # typed as text: said as text
    ]
    path = tmp_path / "目标.xlsx"
    path.write_bytes(formatted_xlsx(rows, {(3, 1): "0.0%"}, name="目标"))

    report = import_targets(path, city=city, year=2025)

    assert report.ok, [str(fault) for fault in report.faults]
    assert (
        "工作表「目标」第3行列B「固定资产投资增长（%）」为百分比格式的数字，按显示的百分数读取"
        "（如「8.5%」读作8.5）"
    ) in report.notes
    assert (
        "工作表「目标」第4行列B「固定资产投资增长（%）」为带百分号的文本，按数字读取"
        "（如「7.5%」读作7.5）"
    ) in report.notes
    growth = dict(Target.objects.values_list("region__name", "growth"))
    assert growth == {"武陟县": Decimal("8.5"), "温县": Decimal("7.5")}


def test_a_changed_growth_is_listed_with_one_decimal_both_ways(world, tmp_path):
    # tryout 29 item 8: 「同比增长（%，报送）：11.7 → 12」
    install_indicator_catalogue(world.city)

    def sheet(growth):
        rows = [["地区", "1—6月累计（亿元）", "增速（%）"], ["武陟县", 100, growth]]
        path = tmp_path / "6月固投.xlsx"
        path.write_bytes(to_xlsx(Drawn(rows, name="固定资产投资")))
        return path

    assert import_indicators(sheet(11.7), city=world.city, year=2025, month=6).ok
    report = import_indicators(sheet(12), city=world.city, year=2025, month=6)

    assert report.changed == ["武陟县“固定资产投资”2025年1—6月同比增长（%，报送）：11.7 → 12.0"]
