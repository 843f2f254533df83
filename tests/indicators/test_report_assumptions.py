"""Every assumption an indicator or target import makes is in its report, each note about a
cell naming it by sheet, row, column letter and header (issue 9 §8; tryout 14)."""

from guanmo.indicators.services import install_city_peer_group
from guanmo.indicators.sheet_import import import_indicators
from guanmo.indicators.target_import import import_targets
from tests.indicators.sheets import bulletin, jiaozuo_rows, write
from tests.sheets.files import Drawn


def test_a_row_with_stray_text_and_no_region_is_listed_as_left_out(city, tmp_path):
    drawn = Drawn(
        [
            ["地区", "1—10月（亿元）", "同比增长（%）", "备注"],
            ["解放区", 98.7, 4.2, None],
            [None, None, None, "数据来源：市统计局"],
            ["武陟县", 88.1, 6.0, None],
        ],
        name="社会消费品零售总额",
    )

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=10)

    assert report.ok, [str(f) for f in report.faults]
    assert (
        "  工作表「社会消费品零售总额」第3行为非数据行（没有地区名称和数值，"
        "只有「数据来源：市统计局」），未导入" in report.lines()
    )


def test_target_figures_typed_as_text_are_each_kind_noted_by_cell(city, tmp_path):
    drawn = Drawn(
        [
            ["县区", "一般公共预算收入目标（万元）", "规上工业增加值增速目标（%）"],
            ["中站区", "12,345", "8.5%"],
            ["解放区", "１２０００", "８"],
            ["武陟县", 10000, 7],
        ],
        name="目标",
    )
    report = import_targets(write(tmp_path, drawn), city=city, year=2025, dry_run=True)

    assert report.ok, [str(f) for f in report.faults]
    assert (
        "工作表「目标」第2行列B「一般公共预算收入目标（万元）」含千位分隔符，按数字读取"
        "（如「12,345」读作12345）" in report.notes
    )
    assert (
        "工作表「目标」第3行列B「一般公共预算收入目标（万元）」为全角数字，按半角数字读取"
        "（如「１２０００」读作12000）" in report.notes
    )
    assert (
        "工作表「目标」第2行列C「规上工业增加值增速目标（%）」为带百分号的文本，按数字读取"
        "（如「8.5%」读作8.5）" in report.notes
    )
    assert (
        "工作表「目标」第3行列C「规上工业增加值增速目标（%）」为全角数字，按半角数字读取"
        "（如「８」读作8）" in report.notes
    )


def test_a_rank_that_disagrees_names_its_cell(city, tmp_path):
    install_city_peer_group(city)
    path = write(tmp_path, bulletin(jiaozuo_rows(disagreeing_rank=True)))

    report = import_indicators(path, city=city, year=2025, month=6)

    assert report.ok
    assert [note for note in report.notes if note.startswith("位次不符")] == [
        "位次不符：工作表「主要指标」第11行列E「固定资产投资（亿元）／位次」，“固定资产投资”武陟县"
        "报送第2位，按增速在“焦作市各县（市、区）”中计算为第7位"
    ]


def _investment(tmp_path, header, *rows):
    return write(tmp_path, Drawn([["地区", *header], *rows], name="固定资产投资"))


def test_a_stored_last_year_kept_beside_a_new_figure_is_said_and_checked(city, tmp_path):
    first = _investment(
        tmp_path,
        ["1—6月累计（亿元）", "上年同期（亿元）", "增速（%）"],
        ["武陟县", 110, 100, 10.0],
        ["温县", 50, 40, 25.0],
    )
    assert import_indicators(first, city=city, year=2025, month=6).ok
    again = _investment(
        tmp_path, ["1—6月累计（亿元）", "增速（%）"], ["武陟县", 121, 21.0], ["温县", 60, 12.0]
    )

    report = import_indicators(again, city=city, year=2025, month=6)

    assert report.ok, [str(f) for f in report.faults]
    assert (
        "工作表「固定资产投资」第2行“固定资产投资”武陟县：表中没有上年同期，保留已存的上年同期"
        "100亿元，与报送增速21.0%相符" in report.notes
    )
    assert (
        "工作表「固定资产投资」第3行“固定资产投资”温县：表中没有上年同期，保留已存的上年同期"
        "40亿元，按其算得增速50.0%，与报送增速12.0%不符；增速取报送数12.0%，请核对上年同期"
        in report.notes
    )
