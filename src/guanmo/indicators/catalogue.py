"""The starting catalogue of indicators a city gets from `install_indicator_catalogue`, then
edits (admin, later the city office's page): the figures 统计月报 and the speeches in
shared/seed/speeches.txt count, with their usual unit, kind, direction, ranking basis,
frequency, decimals and supplier ("市" or "县" is put before the supplier by the installation).

Sources for the choices: growth of 地区生产总值 and 规模以上工业增加值 is at comparable prices,
so only the bureau's reported rate is used for it (`Indicator.note` says so, and
`Indicator.comparable_prices` has the table's note say （可比价） for it alone); 追赶超越 rankings
rank the main economic indicators by growth; 人均可支配收入 is published quarterly; 赴京访 is
counted in 批 and 人次, fewer being better; 贫困村退出 is a count of villages (issue 12's
poverty-alleviation tasks: 脱贫人口, 贫困村退出).

A city already installed keeps its catalogue as it is (no migration adds to it): an entry added
here reaches it only when the catalogue is installed again, which adds what is missing.
"""

from dataclasses import dataclass

from guanmo.indicators.choices import Direction, Frequency, Kind, RankBy

COMPARABLE_PRICES = "增速按可比价格计算，以统计部门公布的增速为准，不由总量推算。"


@dataclass(frozen=True)
class Entry:
    name: str
    unit: str
    kind: Kind = Kind.AMOUNT
    direction: Direction = Direction.HIGHER
    rank_by: RankBy = RankBy.GROWTH
    frequency: Frequency = Frequency.MONTHLY
    places: int = 2
    supplier: str = "统计局"
    note: str = ""
    comparable_prices: bool = False  # growth at comparable prices (`Indicator.comparable_prices`)


CATALOGUE: tuple[Entry, ...] = (
    Entry(
        "地区生产总值",
        "亿元",
        frequency=Frequency.QUARTERLY,
        places=1,
        note=COMPARABLE_PRICES,
        comparable_prices=True,
    ),
    Entry("规模以上工业增加值", "亿元", places=1, note=COMPARABLE_PRICES, comparable_prices=True),
    Entry("固定资产投资", "亿元", places=1),
    Entry("一般公共预算收入", "亿元", supplier="财政局"),
    Entry("社会消费品零售总额", "亿元", places=1),
    Entry("实际利用外资", "万美元", places=0, supplier="商务局"),
    Entry("实际利用省外资金", "亿元", supplier="商务局"),
    Entry("进出口总额", "亿元", supplier="商务局"),
    Entry(
        "城镇居民人均可支配收入",
        "元",
        kind=Kind.AVERAGE,
        frequency=Frequency.QUARTERLY,
        places=0,
    ),
    Entry(
        "农村居民人均可支配收入",
        "元",
        kind=Kind.AVERAGE,
        frequency=Frequency.QUARTERLY,
        places=0,
    ),
    Entry(
        "高新技术产业增加值占比",
        "%",
        kind=Kind.RATIO,
        rank_by=RankBy.VALUE,
        places=1,
        supplier="科技局",
    ),
    Entry(
        "单位地区生产总值能耗",
        "吨标准煤/万元",
        kind=Kind.AVERAGE,
        direction=Direction.LOWER,
        rank_by=RankBy.VALUE,
        frequency=Frequency.QUARTERLY,
        places=3,
        supplier="发展改革委",
    ),
    Entry("脱贫人口", "万人", rank_by=RankBy.VALUE, supplier="乡村振兴局"),
    # the villages of the year's plan: a finite set, counted whole, never forecast past it
    Entry(
        "贫困村退出", "个", kind=Kind.COUNT, rank_by=RankBy.VALUE, places=0, supplier="乡村振兴局"
    ),
    Entry(
        "赴京访批次",
        "批",
        direction=Direction.LOWER,
        rank_by=RankBy.VALUE,
        places=0,
        supplier="信访局",
    ),
    Entry(
        "赴京访人次",
        "人次",
        direction=Direction.LOWER,
        rank_by=RankBy.VALUE,
        places=0,
        supplier="信访局",
    ),
)
