"""Tryout 20 of issue 9 (monthly progress on stored figures): a 本月 typed in 亿元 in a （万元）
column of a 本月-only sheet (F1), a county's sheet of last month sent again (F2), and an earlier
month corrected after later months are stored (F3). Sheets built here, read back through the
importer and the import-progress command."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from guanmo.ledger.columns import Field
from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.services import import_ledger, import_progress
from guanmo.ledger.unit_doubts import CONFIRM_FIGURES
from tests.ledger.sheets import ledger_xlsx, xlsx
from tests.ledger.test_tryout_kinds import faults, month_figures

TWO_FIGURES = ["序号", "项目名称", "县区", "本月完成（万元）", "累计完成（万元）"]
MONTH_ONLY = ["序号", "项目名称", "县区", "本月完成投资（万元）"]
# name, county, total, plan (万元); months 3 and 4 as (本月, 累计)
PROJECTS = [
    ("温县太极拳文化园", "温县", 250000, 60000, (3000, 9000), (4000, 13000)),
    ("温县铁棍山药深加工", "温县", 30000, 12000, (900, 2700), (1000, 3700)),
    ("武陟县嘉应观文旅综合体", "武陟县", 40000, 24000, (1800, 5400), (2000, 7400)),
    ("武陟县黄河滩区高标准农田", "武陟县", 8000, 6000, (500, 1500), (600, 2100)),
]


@pytest.fixture
def stored(city):
    """The four projects in the ledger, March and April stored from sheets giving both."""
    report = import_ledger(
        ledger_xlsx(
            *[
                [number, name, None, county, None, "续建", None, total, plan]
                for number, (name, county, total, plan, _, _) in enumerate(PROJECTS, 1)
            ]
        ),
        city=city,
        year=2025,
    )
    assert report.ok
    for month, index in ((3, 4), (4, 5)):
        sheet = xlsx(
            [TWO_FIGURES]
            + [[number, each[0], each[1], *each[index]] for number, each in enumerate(PROJECTS, 1)]
        )
        report = import_progress(sheet, city=city, year=2025, month=month)
        assert faults(report) == []
    return city


def _may(header: list[str], figures: list[float], *, title: bool = True):
    """May's sheet of the four projects, one figure each under `header`'s last column."""
    return xlsx(
        [["焦作市2025年5月重点项目进展情况"]] * title
        + [header]
        + [
            [number, each[0], each[1], figure]
            for number, (each, figure) in enumerate(zip(PROJECTS, figures, strict=True), 1)
        ],
        title="5月",
    )


def _month_only(figures: list[float]):
    return _may(MONTH_ONLY, figures)


def test_a_month_typed_in_yi_in_a_wan_column_is_refused_naming_cell_and_unit(stored):
    """F1: 0.35 meaning 0.35亿元 (3500万元) for a project whose months were 3000 and 4000."""
    report = import_progress(
        _month_only([0.35, 1100, 2100, 650]), city=stored, year=2025, month=5, dry_run=True
    )
    assert faults(report) == [
        "工作表「5月」第3行列D「本月完成投资（万元）」为0.35万元，不到本项目平常月份（已报3月、"
        "4月本月完成投资中位数3500万元）的百分之一，疑为以亿元填报，未导入；" + CONFIRM_FIGURES
    ]


def test_without_earlier_months_the_plan_gives_the_usual_month(city):
    import_ledger(
        ledger_xlsx(
            [1, "温县太极拳文化园", None, "温县", None, "续建", None, 250000, 60000],
            [2, "温县铁棍山药深加工", None, "温县", None, "续建", None, 30000, 12000],
        ),
        city=city,
        year=2025,
    )
    sheet = xlsx(
        [MONTH_ONLY, [1, "温县太极拳文化园", "温县", 0.5], [2, "温县铁棍山药深加工", "温县", 900]]
    )
    report = import_progress(sheet, city=city, year=2025, month=1)
    assert faults(report) == [
        "工作表「Sheet1」第2行列D「本月完成投资（万元）」为0.5万元，不到年度计划投资"
        "60000万元的万分之一，疑为以亿元填报，未导入；" + CONFIRM_FIGURES
    ]
    assert not MonthlyProgress.objects.exists()


def test_a_confirmed_small_month_is_stored_and_noted(stored, tmp_path):
    path = tmp_path / "5月.xlsx"
    path.write_bytes(_month_only([0.35, 1100, 2100, 650]).getvalue())
    command = ["import-progress", str(path), "--year", "2025", "--month", "5"]
    refused = StringIO()
    with pytest.raises(CommandError):
        call_command(*command, stdout=StringIO(), stderr=refused)
    assert "疑为以亿元填报" in refused.getvalue()
    assert not MonthlyProgress.objects.filter(month=5).exists()
    out = StringIO()
    call_command(*command, "--confirm-changes", stdout=out)
    assert month_figures(5)["温县太极拳文化园"] == (Decimal("0.35"), Decimal("13000.35"))
    assert "疑为以亿元填报；已按确认导入" in out.getvalue()


def test_a_small_month_not_a_hundredth_below_is_taken(stored):
    """Work slowing to a tenth of the usual month is real: not doubted."""
    report = import_progress(
        _month_only([350, 1100, 2100, 650]), city=stored, year=2025, month=5, dry_run=True
    )
    assert faults(report) == []


def _cumulative_only(cumulatives: list[float]):
    return _may(["序号", "项目名称", "县区", "1—5月累计完成投资（万元）"], cumulatives, title=False)


def test_a_county_sending_last_months_cumulative_again_is_refused(stored):
    """F2: both 温县 rows equal April's stored cumulative, so every month derives to 0."""
    report = import_progress(
        _cumulative_only([13000, 3700, 9400, 2700]), city=stored, year=2025, month=5
    )
    assert faults(report) == [
        "温县的2个项目（工作表「5月」第2、3行）1—5月累计与已报的4月累计完全相同，本月完成投资均为0，"
        "疑为重复上报上月数据，未导入；" + CONFIRM_FIGURES
    ]
    assert not MonthlyProgress.objects.filter(month=5).exists()
    confirmed = import_progress(
        _cumulative_only([13000, 3700, 9400, 2700]),
        city=stored,
        year=2025,
        month=5,
        confirm_changes=True,
    )
    assert faults(confirmed) == []
    assert any("疑为重复上报上月数据；已按确认导入" in note for note in confirmed.notes)
    assert month_figures(5)["温县铁棍山药深加工"] == (Decimal(0), Decimal(3700))


def test_one_project_standing_still_is_only_noted(stored):
    report = import_progress(
        _cumulative_only([13000, 4700, 9400, 2700]), city=stored, year=2025, month=5
    )
    assert faults(report) == []
    assert month_figures(5)["温县太极拳文化园"] == (Decimal(0), Decimal(13000))


def test_correcting_a_month_before_stored_later_months_says_which_no_longer_add_up(stored):
    """F3: March corrected from 3000/9000 to 3200/9200 while April (4000/13000) is stored."""
    rows = [[number, each[0], each[1], *each[4]] for number, each in enumerate(PROJECTS, 1)]
    rows[0][3:] = [3200, 9200]
    report = import_progress(xlsx([TWO_FIGURES, *rows]), city=stored, year=2025, month=3)
    assert faults(report) == []
    assert (
        "工作表「Sheet1」第2行「温县太极拳文化园」3月累计由9000万元改为9200万元，已存的4月"
        "（本月完成4000万元，1—4月累计13000万元）与之不再相加（9200+4000=13200万元）；导入只改3月，"
        "4月已存数字未改动（以后各月不随之重算）。请核对后重新导入4月进度：如3月的更正也应计入"
        "以后各月累计，请更正4月的累计；如4月累计无误，请更正4月的本月完成投资（已审核通过的月报"
        "须先重新打开再在月报中更正）"
    ) in report.notes
    assert month_figures(4)["温县太极拳文化园"] == (Decimal(4000), Decimal(13000))
    assert len([note for note in report.notes if "不再相加" in note]) == 1


def test_one_cumulative_cell_typed_in_yuan_is_a_unit_slip_not_kailei(stored):
    """F4: one 累计 cell in 元 in a （万元） column was blamed on 开累 and the whole column's
    remap advised."""
    report = import_progress(
        _cumulative_only([165000000, 4800, 9500, 2750]), city=stored, year=2025, month=5
    )
    assert faults(report) == [
        "工作表「5月」「1—5月累计完成投资（万元）」按万元读取，第2行（D2）165000000万元除以10000"
        "为16500万元，比4月累计13000万元多3500万元，合乎一个月的进度，"
        "疑为以元填报，未导入；请核对单位（表头、单位行或单元格所写）后再导入"
    ]


def test_a_units_line_in_yi_over_figures_in_wan_names_the_unit_not_kailei(stored):
    """F4: 单位：亿元 over 万元 figures: every row's 累计 and 本月 ten thousand times too large,
    adding up exactly once divided."""
    figures = [(3500, 16500), (1100, 4800), (2100, 9500), (650, 2750)]
    sheet = xlsx(
        [["单位：亿元"], ["序号", "项目名称", "县区", "本月完成", "1—5月累计"]]
        + [
            [number, each[0], each[1], month, cumulative]
            for number, (each, (month, cumulative)) in enumerate(
                zip(PROJECTS, figures, strict=True), 1
            )
        ],
        title="5月",
    )
    report = import_progress(sheet, city=stored, year=2025, month=5)
    lines = faults(report)
    assert lines[0].startswith(
        "工作表「5月」「1—5月累计」按亿元读取，第3、4、5、6行的累计除以10000后都正合本年进度"
        "（如第3行（E3）165000000万元除以10000为16500万元，正是4月累计13000万元加本月3500万元）"
    )
    assert "倍" not in lines[0]  # tryout 31: "都约为…一万倍" beside "约12692倍"
    assert "疑为以万元填报" in lines[0]
    assert not any("开累" in line or "--map" in line for line in lines)
    assert not MonthlyProgress.objects.filter(month=5).exists()


def test_the_update_lists_each_changed_figure_old_and_new(stored):
    """F9: the command line's 「更新N条」 says which figures changed, as the web record does."""
    rows = [[number, each[0], each[1], *each[5]] for number, each in enumerate(PROJECTS, 1)]
    rows[1][3:] = [1200, 3900]
    report = import_progress(xlsx([TWO_FIGURES, *rows]), city=stored, year=2025, month=4)
    assert report.updated == 1
    assert [note for note in report.notes if "更新：" in note] == [
        "工作表「Sheet1」第3行「温县铁棍山药深加工」更新：本月完成投资（万元）1000 → 1200，"
        "累计完成投资（万元）3700 → 3900"
    ]


def test_a_cumulative_named_by_the_user_far_above_total_investment_says_the_unit(stored):
    """F4: once the user names the column (as the 开累 advice had him do), the refusal said only
    「超过总投资」, never the unit: 万元 figures under a 单位：亿元 line, 10000 times too large."""
    sheet = xlsx(
        [
            ["单位：亿元"],
            ["序号", "项目名称", "县区", "1—5月累计"],
            [1, PROJECTS[0][0], PROJECTS[0][1], 16500],
        ],
        title="5月",
    )
    report = import_progress(
        sheet, city=stored, year=2025, month=5, mapping={"1—5月累计": Field.CUMULATIVE_COMPLETED}
    )
    assert faults(report) == [
        "第3行「累计完成投资」：累计165000000万元，超过总投资250000万元，是总投资的660倍，"
        "疑为金额单位有误（如万元的数填在亿元的列、元的数填在万元的列），请核对该列单位"
    ]
