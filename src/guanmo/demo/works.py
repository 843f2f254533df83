"""What the demo city's projects build, by industry: each kind of works has a name, a scope in
the unit of what it builds (a road in 公里, a plant in 万吨 or 平方米, farmland in 亩), and the
steps its 形象进度 climbs in order, so that a project's line only ever moves forward.

A scope is written from one size drawn for the project (2–30); the steps are chosen by how
much of the year's investment is done, so a stalled project stays on its step."""

from dataclasses import dataclass
from decimal import Decimal

from guanmo.ledger.models import Stage

# Where in a county a project lies: town works in its quarters, farming in the countryside.
# Both lists are as long, so the seeded draw of a place takes the same turn of the generator.
PLACES = ["东部新区", "西部工业园", "南部片区", "老城区", "北部山区", "产业集聚区", "城南", "城北"]
RURAL_PLACES = [
    "东部乡镇",
    "西部乡镇",
    "南部乡镇",
    "沿黄滩区",
    "北部山区",
    "沿山片区",
    "城郊",
    "平原片区",
]

PREPARATION = ("项目谋划", "办理土地手续", "环评公示", "规划方案审查", "施工图设计", "施工招标")

PLANT = (
    "完成场地平整",
    "桩基施工",
    "主体基础施工",
    "钢结构厂房吊装",
    "主体封顶",
    "二次结构施工",
    "设备安装调试",
    "室外配套施工",
)
RETROFIT = ("车间基础改造施工", "钢平台及输送线铺设", "智能装备安装", "生产线联动调试")
BUILDING = (
    "完成场地平整",
    "桩基施工",
    "主体基础施工",
    "主体结构施工",
    "主体封顶",
    "二次结构施工",
    "室内装修施工",
    "室外配套施工",
)
ROAD = ("路基土方施工", "雨污管网铺设", "路面基层摊铺", "沥青面层摊铺", "照明及绿化施工")
HEATING = ("沟槽开挖", "供热管道铺设", "管道焊接及防腐", "换热站设备安装", "试压冲洗", "路面恢复")
WASTEWATER = ("深度处理池基础施工", "池体结构施工", "设备安装调试", "厂区配套施工")
FARMLAND = ("土地平整", "灌溉渠道施工", "机井及管网铺设", "田间道路铺装", "农田防护林栽植")
HERBS = ("种植基地土地平整", "加工车间基础施工", "加工车间主体施工", "加工设备安装调试")
GREENWAY = ("场地清表", "土方整理", "绿道铺装", "苗木栽植", "景观节点建设", "配套设施安装")

IN_PRODUCTION = ("竣工验收", "试生产", "已投产")
IN_USE = ("竣工验收", "投入使用")


@dataclass(frozen=True)
class Works:
    """One kind of project: its name pattern (`str.format` fields: owner, n, product, place
    (county and quarter), place2, county, quarter, k), its scope pattern (fields from
    `scope_of`), its steps under construction and its steps once completed."""

    name: str
    scope: str
    steps: tuple[str, ...]
    done: tuple[str, ...]


INDUSTRIES: dict[str, list[Works]] = {
    "先进制造业": [
        Works(
            "{owner}年产{n}万吨{product}项目",
            "年产{product}{n}万吨，新建生产车间、仓库及配套用房{area}万平方米",
            PLANT,
            IN_PRODUCTION,
        ),
        Works(
            "{owner}{product}智能化改造项目",
            "对现有{product}生产线实施智能化改造，改造车间{sqm}平方米，购置智能装备{count}台（套）",
            RETROFIT,
            IN_PRODUCTION,
        ),
        Works(
            "{owner}新建{product}生产线项目",
            "新建{product}生产线{lines}条，建设标准化厂房{area}万平方米",
            PLANT,
            IN_PRODUCTION,
        ),
    ],
    "现代服务业": [
        Works(
            "{place}现代物流园项目",
            "占地{mu}亩，建设仓储库房、分拨中心及配套用房{area}万平方米",
            BUILDING,
            IN_USE,
        ),
        Works(
            "{place}商贸综合体项目",
            "总建筑面积{area}万平方米，建设商业、办公用房及地下停车场",
            BUILDING,
            IN_USE,
        ),
        Works(
            "{place}电子商务产业园项目",
            "总建筑面积{area}万平方米，建设电商孵化、仓储配送及配套用房",
            BUILDING,
            IN_USE,
        ),
    ],
    "基础设施": [
        Works(
            "{place}至{place2}道路改建工程",
            "道路全长{km}公里，红线宽度{width}米，建设路基路面、排水、照明及绿化工程",
            ROAD,
            ("竣工验收", "建成通车"),
        ),
        Works(
            "{place}污水处理厂提标改造工程",
            "设计处理规模{kilotonnes}万吨/日，提标改造至一级A排放标准，新建深度处理设施",
            WASTEWATER,
            ("竣工验收", "通水运行"),
        ),
        Works(
            "{place}集中供热管网工程",
            "新建供热管网{km}公里、换热站{count}座",
            HEATING,
            ("竣工验收", "投入运行"),
        ),
    ],
    "社会民生": [
        Works(
            "{county}人民医院{quarter}院区项目",
            "设置床位{beds}张，总建筑面积{area}万平方米",
            BUILDING,
            IN_USE,
        ),
        Works(
            "{county}第{k}中学新建项目",
            "占地{mu}亩，设置教学班{classes}个，总建筑面积{area}万平方米",
            BUILDING,
            IN_USE,
        ),
        Works(
            "{place}棚户区改造项目",
            "改造棚户区住房{households}户，建筑面积{area}万平方米",
            BUILDING,
            IN_USE,
        ),
    ],
    "现代农业": [
        Works(
            "{place}高标准农田建设项目",
            "建设高标准农田{farmland}亩，配套灌溉渠道、机井、田间道路及农田防护林",
            FARMLAND,
            ("竣工验收", "交付使用"),
        ),
        Works(
            "{place}怀药种植加工基地项目",
            "建设怀药种植基地{mu}亩，加工车间及仓储用房{sqm}平方米",
            HERBS,
            IN_PRODUCTION,
        ),
        Works(
            "{place}农产品冷链物流项目",
            "建设冷库库容{kilotonnes}万吨，分拣配送中心{sqm}平方米",
            BUILDING,
            IN_USE,
        ),
    ],
    "生态环保": [
        Works(
            "{place}南水北调生态廊道项目",
            "建设生态廊道{km}公里，绿化面积{greenery}亩",
            GREENWAY,
            ("竣工验收", "建成开放"),
        ),
        Works(
            "{place}城市绿道建设项目",
            "建设绿道{km}公里，配套驿站、停车场及标识系统",
            GREENWAY,
            ("竣工验收", "建成开放"),
        ),
        Works(
            "{place}固废综合利用项目",
            "年处理工业固废{tonnes}万吨，建设处理车间及配套用房{area}万平方米",
            PLANT,
            IN_PRODUCTION,
        ),
    ],
}


def scope_of(works: Works, size: int, product: str, n: int) -> str:
    """The works' scope for a project of `size` (2–30): areas of 0.6–9 万平方米, roads and pipes
    of 0.6–9 公里, farmland of 2,000–30,000 亩, a corridor's greenery 300 亩 a 公里."""
    tenths = Decimal(size * 3) / 10
    return works.scope.format(
        product=product,
        n=n,
        area=tenths,
        km=tenths,
        sqm=size * 300,
        mu=size * 10 + 40,
        farmland=size * 1000,
        greenery=size * 90,  # about 200 metres wide along its length
        count=size * 2,
        lines=1 + size // 8,
        width=(30, 40, 50)[size % 3],
        kilotonnes=1 + size // 6,
        tonnes=size * 5,
        beds=size * 50,
        classes=24 + size * 2,
        households=size * 100,
    )


def visible_progress(works: Works, stage: str, done_share: float) -> str:
    """The step a project of this stage reports once `done_share` (0–1) of its year's
    investment is done: a new start climbs the first steps, a continuing project the later
    ones, a completed project the last ones and then its completion; a preparatory project
    goes through the approvals. Never a step back while `done_share` does not fall."""
    steps = works.steps
    third = len(steps) // 3
    ladder = {
        Stage.PREPARATORY: PREPARATION,
        Stage.NEW_START: steps[: len(steps) - third],
        Stage.CONTINUING: steps[third:],
        Stage.COMPLETED: steps[len(steps) - third - 1 :] + works.done,
    }[stage]
    return ladder[min(int(done_share * len(ladder)), len(ladder) - 1)]
