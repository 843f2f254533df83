"""Stage headings (一、新开工项目（2个）, 二、续建项目, 三、竣工项目, 四、前期项目) give the
projects under them their 建设阶段 when the sheet has no stage column, with a note saying so;
beside a stage column they are checked against it, and a disagreement stops the import naming
the cell (issue 9 §4, tryout 11 L17)."""

from guanmo.ledger.models import Project
from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import xlsx
from tests.ledger.test_tryout_kinds import faults


def stages() -> dict[str, tuple[str, str]]:
    """name → (建设阶段, 产业类别)."""
    return {project.name: (project.stage, project.industry) for project in Project.objects.all()}


def test_stage_headings_with_their_sums_give_the_projects_their_stage(city):
    report = import_ledger(
        xlsx(
            [
                ["序号", "项目名称", "县区", "总投资（万元）", "2025年计划投资（万元）"],
                ["一、新开工项目（2个）", None, None, 18000, 7000],
                ["（一）工业项目", None, None, None, None],
                [1, "电池材料项目", "孟州市", 12000, 5000],
                ["（二）基础设施", None, None, None, None],
                [2, "城区道路改造", "孟州市", 6000, 2000],
                ["二、续建项目（1个）", None, None, 9000, 3000],
                [3, "热电联产项目", "沁阳市", 9000, 3000],
                ["合计", None, None, 27000, 10000],
            ],
            title="台账",
        ),
        city=city,
        year=2025,
    )
    assert faults(report) == []
    assert stages() == {
        "电池材料项目": ("新开工", "工业"),
        "城区道路改造": ("新开工", "基础设施"),
        "热电联产项目": ("续建", ""),
    }
    assert "工作表「台账」第4、6行没有建设阶段列，按所在标题行读作新开工项目" in report.notes
    assert "工作表「台账」第8行没有建设阶段列，按所在标题行读作续建项目" in report.notes


def test_completed_and_preparatory_headings_without_sums_under_a_title(city):
    report = import_ledger(
        xlsx(
            [
                ["2025年孟州市重点项目"],
                ["项目名称", "所在县区", "总投资", "2025年计划投资"],
                ["三、竣工项目", None, None, None],
                ["物流园二期", "孟州市", 8000, 1000],
                ["四、前期项目", None, None, None],
                ["文旅综合体", "孟州市", 30000, None],
            ]
        ),
        city=city,
        year=2025,
    )
    assert faults(report) == []
    assert stages() == {"物流园二期": ("竣工", ""), "文旅综合体": ("前期", "")}


def test_a_stage_cell_disagreeing_with_its_heading_is_refused_by_its_cell(city):
    report = import_ledger(
        xlsx(
            [
                ["项目名称", "所在县区", "建设阶段", "总投资", "2025年计划投资"],
                ["一、新开工项目", None, None, None, None],
                ["物流园二期", "孟州市", "新开工", 8000, 1000],
                ["文旅综合体", "孟州市", "续建", 30000, 2000],
            ]
        ),
        city=city,
        year=2025,
    )
    assert faults(report) == ["第4行「建设阶段」：单元格C4「续建」与所在标题行（新开工项目）不符"]
    assert not Project.objects.exists()
