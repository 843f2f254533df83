"""Any ledger, written in any format with rows hidden or struck through, imports as itself.

Hypothesis builds random ledgers and writes each through a random format (.xlsx, .xls, .ods,
Excel 2003 XML, CSV) and layout (title lines, units in 万元 or 亿元, hidden and struck decoy
rows that must be left out); the import gives back exactly the same projects and figures.
"""

from decimal import Decimal
from io import BytesIO

from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from guanmo.ledger.models import Project
from guanmo.ledger.services import import_ledger
from tests.sheets.files import WRITERS, Drawn, to_csv

COUNTIES = ["武陟县", "温县", "博爱县", "沁阳市", "孟州市", "修武县", "解放区"]
FORMATS = [*sorted(WRITERS), ".csv"]

# Within a thousandfold of each other: a figure 1000 times its column's median is taken for a
# unit slip and refused (ledger.unit_doubts, tryout 4 L24).
money = st.decimals(min_value=100, max_value=10**5, places=2).map(lambda d: d.normalize())
project = st.tuples(st.sampled_from(COUNTIES), money, money)


@st.composite
def ledgers(draw):
    """(format, in 亿元?, title lines, [(name, county, total, plan)], {decoy row: hidden?})."""
    projects = [
        (f"样本项目{number:03d}", county, total, min(plan, total))
        for number, (county, total, plan) in enumerate(
            draw(st.lists(project, min_size=1, max_size=8)), start=1
        )
    ]
    fmt = draw(st.sampled_from(FORMATS))
    decoys = [] if fmt == ".csv" else draw(st.lists(st.booleans(), max_size=3))
    return fmt, draw(st.booleans()), draw(st.integers(0, 2)), projects, decoys


def draw_sheet(fmt, in_yi, titles, projects, decoys) -> tuple[Drawn, list[str]]:
    scale = Decimal(10000) if in_yi else Decimal(1)
    rows: list[list[object]] = [["2025年重点项目台账"]] * titles
    rows.append(["单位：亿元" if in_yi else "单位：万元"])
    rows.append(["序号", "项目名称", "所在县区", "总投资", "年度计划投资"])
    drawn = Drawn(rows=rows)
    expected_left_out = []
    lines = [(project, None) for project in projects]
    for index, hidden in enumerate(decoys):
        lines.insert(index * 2 % (len(lines) + 1), (("调出项目", "温县", 1, 1), hidden))
    for number, ((name, county, total, plan), hidden) in enumerate(lines, start=1):
        figures = [total / scale, plan / scale]
        if fmt != ".csv":
            figures = [float(value) for value in figures]  # as a spreadsheet types them
        else:
            figures = [format(value, "f") for value in figures]
        rows.append([number, name, county, *figures])
        if hidden is not None:
            (drawn.hidden_rows if hidden else drawn.struck_rows).add(len(rows))
            expected_left_out.append(f"第{len(rows)}行为{'隐藏行' if hidden else '删除线'}，未导入")
    return drawn, expected_left_out


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ledger=ledgers())
def test_any_ledger_in_any_format_imports_as_itself(city, ledger):
    fmt, in_yi, titles, projects, decoys = ledger
    Project.objects.all().delete()
    drawn, left_out = draw_sheet(fmt, in_yi, titles, projects, decoys)
    data = to_csv(drawn, "gbk") if fmt == ".csv" else WRITERS[fmt](drawn)
    report = import_ledger(BytesIO(data), city=city, year=2025)
    assert report.faults == []
    imported = {
        (
            p.name,
            p.county.name,
            p.total_investment,
            p.annual_plans.get(year=2025).planned_investment,
        )
        for p in Project.objects.select_related("county")
    }
    assert imported == {(name, county, total, plan) for name, county, total, plan in projects}
    assert [str(row) for row in report.left_out] == left_out
