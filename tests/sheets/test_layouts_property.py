"""Any ledger or month's progress, laid out as offices lay them out, imports as itself.

Hypothesis builds random projects and writes them through a random format (.xlsx, .xls, .ods,
Excel 2003 XML, CSV) and layout: title lines; the unit (万元 or 亿元) in a units line, in the
money columns' headers or in a merged group cell over them; a one-row or merged two-row header
(a group cell over 总投资/年度计划投资, or over 本月/本年累计); the county in a column, in
heading rows (一、武陟县 / 武陟县（3个）) with 小计 rows whose figures equal their block, or one
sheet per county (named for it, or a title line naming it, after a summary sheet or not); a 合计
row; figures typed as numbers or as text with thousands separators; hidden decoy rows, and
struck ones (by the cells' format or in their text's runs, the whole row or its name). Every
layout is one offices send, so the import must neither refuse it nor give different figures:
it gives back exactly the projects and figures written (Decimal exact) and lists every row it
left out (issue 9, "Done when").
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO

from hypothesis import HealthCheck, event, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from guanmo.ledger.models import AnnualPlan, MonthlyProgress, Project
from guanmo.ledger.services import import_ledger, import_progress
from guanmo.regions.models import Region
from tests.sheets.files import WRITERS, Drawn, to_csv

YEAR = 2025
COUNTIES = ["武陟县", "温县", "博爱县", "孟州市", "解放区"]
NUMERALS = "一二三四五六七八九十"
FORMATS = [*sorted(WRITERS), ".csv"]

# Within a thousandfold of each other: a figure 1000 times its column's median is taken for a
# unit slip and refused (ledger.unit_doubts, tryout 4 L24).
money = st.decimals(min_value=100, max_value=10**5, places=2).map(lambda d: d.normalize())
# Names with a totals word inside are projects all the same (issue 9 §4).
names = st.sampled_from(["样本项目", "融合计算中心", "小计量器具产业园", "综合计量检测中心"])


@dataclass(frozen=True)
class Columns:
    """The two money columns of a kind of sheet: their labels in a one-row header, the group
    cell over them in a two-row header, and the labels under the group."""

    labels: tuple[str, str]
    groups: tuple[str, ...]  # one group over both columns, or one group over each
    lower: tuple[str, str]


@dataclass(frozen=True)
class Layout:
    fmt: str
    in_yi: bool
    unit_at: str  # "line", "header", "group" (two-row headers only) or "none" (万元)
    titles: int
    two_rows: bool
    counties: str  # "column", "headings" or "sheets"
    heading: str  # "enumerated" (一、武陟县), "numeral" (一 | 武陟县) or "counted" (武陟县（3个）)
    heading_figures: bool  # a heading row carries its block's figures
    subtotal: str  # "none", "bare" (小计), "named" (武陟县小计), "placed" (小计 | 武陟县)
    grand: str  # "none", "top" or "bottom": the 合计 row
    grand_label: str  # 合计, 总计, 全市合计, 合计（共3个）
    label_in_serial: bool  # the totals labels stand in the 序号 column
    county_first: bool  # the county column stands before the names (labels may stand in it)
    column_numbers: bool  # a line numbering the columns under the header
    blank_between: bool  # a blank row after each county's block
    sheet_named: bool  # one sheet per county: named for it (else a title line names it)
    summary: bool  # one sheet per county: a sheet summing the counties comes first
    strike_in_runs: bool  # struck rows are struck in their text's runs, not the cells' format
    strike_name_only: bool  # only a struck row's project name is struck
    text_figures: bool  # figures typed as text with thousands separators ("1,234.5")
    decoys: tuple[tuple[int, bool], ...]  # (before which project, hidden?) else struck


@dataclass
class Item:
    name: str
    county: str
    figures: tuple[Decimal, Decimal]
    hidden: bool | None = None  # a decoy row: hidden, or struck through (False)
    unreadable: tuple[int, str] | None = None  # (which figure, what is typed there instead)


@dataclass
class Written:
    """A workbook drawn, and the rows the import must leave out: (sheet, row, reason)."""

    sheets: list[Drawn] = field(default_factory=list)
    left_out: list[tuple[str, int, str]] = field(default_factory=list)
    unreadable: list[tuple[str, int, int]] = field(default_factory=list)  # sheet, row, figure


@st.composite
def layouts(draw, projects: int) -> Layout:
    fmt = draw(st.sampled_from(FORMATS))
    spreadsheet = fmt != ".csv"
    in_yi = draw(st.booleans())
    two_rows = draw(st.booleans())
    places = ["line", "header"] + (["group"] if two_rows else []) + ([] if in_yi else ["none"])
    counties = draw(
        st.sampled_from(["column", "headings", "sheets"] if spreadsheet else ["column", "headings"])
    )
    decoys = draw(
        st.lists(st.tuples(st.integers(0, projects), st.booleans()), max_size=3)
        if spreadsheet
        else st.just([])
    )
    return Layout(
        fmt=fmt,
        in_yi=in_yi,
        unit_at=draw(st.sampled_from(places)),
        titles=draw(st.integers(0, 2)),
        two_rows=two_rows,
        counties=counties,
        heading=draw(st.sampled_from(["enumerated", "numeral", "counted"])),
        heading_figures=draw(st.booleans()),
        subtotal=draw(st.sampled_from(["none", "bare", "named", "placed"])),
        grand=draw(st.sampled_from(["none", "top", "bottom"])),
        grand_label=draw(st.sampled_from(["合计", "总计", "全市合计", "合计（共{}个）"])),
        label_in_serial=draw(st.booleans()),
        county_first=draw(st.booleans()),
        column_numbers=draw(st.booleans()),
        blank_between=draw(st.booleans()),
        sheet_named=draw(st.booleans()),
        summary=draw(st.booleans()),
        strike_in_runs=draw(st.booleans()),
        strike_name_only=draw(st.booleans()),
        text_figures=draw(st.booleans()),
        decoys=tuple(sorted(decoys)),
    )


def write(layout: Layout, columns: Columns, items: list[Item], title: str) -> Written:
    """The workbook drawn: one sheet, or one per county."""
    blocks: dict[str, list[Item]] = {}
    for item in items:
        blocks.setdefault(item.county, []).append(item)
    written = Written()
    if layout.counties == "sheets" and layout.summary:
        summary: list[list[object]] = [["县区", "项目个数", "总投资（万元）"]]
        for county, block in blocks.items():  # the 汇总 sums its county's sheet (checked)
            total = sum((item.figures[0] for item in block if item.hidden is None), Decimal(0))
            summary.append([county, len(block), float(total)])
        written.sheets.append(Drawn(summary, name="汇总"))
    if layout.counties == "sheets":
        for number, (county, block) in enumerate(blocks.items(), start=1):
            name = county if layout.sheet_named else f"表{number}"
            titles = [] if layout.sheet_named else [f"{county}{title}"]
            _draw(written, layout, columns, name, title, titles, {county: block})
    else:
        name = "CSV" if layout.fmt == ".csv" else "台账"
        _draw(written, layout, columns, name, title, [], blocks)
    return written


def _draw(
    written: Written,
    layout: Layout,
    columns: Columns,
    name: str,
    title: str,
    titles: list[str],
    blocks: dict[str, list[Item]],
) -> None:
    """Draws one sheet of `blocks` (county → its rows) into `written`; `titles` come first,
    then as many of the sheet's `title` and a 填报单位 line as the layout has."""
    scale = Decimal(10000) if layout.in_yi else Decimal(1)
    unit = "亿元" if layout.in_yi else "万元"
    county_column = layout.counties == "column"
    county_first = county_column and layout.county_first
    rows: list[list[object]] = [[text] for text in titles]
    rows += [[title], ["填报单位：焦作市发展和改革委员会"]][: layout.titles]
    if layout.unit_at == "line":
        rows.append([f"单位：{unit}"])
    drawn = Drawn(
        rows=rows,
        name=name,
        struck_in_runs=layout.strike_in_runs,
        struck_columns={2 if county_first else 1} if layout.strike_name_only else None,
    )

    def leave_out(reason: str) -> None:
        written.left_out.append((name, len(rows), reason))

    def line(serial: object, name: object, county: object = None) -> list[object]:
        """The serial, name and county cells of a row, in the layout's order."""
        if not county_column:
            return [serial, name]
        return [serial, county, name] if county_first else [serial, name, county]

    leading = line("序号", "项目名称", "所在县区")
    first_money = len(leading)
    in_header = f"（{unit}）" if layout.unit_at == "header" else ""
    if not layout.two_rows:
        rows.append([*leading, *(label + in_header for label in columns.labels)])
    else:
        top = len(rows) + 1
        in_group = f"（{unit}）" if layout.unit_at == "group" else ""
        upper: list[object] = list(leading)
        if len(columns.groups) == 1:
            upper += [columns.groups[0] + in_group, None]
            drawn.merged.append((top, first_money, top, first_money + 1))
        else:
            upper += [group + in_group for group in columns.groups]
        rows.append(upper)
        rows.append([None] * len(leading) + [label + in_header for label in columns.lower])
        drawn.merged += [(top, column, top + 1, column) for column in range(len(leading))]
    if layout.column_numbers:
        rows.append([str(number) for number in range(1, len(leading) + 3)])
        leave_out("列序号行")

    def typed(amount: Decimal) -> object:
        value = amount / scale
        if layout.text_figures:
            return format(value, ",f")
        return float(value) if layout.fmt != ".csv" else format(value, "f")

    def figures_row(label: list[object], amounts: tuple[Decimal, Decimal]) -> list[object]:
        return [*label, *(typed(amount) for amount in amounts)]

    def sums(items: list[Item]) -> tuple[Decimal, Decimal]:
        real = [item for item in items if item.hidden is None]
        return (
            sum((item.figures[0] for item in real), Decimal(0)),
            sum((item.figures[1] for item in real), Decimal(0)),
        )

    def totals_row(label: str, county: str | None, amounts: tuple[Decimal, Decimal]) -> None:
        if layout.label_in_serial:
            cells = line(label, None, county)
        elif county_first and county is None:  # in the first text column: the county's
            cells = line(None, None, label)
        else:
            cells = line(None, label, county)
        rows.append(figures_row(cells, amounts))

    everything = [item for block in blocks.values() for item in block]
    grand = layout.grand_label.format(sum(item.hidden is None for item in everything))
    if layout.grand == "top":
        totals_row(grand, None, sums(everything))
        leave_out("合计行")
    serial = 0
    for index, (county, block) in enumerate(blocks.items()):
        if layout.counties == "headings":
            real = sum(item.hidden is None for item in block)
            label = {
                "enumerated": [None, f"{NUMERALS[index]}、{county}"],
                "numeral": [NUMERALS[index], county],
                "counted": [None, f"{county}（{real}个）"],
            }[layout.heading]
            rows.append(figures_row(label, sums(block)) if layout.heading_figures else label)
            leave_out("分组标题（带小计）" if layout.heading_figures else "标题行")
        for item in block:
            serial += 1
            rows.append(figures_row(line(serial, item.name, item.county), item.figures))
            if item.unreadable:
                figure, typed_instead = item.unreadable
                rows[-1][first_money + figure] = typed_instead
                written.unreadable.append((name, len(rows), figure))
            if item.hidden is not None:
                (drawn.hidden_rows if item.hidden else drawn.struck_rows).add(len(rows))
                leave_out("隐藏行" if item.hidden else "删除线")
        if layout.subtotal != "none":
            label = f"{county}小计" if layout.subtotal == "named" else "小计"
            totals_row(label, county if layout.subtotal == "placed" else None, sums(block))
            leave_out("小计行")
        if layout.blank_between:
            rows.append([])
    if layout.grand == "bottom":
        totals_row(grand, None, sums(everything))
        leave_out("合计行")
    written.sheets.append(drawn)


def to_bytes(layout: Layout, written: Written) -> bytes:
    if layout.fmt == ".csv":
        (drawn,) = written.sheets
        return to_csv(drawn, "gbk")
    return WRITERS[layout.fmt](*written.sheets)


@st.composite
def ledgers(draw) -> tuple[Layout, Columns, list[Item]]:
    drawn = draw(
        st.lists(st.tuples(names, st.sampled_from(COUNTIES), money, money), min_size=1, max_size=7)
    )
    items = [
        Item(f"{name}{NUMERALS[number]}期", county, (total, min(plan, total)))
        for number, (name, county, total, plan) in enumerate(drawn)
    ]
    layout = draw(layouts(len(items)))
    group = draw(st.sampled_from(["投资情况", "项目投资", "投资额"]))
    columns = Columns(("总投资", "年度计划投资"), (group,), ("总投资", "年度计划投资"))
    return layout, columns, with_decoys(items, layout)


def with_decoys(items: list[Item], layout: Layout) -> list[Item]:
    """The items with the layout's decoy rows among them, each in the county of the project
    it stands before (or after the last)."""
    lines = list(items)
    for number, (before, hidden) in enumerate(reversed(layout.decoys), start=1):
        county = items[min(before, len(items) - 1)].county
        lines.insert(before, Item(f"调出项目{number}", county, (Decimal(1), Decimal(1)), hidden))
    return lines


def left_out_of(report) -> list[tuple[str, int, str]]:
    return [(row.sheet, row.row, row.reason) for row in report.left_out]


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ledger=ledgers())
def test_any_ledger_in_any_layout_imports_as_itself(city, ledger):
    layout, columns, items = ledger
    event(f"{layout.fmt} {layout.counties} {'两行表头' if layout.two_rows else '一行表头'}")
    Project.objects.all().delete()
    written = write(layout, columns, items, f"{YEAR}年重点项目台账")
    report = import_ledger(BytesIO(to_bytes(layout, written)), city=city, year=YEAR)
    assert [str(fault) for fault in report.faults] == []
    imported = {
        (
            p.name,
            p.county.name,
            p.total_investment,
            p.annual_plans.get(year=YEAR).planned_investment,
        )
        for p in Project.objects.select_related("county")
    }
    assert imported == {
        (item.name, item.county, *item.figures) for item in items if item.hidden is None
    }
    assert left_out_of(report) == written.left_out
    assert not [note for note in report.notes if "不符" in note]


@st.composite
def progress_sheets(draw) -> tuple[int, Layout, Columns, list[Item], list[Decimal]]:
    """(month, layout, columns, items: this month's and the year's cumulative figures, the
    cumulative each project reported the month before)."""
    month = draw(st.integers(2, 12))
    drawn = draw(
        st.lists(st.tuples(st.sampled_from(COUNTIES), money, money), min_size=1, max_size=6)
    )
    items = [
        Item(f"进度项目{NUMERALS[number]}期", county, (this_month, earlier + this_month))
        for number, (county, earlier, this_month) in enumerate(drawn)
    ]
    layout = draw(layouts(len(items)))
    cumulative = draw(st.sampled_from([f"1—{month}月累计", "本年累计", "年初至报告期累计"]))
    if draw(st.booleans()):  # one group: 完成投资 over 本月 | 1—M月累计
        columns = Columns(
            ("本月完成投资", f"{cumulative}完成投资"), ("完成投资",), ("本月", cumulative)
        )
    else:  # a group for each period: 当月 | 本年累计 over 完成投资 | 完成投资
        this_month = draw(st.sampled_from([f"{month}月", "本月", "当月"]))
        columns = Columns(
            ("本月完成投资", f"{cumulative}完成投资"),
            (this_month, cumulative),
            ("完成投资", "完成投资"),
        )
    earlier = [earlier for _, earlier, _ in drawn]
    return month, layout, columns, with_decoys(items, layout), earlier


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sheet=progress_sheets())
def test_any_months_progress_in_any_layout_imports_as_itself(city, sheet):
    month, layout, columns, items, earlier = sheet
    event(f"{layout.fmt} {layout.counties} {columns.groups}")
    Project.objects.all().delete()
    projects = [item for item in items if item.hidden is None]
    for item, cumulative in zip(projects, earlier, strict=True):
        project = Project.objects.create(
            city=city,
            county=Region.objects.get(name=item.county),
            name=item.name,
            total_investment=Decimal(10) ** 7,
        )
        MonthlyProgress.objects.create(
            project=project, year=YEAR, month=month - 1, cumulative_completed=cumulative
        )
        # A plan of the cumulative's order: against a total alone, figures in 万元 a sheet does
        # not write would be doubted as 亿元 (guanmo.ledger.unit_doubts) and refused.
        AnnualPlan.objects.create(project=project, year=YEAR, planned_investment=item.figures[1])
    written = write(layout, columns, items, f"{YEAR}年{month}月重点项目进展情况")
    report = import_progress(BytesIO(to_bytes(layout, written)), city=city, year=YEAR, month=month)
    assert [str(fault) for fault in report.faults] == []
    imported = set(
        MonthlyProgress.objects.filter(year=YEAR, month=month).values_list(
            "project__name", "completed_this_month", "cumulative_completed"
        )
    )
    assert imported == {(item.name, *item.figures) for item in projects}
    assert left_out_of(report) == written.left_out
    assert not [note for note in report.notes if "不符" in note]


UNREADABLE = st.sampled_from(["#REF!", "#VALUE!", "#N/A", "#DIV/0!", "见附表", "210,5", "约3000"])


@hypothesis_settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ledger=ledgers(), data=st.data())
def test_an_unreadable_figure_in_any_layout_is_refused_naming_its_place(city, ledger, data):
    """One project's figure is an error value or text that is no number: the import stops
    with a Chinese message naming that row and column, and writes nothing."""
    layout, columns, items = ledger
    Project.objects.all().delete()
    real = [item for item in items if item.hidden is None]
    spoiled = data.draw(st.sampled_from(real))
    spoiled.unreadable = (data.draw(st.integers(0, 1)), data.draw(UNREADABLE))
    written = write(layout, columns, items, f"{YEAR}年重点项目台账")
    report = import_ledger(BytesIO(to_bytes(layout, written)), city=city, year=YEAR)
    ((sheet, row, figure),) = written.unreadable
    assert (sheet, row, columns.labels[figure]) in {
        (fault.sheet, fault.row, fault.column) for fault in report.faults
    }
    assert all(re.search(r"[\u4e00-\u9fff]", str(fault)) for fault in report.faults)
    assert not Project.objects.exists()
