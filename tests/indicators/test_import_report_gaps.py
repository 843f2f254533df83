"""What an import assumed is in its report (issue 9 §8, tryout 11 §3): a "—" that keeps a
stored figure, a growth typed as text with %, a target's 分解方式 changed by the import."""

from decimal import Decimal

from guanmo.indicators.choices import Profile
from guanmo.indicators.models import IndicatorValue, Target
from guanmo.indicators.services import TargetInput, set_targets
from guanmo.indicators.sheet_import import import_indicators
from guanmo.indicators.target_import import import_targets
from tests.indicators.sheets import write
from tests.sheets.files import Drawn


def _investment(rows) -> Drawn:
    return Drawn([["地区", "1—6月（亿元）", "同比增长（%）"], *rows], name="固定资产投资")


def test_a_dash_over_a_stored_value_keeps_it_and_says_so(city, tmp_path):
    first = write(tmp_path, _investment([["马村区", 46.7, 3.1], ["温县", 80, 4]]))
    assert import_indicators(first, city=city, year=2025, month=6).ok
    again = tmp_path / "again"
    again.mkdir()

    report = import_indicators(
        write(again, _investment([["马村区", "—", 3.5], ["温县", 81, 4]])),
        city=city,
        year=2025,
        month=6,
    )

    assert report.ok, [str(f) for f in report.faults]
    kept = IndicatorValue.objects.get(region__name="马村区", indicator__name="固定资产投资")
    assert (kept.value, kept.reported_growth) == (Decimal("46.7"), Decimal("3.5"))
    assert (
        "工作表「固定资产投资」第2行“马村区”单元格B2为“—”，“固定资产投资”保留原值46.7亿元"
        in report.notes
    )


def test_a_growth_typed_as_text_with_percent_is_read_with_a_note_naming_its_cells(city, tmp_path):
    path = write(tmp_path, _investment([["马村区", 46.7, "5.2%"], ["温县", 80, "4%"]]))

    report = import_indicators(path, city=city, year=2025, month=6)

    assert report.ok, [str(f) for f in report.faults]
    growth = IndicatorValue.objects.get(region__name="马村区").reported_growth
    assert growth == Decimal("5.2")
    assert (
        "工作表「固定资产投资」「同比增长（%）」单元格C2、C3以文本填写百分号（如“5.2%”），"
        "已按增速5.2读取（不是0.052）" in report.notes
    )


def test_a_target_whose_breakdown_the_import_changes_says_so_in_the_report(city, tmp_path):
    revenue = city.indicators.get(name="一般公共预算收入")
    wuzhi = city.children.get(name="武陟县")
    months = [Decimal("1")] * 12
    set_targets(
        revenue,
        2025,
        [TargetInput(wuzhi, amount=Decimal(12), profile=Profile.BY_HAND, months=months)],
    )
    drawn = Drawn([["县区", "一般公共预算收入（亿元）"], ["武陟县", 12]], name="目标")

    report = import_targets(write(tmp_path, drawn), city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    assert Target.objects.get(region=wuzhi).profile == Profile.EQUAL
    assert "武陟县“一般公共预算收入”目标的分解方式由手工设定改为平均分解" in " ".join(report.notes)
