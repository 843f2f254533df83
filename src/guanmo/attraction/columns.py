"""The attraction register's columns (招商项目台账): the words offices head them with, and what
the sheet reader (guanmo.sheets) must know of them. Source: issue 14 ("Pages and documents":
项目名称, 投资方, 投资方所在地, 行业, 合同投资, 签约日期, 所在县区, the stages' dates, 到位资金)."""

from enum import StrEnum

from guanmo.attraction.models import PREPARATORY
from guanmo.attraction.stages import Stage
from guanmo.ledger.cells import parse_planned_date
from guanmo.ledger.columns import MILESTONE_COLUMNS
from guanmo.ledger.columns import SYNONYMS as LEDGER_SYNONYMS
from guanmo.ledger.columns import Field as LedgerField
from guanmo.ledger.models import MilestoneKind
from guanmo.sheets import cells
from guanmo.sheets.header import Catalogue

# A column of the register; the value is the label faults and column maps use. Its 前期手续
# columns (models.PREPARATORY) are the ledger's own (ledger.columns.MILESTONE_COLUMNS, one
# catalogue of milestone headings), never typed again here.
Column = StrEnum(
    "Column",
    [
        ("SERIAL", "序号"),
        ("NAME", "项目名称"),
        ("INVESTOR", "投资方"),
        ("ORIGIN", "投资方所在地"),
        ("INDUSTRY", "行业"),
        ("CHAIN", "所属产业链"),
        ("CONTRACT_INVESTMENT", "合同投资"),
        ("COUNTY", "所在县区"),
        ("PARK", "所在园区"),
        ("LEADER_IN_CHARGE", "包抓领导"),
        ("NEGOTIATED", "洽谈日期"),
        ("SIGNED", "签约日期"),
        ("LANDED", "落地日期"),
        ("STARTED", "开工日期"),
        ("PRODUCING", "投产日期"),
        ("AT_CAPACITY", "达产日期"),
        ("PLANNED_SIGNING", "计划签约日期"),
        ("PLANNED_LANDING", "计划落地日期"),
        ("PLANNED_START", "计划开工日期"),
        ("PLANNED_PRODUCTION", "计划投产日期"),
        ("PLANNED_CAPACITY", "计划达产日期"),
        ("DROPPED", "终止洽谈日期"),
        ("FUNDS_IN_PLACE", "到位资金"),
        *(
            (field.name, field.value)
            for field, (kind, _) in MILESTONE_COLUMNS.items()
            if kind in PREPARATORY
        ),
    ],
    module=__name__,
)


# Each stage's columns: (actual date, planned date).
STAGE_COLUMNS: dict[Stage, tuple[Column, Column | None]] = {
    Stage.NEGOTIATING: (Column.NEGOTIATED, None),
    Stage.SIGNED: (Column.SIGNED, Column.PLANNED_SIGNING),
    Stage.LANDED: (Column.LANDED, Column.PLANNED_LANDING),
    Stage.STARTED: (Column.STARTED, Column.PLANNED_START),
    Stage.PRODUCING: (Column.PRODUCING, Column.PLANNED_PRODUCTION),
    Stage.AT_CAPACITY: (Column.AT_CAPACITY, Column.PLANNED_CAPACITY),
}
# Each 前期 approval's columns: column → (milestone, "planned" or "reached"), as the ledger's.
PREPARATORY_COLUMNS: dict[Column, tuple[MilestoneKind, str]] = {
    Column[field.name]: milestone
    for field, milestone in MILESTONE_COLUMNS.items()
    if milestone[0] in PREPARATORY
}
# The planned dates: a month alone is read as its last day, as the ledger reads them
# (ledger.cells.parse_planned_date, tryout 28); an actual date needs its day.
PLANNED_COLUMNS = frozenset(
    {planned for _, planned in STAGE_COLUMNS.values() if planned}
    | {column for column, (_, attribute) in PREPARATORY_COLUMNS.items() if attribute == "planned"}
)
DATE_COLUMNS = frozenset(
    {column for pair in STAGE_COLUMNS.values() for column in pair if column}
    | {Column.DROPPED, *PREPARATORY_COLUMNS}
)
MONEY_COLUMNS = frozenset({Column.CONTRACT_INVESTMENT, Column.FUNDS_IN_PLACE})


def _dated(*words: str) -> tuple[str, ...]:
    """A date column's words with 日期 and 时间: 签约 → 签约日期, 签约时间."""
    return tuple(f"{word}{tail}" for word in words for tail in ("日期", "时间"))


SYNONYMS: dict[Column, tuple[str, ...]] = {
    Column.SERIAL: ("序号", "编号"),
    Column.NAME: ("项目名称", "项目名", "名称", "签约项目", "招商项目", "项目"),
    Column.INVESTOR: (
        "投资方",
        "投资主体",
        "投资企业",
        "投资商",
        "投资单位",
        "签约企业",
        "签约单位",
        "客商",
        "投资方名称",
    ),
    Column.ORIGIN: (
        "投资方所在地",
        "投资方所在地区",
        "投资方来源地",
        "投资来源地",
        "资金来源地",
        "来源地",
        "客商来源地",
        "投资方所属地",
    ),
    Column.INDUSTRY: (
        "行业",
        "所属行业",
        "行业类别",
        "行业分类",
        "国民经济行业",
        "国民经济行业分类",
        "行业代码",
    ),
    Column.CHAIN: ("所属产业链", "产业链", "主导产业", "所属主导产业", "产业类别"),
    Column.CONTRACT_INVESTMENT: (
        "合同投资",
        "合同投资额",
        "合同金额",
        "签约金额",
        "签约投资",
        "签约投资额",
        "协议投资",
        "协议投资额",
        "合同总投资",
    ),
    Column.COUNTY: LEDGER_SYNONYMS[LedgerField.COUNTY] + ("落户县区", "承接县区"),
    Column.PARK: ("所在园区", "落户园区", "所在产业集聚区", "产业集聚区", "园区", "承接园区"),
    Column.LEADER_IN_CHARGE: LEDGER_SYNONYMS[LedgerField.LEADER_IN_CHARGE],
    Column.NEGOTIATED: _dated("洽谈", "开始洽谈", "首次洽谈", "对接", "首次对接"),
    Column.SIGNED: _dated("签约", "实际签约"),
    Column.LANDED: _dated("落地", "实际落地", "注册", "注册落地"),
    Column.STARTED: _dated("开工", "实际开工"),
    Column.PRODUCING: _dated("投产", "实际投产"),
    Column.AT_CAPACITY: _dated("达产", "实际达产"),
    Column.PLANNED_SIGNING: _dated("计划签约"),
    Column.PLANNED_LANDING: _dated("计划落地"),
    Column.PLANNED_START: _dated("计划开工"),
    Column.PLANNED_PRODUCTION: _dated("计划投产"),
    Column.PLANNED_CAPACITY: _dated("计划达产"),
    Column.DROPPED: _dated("终止洽谈", "终止", "放弃"),
    Column.FUNDS_IN_PLACE: (
        "到位资金",
        "累计到位资金",
        "实际到位资金",
        "资金到位",
        "到位资金额",
        "累计到位",
        "签约以来累计到位资金",
    ),
    **{column: LEDGER_SYNONYMS[LedgerField(column.value)] for column in PREPARATORY_COLUMNS},
}

REGISTER_COLUMNS = Catalogue(
    fields=tuple(Column),
    synonyms=SYNONYMS,
    money=MONEY_COLUMNS,
    serial=Column.SERIAL,
    identity=(Column.NAME,),
    name=Column.NAME,
    places=(Column.COUNTY, Column.PARK),
    marks=frozenset({Column.NAME}),
    labels=frozenset({Column.SERIAL, Column.NAME, Column.COUNTY, Column.PARK}),
    parsers={
        **{column: cells.parse_line for column in Column if column not in MONEY_COLUMNS},
        **{column: cells.parse_date for column in DATE_COLUMNS},
        **{column: parse_planned_date for column in PLANNED_COLUMNS},
    },
    # A lead's contract investment may not be settled yet (待定): blank for a lead, a fault for
    # a signed project (the import decides).
    pending=frozenset({Column.CONTRACT_INVESTMENT}),
)
