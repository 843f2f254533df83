"""The ledger's columns: every column of a key-project ledger or monthly progress sheet, the
words offices head it with, and what the sheet reader must know of it (guanmo.sheets.header's
Catalogue). Other domains' sheets (indicators, assessment) bring catalogues of their own.
"""

from enum import StrEnum
from functools import partial

from guanmo.ledger import cells as ledger_cells
from guanmo.ledger.models import MilestoneKind
from guanmo.sheets import cells, header
from guanmo.sheets.header import Catalogue, Periods


class Field(StrEnum):
    """A column Guanmo understands; the value is the label faults and exports use."""

    SERIAL = "序号"
    NAME = "项目名称"
    CODE = "项目代码"
    OWNER = "建设单位"
    COUNTY = "所在县区"
    LOCATION = "建设地点"
    INDUSTRY = "产业类别"
    STAGE = "建设性质"
    LEVELS = "重点级别"
    SCOPE = "建设规模及主要内容"
    YEARS = "起止年限"
    TOTAL_INVESTMENT = "总投资"
    ANNUAL_PLAN = "年度计划投资"
    RESPONSIBLE_UNIT = "责任单位"
    LEADER_IN_CHARGE = "包抓领导"
    SITE_COMMISSIONER = "驻工地专员"
    COMPLETED_THIS_MONTH = "本月完成投资"
    CUMULATIVE_COMPLETED = "累计完成投资"
    CUMULATIVE_SINCE_START = "开工累计完成投资"
    PREVIOUS_YEAR_END = "至上年底累计完成投资"
    PREVIOUS_CUMULATIVE = "截至上月累计完成投资"  # 1—5月累计 beside June's 本月 and 1—6月累计
    VISIBLE_PROGRESS = "形象进度"
    PROBLEMS = "存在问题"
    # The ledger's fields as practice has them (issue 9 §6).
    PHASE = "建设阶段"  # 新开工/续建/竣工/前期 in a column of its own
    CATEGORY = "项目类型"  # 产业项目, 基础设施, 社会民生…
    LEAD_COUNTY = "牵头县区"  # the county that counts a project lying in several
    NATURE = "建设性质（统计）"  # 新建/扩建/改建/迁建/恢复 in a column of its own
    # 起止年限 as two date columns (tryout 4 L10): each gives its year.
    START_DATE = "开工时间"
    END_DATE = "竣工时间"
    # Each milestone's planned and actual date (issue 14): 计划开工时间, 实际开工时间…
    PLANNED_APPROVAL = "计划立项时间"
    REACHED_APPROVAL = "实际立项时间"
    PLANNED_LAND = "计划用地时间"
    REACHED_LAND = "实际用地时间"
    PLANNED_PLANNING = "计划规划时间"
    REACHED_PLANNING = "实际规划时间"
    PLANNED_ENVIRONMENT = "计划环评时间"
    REACHED_ENVIRONMENT = "实际环评时间"
    PLANNED_PERMIT = "计划施工许可时间"
    REACHED_PERMIT = "实际施工许可时间"
    PLANNED_STARTED = "计划开工时间"
    REACHED_STARTED = "实际开工时间"
    PLANNED_ENROLLED = "计划入统时间"
    REACHED_ENROLLED = "实际入统时间"
    PLANNED_STRUCTURE = "计划主体完工时间"
    REACHED_STRUCTURE = "实际主体完工时间"
    PLANNED_COMPLETED = "计划竣工时间"
    REACHED_COMPLETED = "实际竣工时间"
    PLANNED_PRODUCING = "计划投产时间"
    REACHED_PRODUCING = "实际投产时间"


# Each milestone column: the milestone and whether it holds the planned or the actual date.
MILESTONE_COLUMNS: dict[Field, tuple[MilestoneKind, str]] = {
    Field(f"{word}{kind.label}时间"): (kind, attribute)
    for kind in MilestoneKind
    for word, attribute in (("计划", "planned"), ("实际", "reached"))
}


def _milestone_synonyms(column: Field) -> tuple[str, ...]:
    """计划开工时间 is also written 计划开工日期, 开工计划时间, 开工时间（计划）; 实际开工时间 also
    实际开工日期, 开工实际时间, 开工完成时间."""
    kind, attribute = MILESTONE_COLUMNS[column]
    word = "计划" if attribute == "planned" else "实际"
    forms = [f"{word}{kind.label}{end}" for end in ("时间", "日期")]
    forms += [f"{kind.label}{word}{end}" for end in ("时间", "日期")]
    forms += [f"{kind.label}时间({word})", f"{kind.label}日期({word})"]
    if attribute == "reached":
        forms += [f"{kind.label}完成时间", f"{kind.label}完成日期"]
    return tuple(forms)


MONEY_FIELDS = frozenset(
    {
        Field.TOTAL_INVESTMENT,
        Field.ANNUAL_PLAN,
        Field.COMPLETED_THIS_MONTH,
        Field.CUMULATIVE_COMPLETED,
        Field.CUMULATIVE_SINCE_START,
        Field.PREVIOUS_YEAR_END,
        Field.PREVIOUS_CUMULATIVE,
    }
)
SYNONYMS: dict[Field, tuple[str, ...]] = {
    Field.SERIAL: ("序号", "编号", "序"),
    Field.NAME: ("项目名称", "项目名", "名称", "项目"),
    Field.CODE: ("项目代码", "项目编码", "项目统一代码", "统一项目代码", "全国投资项目代码"),
    Field.OWNER: ("建设单位", "项目业主", "项目单位", "业主单位", "项目业主单位", "建设主体"),
    Field.COUNTY: (
        "所在县区",
        "县(市、区)",
        "县(市,区)",
        "县市区",
        "县(市)区",
        "所属地区",
        "所在地区",
        "所属县区",
        "县区",
        "区县",
        "所在县(市、区)",
        "县区、园区",
        "区域",
        "所属区域",
        "地区",
        "县(市区)",
        "所在区域",
        # A unit's GB/T 2260 code in place of its name (tryout 7 of issue 9, L23).
        "行政区划代码",
        "区划代码",
        "县区代码",
        "所在县区代码",
    ),
    Field.LOCATION: ("建设地点", "项目地点", "项目建设地点", "项目所在地", "项目地址", "所在地"),
    Field.INDUSTRY: ("产业类别", "所属产业", "行业", "所属行业", "产业类型", "行业类别", "产业"),
    Field.STAGE: ("建设性质", "项目性质"),
    Field.LEVELS: ("重点级别", "级别", "项目级别", "重点项目级别"),
    Field.SCOPE: (
        "建设规模及主要内容",
        "建设规模和主要内容",
        "建设内容",
        "建设规模",
        "主要建设内容",
        "建设内容及规模",
        "主要建设内容及规模",
        "建设规模及内容",
        "主要规模和内容",
        "主要规模及内容",
        "建设规模与内容",
    ),
    Field.YEARS: (
        "起止年限",
        "建设年限",
        "建设起止年限",
        "起止年份",
        "建设周期",
        "建设起止时间",
        "建设工期",
        "项目工期",
        "起止时间",
        "建设起止日期",
    ),
    Field.TOTAL_INVESTMENT: ("总投资", "计划总投资", "项目总投资", "总投资额"),
    Field.ANNUAL_PLAN: (
        "年度计划投资",
        "计划投资",
        "本年计划投资",
        "本年度计划投资",
        "年度计划",
        "年度投资计划",
        "投资计划",
        "计划完成投资",
        "年计划投资",
        "当年计划投资",
        "本年度计划",
        "本年计划",
        "当年计划",
        # A mid-year revision is the plan too: beside the first plan, which one counts is the
        # user's to say (tryout 2 LT), never the first passed over silently.
        "调整后年度计划投资",
        "调整后计划投资",
        "调整后年度计划",
        "调整后投资计划",
    ),
    Field.RESPONSIBLE_UNIT: ("责任单位", "市直责任单位", "责任部门", "挂钩责任单位", "牵头单位"),
    Field.LEADER_IN_CHARGE: (
        "包抓领导",
        "包抓市领导",
        "分包领导",
        "分包市领导",
        "包抓县领导",
        "联系领导",
        "分包县级领导",
        "挂钩领导",
        "挂钩市领导",
        "挂钩县领导",
        "联系市领导",
    ),
    Field.SITE_COMMISSIONER: ("驻工地专员", "驻工地专员姓名", "专员"),
    Field.COMPLETED_THIS_MONTH: (
        "本月完成投资",
        "当月完成投资",
        "本月完成",
        "当月完成",
        "当月投资",
        "本月投资",
        "本月完成投资额",
        "当月完成投资额",
        # A statistics office's words: the report period of a month's report is the month
        # (tryout 6 of issue 9, P15); the progress import says so in its report.
        "报告期完成投资",
        "报告期完成",
        "报告期完成投资额",
        "报告期投资",
    ),
    Field.CUMULATIVE_COMPLETED: (
        "累计完成投资",
        "累计完成",
        "年度累计完成投资",
        "本年累计完成投资",
        "累计完成投资额",
        "年初至报告期累计完成投资",
        "年初至报告期完成投资",
        "年初至今累计完成投资",
        "年初至报告期末累计完成投资",
        "年初至报告期末累计完成",
        "年初至报告期末完成投资",
        "年初至报告期末累计",
        "年初至本月累计完成投资",
        "本年累计",
        "当年累计",
        "本年累计完成",
        "当年累计完成",
        "当年累计完成投资",
        "本年度累计完成投资",
        "年度累计完成",
        "本年完成投资",
        "当年完成投资",
        # The year's cumulative in other words (issue 9, tryout 5: B15, S04, S06, S07).
        "今年以来累计完成投资",
        "今年以来累计完成",
        "今年以来累计",
        "今年累计完成投资",
        "今年累计完成",
        "今年累计",
        "本年度累计完成",
        "本年度累计",
        "年内累计完成投资",
        "年内累计完成",
        "年内累计",
        "年度累计",
        # 全年累计 in a month's sheet is the year's to that month (issue 9), as 本年累计 is.
        "全年累计完成投资",
        "全年累计完成",
        "全年累计",
        "全年累计完成投资额",
    ),
    Field.CUMULATIVE_SINCE_START: (
        "开累",
        "开累完成",
        "开累完成投资",
        "开累投资",
        "自开工累计",
        "自开工累计完成投资",
        "自开工以来累计完成投资",
        "开工以来累计完成投资",
        "开工至报告期累计完成投资",
        "开工至今累计完成投资",
        "项目累计",
        "项目累计完成投资",
        # A project's works since they began (tryout 7 of issue 9, U07): not the year's.
        "工程累计",
        "工程累计完成",
        "工程累计完成投资",
        "工程累计投资",
        "工程累计完成投资额",
        "累计完成投资(开工以来)",
        "累计完成投资(自开工)",
    ),
    Field.PREVIOUS_YEAR_END: (
        "至上年底累计完成投资",
        "截至上年底累计完成投资",
        "截止上年底累计完成投资",
        "至上年底累计",
        "至上年末累计完成投资",
        "上年底累计完成投资",
        "以前年度累计完成投资",
        "至上年底完成投资",
        "至上年底累计完成",
        "截至上年底累计完成",
        "上年底累计",
        "以前年度完成投资",
    ),
    Field.PREVIOUS_CUMULATIVE: (
        "截至上月累计完成投资",
        "截止上月累计完成投资",
        "上月累计完成投资",
        "至上月累计完成投资",
        "截至上月累计",
        "上月累计",
        "上月末累计完成投资",
        # The month before's end written out (issue 9, tryout 5: B18).
        "截至上月底累计完成投资",
        "截止上月底累计完成投资",
        "至上月底累计完成投资",
        "上月底累计完成投资",
        "截至上月底累计",
        "截止上月底累计",
        "至上月底累计",
        "上月底累计",
        "截至上月末累计",
        "上月末累计",
    ),
    Field.VISIBLE_PROGRESS: ("形象进度", "工程形象进度", "项目进展情况", "进展情况", "形象进展"),
    Field.PROBLEMS: ("存在问题", "存在的问题", "问题", "存在问题及建议", "需协调解决的问题"),
    # The ledger's fields as practice has them (issue 9 §6).
    Field.PHASE: ("建设阶段", "项目阶段", "项目建设阶段", "推进阶段", "项目状态"),
    Field.CATEGORY: ("项目类型", "项目类别", "项目分类", "项目大类"),
    Field.LEAD_COUNTY: ("牵头县区", "牵头县(市、区)", "牵头县(市,区)", "牵头县市区", "牵头地区"),
    Field.NATURE: ("建设性质(统计)", "统计建设性质", "建设性质(统计口径)", "统计口径建设性质"),
    Field.START_DATE: (
        "开工时间",
        "开工日期",
        "开工年份",
        "开工年月",
    ),
    Field.END_DATE: (
        "竣工时间",
        "竣工日期",
        "完工时间",
        "竣工年份",
        "竣工年月",
    ),
    **{column: _milestone_synonyms(column) for column in (*MILESTONE_COLUMNS,)},
}


# The ledger's sheets as the reader sees them (source: issue 9 §2, §4).
LEDGER_COLUMNS = Catalogue(
    fields=tuple(Field),
    synonyms=SYNONYMS,
    money=MONEY_FIELDS,
    serial=Field.SERIAL,
    identity=(Field.NAME, Field.CODE),
    name=Field.NAME,
    places=(Field.COUNTY, Field.LOCATION),
    # The fields whose presence makes a row a project row (a footnote has none of them).
    marks=frozenset({Field.NAME, Field.CODE, Field.COUNTY}) | MONEY_FIELDS,
    # Cells a heading or totals row may fill besides its figures: its label, number and place.
    labels=frozenset({Field.SERIAL, Field.NAME, Field.COUNTY, Field.LOCATION}),
    parsers={
        Field.NAME: cells.parse_line,
        Field.CODE: cells.parse_project_code,
        Field.OWNER: cells.parse_line,
        Field.COUNTY: cells.parse_line,
        Field.LOCATION: cells.parse_line,
        Field.INDUSTRY: cells.parse_line,
        Field.STAGE: ledger_cells.parse_stage_or_nature,
        Field.LEVELS: ledger_cells.parse_levels,
        Field.SCOPE: cells.parse_paragraph,
        Field.YEARS: cells.parse_years,
        Field.RESPONSIBLE_UNIT: cells.parse_line,
        Field.LEADER_IN_CHARGE: cells.parse_line,
        Field.SITE_COMMISSIONER: cells.parse_line,
        Field.VISIBLE_PROGRESS: cells.parse_paragraph,
        Field.PROBLEMS: cells.parse_paragraph,
        Field.PHASE: ledger_cells.parse_stage,
        Field.CATEGORY: cells.parse_line,
        Field.LEAD_COUNTY: cells.parse_line,
        Field.NATURE: ledger_cells.parse_nature,
        Field.START_DATE: cells.parse_year_of_date,
        Field.END_DATE: cells.parse_year_of_date,
        **{
            column: ledger_cells.parse_planned_date if attribute == "planned" else cells.parse_date
            for column, (_, attribute) in MILESTONE_COLUMNS.items()
        },
    },
    # The money a sheet may give as 待定/暂无 (optional cells of a 前期 project): whether that
    # may stand for blank, the import decides (issue 9 §5; tryout 31: 上年底 and 总投资 too).
    pending=frozenset({Field.ANNUAL_PLAN, Field.PREVIOUS_YEAR_END, Field.TOTAL_INVESTMENT}),
    # A month's figure below zero is a deduction (核减) the office made, read as typed.
    signed=frozenset({Field.COMPLETED_THIS_MONTH}),
    # A project's total is all its years: 总投资 over 2024年 | 2025年 | 2026年 is their sum.
    lifetime=frozenset({Field.TOTAL_INVESTMENT}),
    # A column headed "2025年" alone, or a quarter standing on its own, is the year's plan.
    planned=Field.ANNUAL_PLAN,
    periods=Periods(
        this_month=Field.COMPLETED_THIS_MONTH,
        year_to_date=Field.CUMULATIVE_COMPLETED,
        year_end=Field.PREVIOUS_YEAR_END,
        previous=Field.PREVIOUS_CUMULATIVE,
        # "完成投资" is this month's or the year's to date depending on the period named before it.
        words=frozenset({"完成投资", "完成", "投资完成", "完成额", "完成投资额", "累计"}),
    ),
)
FIELD_BY_LABEL = LEDGER_COLUMNS.by_label

# The header machinery bound to the ledger's columns.
read_label = partial(header.read_label, LEDGER_COLUMNS)
field_named = partial(header.field_named, LEDGER_COLUMNS)
parse_mapping = partial(header.parse_mapping, LEDGER_COLUMNS)
find_header = partial(header.find_header, LEDGER_COLUMNS)
