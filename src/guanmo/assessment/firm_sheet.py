"""Reading the firm register's sheet (one row per firm: 企业名称, 统一社会信用代码, 县区,
园区, 用地面积（亩）, and the year's 税收, 销售收入, 增加值 in money units converted into 万元,
综合能耗（吨标准煤）, 排放量（吨）, 研发经费, 从业人员) through `guanmo.sheets`, all or
nothing: a code failing
GB 32100-2015's check, a code given twice, a missing figure or one that cannot be read, or a
county cell naming none of the city's units stops the reading, naming its sheet, row and
column."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from guanmo.assessment.firms import validate_credit_code
from guanmo.assessment.sheet_reading import TOTALS, Refused
from guanmo.regions.names import Named, clean_text, region_named
from guanmo.sheets import cells
from guanmo.sheets.faults import ImportReport, LeftOut, SheetFault
from guanmo.sheets.formats import Source
from guanmo.sheets.header import Catalogue
from guanmo.sheets.workbook import SheetSpec, read_workbook, source_name


class F(StrEnum):
    SERIAL = "序号"
    NAME = "企业名称"
    CODE = "统一社会信用代码"
    COUNTY = "县区"
    PARK = "园区"
    LAND = "用地面积"
    TAX = "税收"
    SALES = "销售收入"
    VALUE_ADDED = "增加值"
    ENERGY = "综合能耗"
    EMISSIONS = "排放量"
    RD = "研发经费"
    EMPLOYEES = "从业人员"


MONEY = frozenset({F.TAX, F.SALES, F.VALUE_ADDED, F.RD})
FIGURES = (F.LAND, F.ENERGY, F.EMISSIONS, F.EMPLOYEES)
CATALOGUE = Catalogue(
    fields=tuple(F),
    synonyms={
        F.SERIAL: ["序号"],
        F.NAME: ["企业名称", "企业", "名称"],
        F.CODE: ["统一社会信用代码", "信用代码", "社会信用代码"],
        F.COUNTY: ["县区", "县(市、区)", "县市区", "所在县区"],
        F.PARK: ["园区", "所在园区", "产业集聚区"],
        F.LAND: ["用地面积", "用地面积(亩)", "占地面积(亩)", "土地面积(亩)"],
        F.TAX: ["税收", "实缴税收", "税收实际贡献", "实缴税金"],
        F.SALES: ["销售收入", "营业收入", "主营业务收入"],
        F.VALUE_ADDED: ["增加值", "工业增加值"],
        F.ENERGY: ["综合能耗", "综合能耗(吨标准煤)", "能耗(吨标准煤)", "用能总量(吨标准煤)"],
        F.EMISSIONS: ["排放量", "排放量(吨)", "主要污染物排放量(吨)", "排污量(吨)"],
        F.RD: ["研发经费", "研发经费支出", "R&D经费"],
        F.EMPLOYEES: ["从业人员", "从业人员(人)", "职工人数", "年平均职工人数(人)"],
    },
    money=MONEY,
    serial=F.SERIAL,
    identity=(F.CODE,),
    name=F.NAME,
    marks=frozenset({F.NAME, F.CODE}),
    labels=frozenset({F.SERIAL, F.NAME, F.CODE, F.COUNTY, F.PARK}),
    parsers={
        F.NAME: cells.parse_line,
        F.CODE: cells.parse_line,
        F.COUNTY: cells.parse_line,
        F.PARK: cells.parse_line,
        **{name: cells.parse_figure for name in FIGURES},
    },
    # 用地面积 under "面积单位：平方米", 综合能耗（万吨标准煤）, 从业人员（万人）: converted
    measures={F.LAND: "亩", F.ENERGY: "吨标准煤", F.EMISSIONS: "吨", F.EMPLOYEES: "人"},
    measure_places={F.LAND: 4, F.ENERGY: 6, F.EMISSIONS: 6},  # FirmYear's decimal places
    row_word="企业",
    row_marks="企业名称",
    header_words="“企业名称”“统一社会信用代码”“用地面积”等",
)


@dataclass(frozen=True)
class FirmRow:
    """One firm's row as read: its county as the unit's own name (when the city's units were
    given), money in 万元, land in 亩, energy in 吨标准煤, emissions in 吨."""

    name: str
    credit_code: str
    county: str
    park: str
    land_area: Decimal
    tax: Decimal
    sales: Decimal
    value_added: Decimal
    energy: Decimal
    emissions: Decimal
    rd_spending: Decimal
    employees: int


NUMBERS = {
    F.LAND: "land_area",
    F.TAX: "tax",
    F.SALES: "sales",
    F.VALUE_ADDED: "value_added",
    F.ENERGY: "energy",
    F.EMISSIONS: "emissions",
    F.RD: "rd_spending",
    F.EMPLOYEES: "employees",
}


def read_firms(
    source: Source, units: Sequence[Named] | None = None
) -> tuple[list[FirmRow], ImportReport]:
    """Every firm of the sheet, each county cell naming one of `units` (the city's counties
    and zones, by full, short or spoken name: `region_named`) when they are given. Raises
    Refused with every fault found (nothing is kept)."""
    spec = SheetSpec(
        CATALOGUE,
        frozenset(F) - {F.SERIAL},
        tuple((name,) for name in F if name is not F.SERIAL and name is not F.PARK),
    )
    reading = read_workbook(source, spec)
    report = reading.report("家企业", dry_run=True)
    report.file = source_name(source)
    if not report.ok:
        raise Refused(report)
    firms: list[FirmRow] = []
    seen: set[str] = set()
    for row in reading.rows:
        if row.faults:
            report.faults += row.faults
            continue
        name = row.values.get(F.NAME, "")
        if TOTALS.match(clean_text(name)):
            report.left_out.append(LeftOut(row.sheet, row.number, "合计行"))
            continue

        def fault(column: str, why: str, row=row) -> None:
            report.faults.append(SheetFault(row.sheet, row.number, column, why))

        try:
            code = validate_credit_code(row.values.get(F.CODE, ""))
        except ValueError as error:
            fault(F.CODE.value, str(error))
            continue
        if code in seen:
            fault(F.CODE.value, f"统一社会信用代码“{code}”出现了不止一次")
            continue
        seen.add(code)
        if not name:
            fault(F.NAME.value, "没有填写企业名称")
        county: str | None = row.values.get(F.COUNTY, "")
        if units is not None:
            unit = region_named(county, units)
            if unit is None:
                listed = "、".join(each.name for each in units)
                fault(F.COUNTY.value, f"“{county}”不是本市的县（市、区）或园区，应为{listed}之一")
            county = None if unit is None else unit.name
        numbers: dict[str, Decimal | int] = {}
        for column, attribute in NUMBERS.items():
            value = row.values.get(column)
            if value is None:
                fault(column.value, f"{name}没有填写“{column.value}”；每家企业的各项数据都须填写")
            elif value < 0:
                fault(column.value, f"{name}的“{column.value}”不能为负数")
            elif column is F.EMPLOYEES and value != value.to_integral_value():
                fault(column.value, f"{name}的从业人员应为整数，填的是{value}")
            else:
                numbers[attribute] = int(value) if column is F.EMPLOYEES else value
        if len(numbers) == len(NUMBERS) and name and county is not None:
            firms.append(
                FirmRow(
                    name,
                    code,
                    county,
                    row.values.get(F.PARK, ""),
                    **numbers,  # type: ignore[arg-type]
                )
            )
    if not firms and report.ok:
        report.faults.append(SheetFault("", None, None, "表中没有任何企业"))
    if not report.ok:
        raise Refused(report)
    report.rows_read = len(firms)
    return firms, report
