"""Every assumption an import makes is in its report, each note about a cell naming the cell
by sheet, row, column letter and header (issue 9 §8; tryout 14: notes named a field alone,
derived figures, skipped rows and kept figures went unsaid)."""

from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import ledger_xlsx, xlsx


def test_ledger_notes_about_a_cell_name_its_column_letter_and_header(city):
    report = import_ledger(
        ledger_xlsx([1, "甲项目", None, "温", None, "前期", "2024—", "1,234.5", "待定"]),
        city=city,
        year=2025,
        dry_run=True,
    )
    assert report.faults == []
    assert (
        "工作表「Sheet1」第4行列H「总投资」含千位分隔符，按数字读取（如「1,234.5」读作1234.5）"
        in report.notes
    )
    assert (
        "工作表「Sheet1」第4行列I「2025年计划投资」填写「待定」，按未填写处理（未设置该项）"
        in report.notes
    )
    assert (
        "工作表「Sheet1」第4行列G「起止年限」只写了开工年份（2024年），竣工年份未设置"
        in report.notes
    )
    assert any(note.startswith("工作表「Sheet1」第4行列D「所在县区」") for note in report.notes)


def test_a_cumulative_derived_from_the_stored_month_before_is_said_for_each_row(one_project):
    import_progress(
        xlsx(
            [
                [
                    "序号",
                    "项目名称",
                    "所在县区",
                    "本月完成投资（万元）",
                    "1—3月累计完成投资（万元）",
                ],
                [1, "甲项目", "武陟县", 100, 300],
            ]
        ),
        city=one_project,
        year=2025,
        month=3,
    )
    report = import_progress(
        xlsx(
            [
                ["序号", "项目名称", "所在县区", "本月完成投资（万元）", "形象进度"],
                [1, "甲项目", "武陟县", 50, "主体施工"],
            ]
        ),
        city=one_project,
        year=2025,
        month=4,
        dry_run=True,
    )
    assert report.faults == []
    assert (
        "工作表「Sheet1」第2行「甲项目」：表中没有累计完成投资列，1—4月累计按已报的3月累计300万元"
        "加本月完成投资50万元算出350万元" in report.notes
    )


def test_many_rows_left_out_are_named_a_line_per_reason(city):
    counties = ["解放区", "中站区", "马村区", "山阳区", "修武县", "博爱县"]
    rows = []
    for number, county in enumerate(counties, start=1):
        rows += [
            [f"{number}、{county}"],
            [number, f"{county}项目", None, county, None, "续建", None, 1000, 500],
            ["小计", None, None, None, None, None, None, 1000, 500],
        ]
    report = import_ledger(ledger_xlsx(*rows), city=city, year=2025, dry_run=True)
    assert report.faults == []
    assert report.left_out_lines == [
        "工作表「Sheet1」第4、7、10、13、16、19行为标题行，未导入",
        "工作表「Sheet1」第6、9、12、15、18、21行为小计行，未导入",
    ]
    assert "  工作表「Sheet1」第6、9、12、15、18、21行为小计行，未导入" in report.lines()


def test_a_blank_plan_cell_keeping_the_stored_plan_is_noted(one_project):
    report = import_ledger(
        ledger_xlsx([1, "甲项目", None, "武陟县", None, "续建", None, 50000, None]),
        city=one_project,
        year=2025,
        dry_run=True,
    )
    assert report.faults == []
    assert (
        "工作表「Sheet1」第4行列I「2025年计划投资」未填，保留原值（第4行2000万元）" in report.notes
    )


def test_a_total_checked_says_which_blank_figures_were_left_out_of_the_sum(city):
    report = import_ledger(
        ledger_xlsx(
            [1, "甲项目", None, "武陟县", None, "续建", None, 10000, 3000],
            [2, "乙项目", None, "温县", None, "前期", None, 2000, None],
            ["合计", None, None, None, None, None, None, 12000, 5000],
        ),
        city=city,
        year=2025,
        dry_run=True,
    )
    assert report.faults == []
    assert (
        "工作表「Sheet1」第6行合计与各项目之和不符：列I「2025年计划投资」合计5000万元，"
        "各项目之和3000万元（第5行未填，未计入各项目之和）" in report.notes
    )


def _grouped_ledger(heading_total):
    return ledger_xlsx(
        ["一、新开工项目", None, None, None, None, None, None, heading_total, None],
        [1, "甲项目", None, "武陟县", None, "新开工", None, 10000, 3000],
        [2, "乙项目", None, "温县", None, "新开工", None, 2000, 1200],
    )


def test_a_heading_carrying_the_sum_of_its_group_is_named_a_heading_with_subtotal(city):
    report = import_ledger(_grouped_ledger(12000), city=city, year=2025, dry_run=True)
    assert report.faults == []
    assert report.left_out_lines == ["工作表「Sheet1」第4行为分组标题（带小计），未导入"]
    assert not any("合计" in note for note in report.notes)


def test_a_heading_whose_figures_disagree_with_its_group_stops_the_import(city):
    report = import_ledger(_grouped_ledger(12345), city=city, year=2025, dry_run=True)
    assert report.fault_lines == [
        "工作表「Sheet1」第4行：「一、新开工项目」为分组标题（带小计），其金额与其下第5—6行"
        "各项目之和不符：列H「总投资」小计12345万元，各项目之和12000万元；请核对标题行中的"
        "金额或其下的项目后再导入（标题行中的金额只用于核对，也可删去）"
    ]


def test_a_since_start_column_beside_the_year_s_cumulative_is_said_not_used(one_project):
    report = import_progress(
        xlsx(
            [
                [
                    "序号",
                    "项目名称",
                    "所在县区",
                    "本月完成投资（万元）",
                    "1—1月累计完成投资（万元）",
                    "自开工累计完成投资（万元）",
                ],
                [1, "甲项目", "武陟县", 100, 100, 9100],
            ]
        ),
        city=one_project,
        year=2025,
        month=1,
        dry_run=True,
    )
    assert report.faults == []
    assert (
        "工作表「Sheet1」列F「自开工累计完成投资（万元）」为自开工累计，未作本年累计使用"
        in report.notes
    )
