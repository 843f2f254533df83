"""What the public sees of a city's key projects: plain records, built once per city and cached.

A record carries only what may be published. Private fields are None in it, so no page,
download or API response built from it can show them (see `selectors.build_public_ledger`).
"""

from dataclasses import dataclass
from decimal import Decimal

from guanmo.figures.formatting import number
from guanmo.ledger.models import Level
from guanmo.sheets.cells import format_wan

LEVEL_LABELS = dict(Level.choices)


@dataclass(frozen=True)
class PublicProject:
    id: int
    name: str
    county: str
    county_code: str
    levels: tuple[str, ...]  # key lists of the year: "省", "市", "县"
    stage: str
    industry: str
    scope: str
    owner: str
    responsible_unit: str
    annual_plan: Decimal | None
    completed: Decimal | None  # cumulative, as of `month`
    completion_rate: Decimal | None
    month: int | None  # the closed month the figures come from
    commissioner: str
    # Optional fields: None unless the city publishes them.
    code: str | None = None
    total_investment: Decimal | None = None
    location: str | None = None
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    leader_in_charge: str | None = None
    commissioner_phone: str | None = None
    visible_progress: str | None = None
    problems: str | None = None

    @property
    def level_labels(self) -> str:
        return "、".join(LEVEL_LABELS[level] for level in self.levels)


@dataclass(frozen=True)
class Column:
    """A published field: its key (JSON, API), its Chinese label (CSV header, pages), the
    setting that makes it public (None: always public), and how it is written as text."""

    key: str
    label: str
    setting: str | None = None
    kind: str = "text"  # text, money, rate, levels, month

    def text(self, project: PublicProject) -> str:
        value = getattr(project, self.key)
        if value is None:
            return ""
        match self.kind:
            case "money":
                return format_wan(value)
            case "rate":
                return number(value)
            case "levels":
                return project.level_labels
            case "month":
                return f"{value}月"
        return str(value)


COLUMNS = (
    Column("id", "编号"),
    Column("county", "所在县区"),
    Column("county_code", "县区代码"),
    Column("name", "项目名称"),
    Column("levels", "重点项目级别", kind="levels"),
    Column("stage", "建设性质"),
    Column("industry", "产业类别"),
    Column("code", "项目代码", "show_code"),
    Column("scope", "建设规模及主要内容"),
    Column("total_investment", "总投资（万元）", "show_total_investment", "money"),
    Column("annual_plan", "年度计划投资（万元）", kind="money"),
    Column("completed", "累计完成投资（万元）", kind="money"),
    Column("completion_rate", "完成率（%）", kind="rate"),
    Column("month", "进度数据月份", kind="month"),
    Column("owner", "建设单位"),
    Column("responsible_unit", "责任单位"),
    Column("leader_in_charge", "包抓领导", "show_leader_in_charge"),
    Column("commissioner", "驻工地专员"),
    Column("commissioner_phone", "驻工地专员电话", "show_commissioner_phone"),
    Column("location", "建设地点", "show_location"),
    Column("longitude", "经度", "show_location"),
    Column("latitude", "纬度", "show_location"),
    Column("visible_progress", "形象进度", "show_visible_progress"),
    Column("problems", "存在问题", "show_problems"),
)
OPTIONAL_SETTINGS = tuple(dict.fromkeys(c.setting for c in COLUMNS if c.setting))


@dataclass(frozen=True)
class PublicLedger:
    """A city's published key projects of one year, as of its last closed month."""

    city_code: str
    city_name: str
    year: int
    month: int | None  # the last closed month; None before any month is closed
    published: frozenset[str]  # the optional settings the city has switched on
    counties: tuple[tuple[str, str], ...]  # (code, name) of its counties and zones
    projects: tuple[PublicProject, ...]

    @property
    def as_of(self) -> str:
        if self.month is None:
            return f"{self.year}年尚无已关闭的填报月份，暂无进度数据"
        return f"数据截至{self.year}年{self.month}月"

    @property
    def columns(self) -> tuple[Column, ...]:
        return tuple(c for c in COLUMNS if c.setting is None or c.setting in self.published)

    @property
    def industries(self) -> list[str]:
        return sorted({p.industry for p in self.projects if p.industry})

    def project(self, pk: int) -> PublicProject | None:
        return next((p for p in self.projects if p.id == pk), None)
