"""The sentences of a tour's results bulletin, shared by `observation-results` and the web page.

The podium keeps this pattern:
综合得分第一名为武陟县（92.35分），第二名为温县（90.10分），第三名为孟州市（88.00分）；
排名末位的是解放区（80.50分）。
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from guanmo.observation.results import (
    Method,
    RegionResult,
    ScoreCard,
    SiteResult,
    TourResults,
    Trim,
    trim_counts,
)
from guanmo.observation.rubric import Criterion

PODIUM = 3
_ORDINALS = {1: "一", 2: "二", 3: "三"}
_COUNTS = dict(enumerate("一两三四五六七八九", start=1))  # 去掉两个最高分
DEFAULT_TOUR_NAME = "重点项目观摩"


@dataclass(frozen=True)
class TourFacts:
    """What the bulletin says about the tour itself; the web fills it from its models."""

    name: str  # "2025年第二次重点项目观摩"
    dates: str | None  # "6月12日至13日"; None when unknown (a paper tour)
    sites: int
    judges: int
    counties: int
    city: str = ""  # "焦作市"
    office: str = ""  # the issuing office's full name (the city's `IssuingOffice`)

    @classmethod
    def from_cards(
        cls, name: str, cards: Iterable[ScoreCard], *, dates: str | None = None, city: str = ""
    ) -> "TourFacts":
        """The counts as the score cards give them: sites, judges and the sites' counties."""
        cards = list(cards)
        return cls(
            name=name or DEFAULT_TOUR_NAME,
            dates=dates,
            sites=len({card.site for card in cards}),
            judges=len({card.judge for card in cards}),
            counties=len({card.site_region for card in cards}),
            city=city,
        )

    @property
    def issuer(self) -> str:
        return self.office or f"{self.city}重点项目建设办公室"


@dataclass(frozen=True)
class TourReport:
    """Everything a results output shows: the tour, how it was scored, and what came of it."""

    facts: TourFacts
    rubric: tuple[Criterion, ...]
    cards: Sequence[ScoreCard]
    results: TourResults
    trim: Trim = field(default_factory=Trim)
    recusal: bool = True
    # judges whose county the sheets do not give (no 评委所属县区 column): recusal unchecked
    unrecused: tuple[str, ...] = ()


@dataclass(frozen=True)
class Remark:
    judge: str
    text: str


@dataclass(frozen=True)
class SiteRemarks:
    """The judges' remarks on one site, in the order the judges gave them."""

    site: str
    region: str
    remarks: tuple[Remark, ...]


def points(score: Decimal) -> str:
    """A score as the bulletin prints it: "92.35分"."""
    return f"{score:f}分"


def place(rank: int, tied: bool) -> str:
    """第2位 / 并列第2位."""
    return f"并列第{rank}位" if tied else f"第{rank}位"


def bulletin_title(facts: TourFacts) -> str:
    return f"关于{facts.name}评比结果的通报"


def course_sentence(facts: TourFacts) -> str:
    """How the tour ran: when (if known), how many sites in how many counties, how many judges."""
    seen = f"{facts.counties}个县区的{facts.sites}个项目"
    if facts.dates:
        return f"本次观摩于{facts.dates}举行，共观摩{seen}，{facts.judges}位评委现场打分。"
    return f"本次观摩活动共观摩{seen}，{facts.judges}位评委现场打分。"


def _dropping(high: int, low: int) -> str:
    """去掉一个最高分和一个最低分 / 去掉两个最高分 / "" when nothing is dropped."""
    ends = [f"{_COUNTS.get(n, n)}个{end}" for n, end in ((high, "最高分"), (low, "最低分")) if n]
    return f"去掉{'和'.join(ends)}" if ends else ""


def scoring_sentence(report: TourReport) -> str:
    """How a site's and a county's scores were made, and whether judges were recused."""
    method = report.results.method
    if method in (Method.TRIMMED, Method.ZSCORE):
        panel = max((site.judges for site in report.results.sites), default=0)
        dropping = _dropping(*trim_counts(panel, report.trim))
        how = f"{dropping}后的平均分" if dropping else "算术平均分"
        if method is Method.ZSCORE:
            how = f"按评委标准化（Z分数）消除宽严差异后，{how}"
    elif method is Method.MEAN:
        how = "算术平均分"
    elif method is Method.MEDIAN:
        how = "中位数"
    else:
        how = "按宽严校正（加性模型）消除评委宽严差异后的得分"
    sentence = f"各观摩点得分为评委打分{how}，县区得分为所属观摩点得分的平均分，均保留两位小数"
    if report.recusal:
        sentence += "；评委对本县区观摩点实行回避"
        if report.unrecused:
            sentence += f"（{'、'.join(report.unrecused)}未注明所属县区，未能核对回避）"
    return sentence + "。"


def _group(regions: Sequence[RegionResult]) -> list[list[RegionResult]]:
    """Counties sharing a rank, rank by rank."""
    groups: list[list[RegionResult]] = []
    for region in regions:
        if groups and groups[-1][0].rank == region.rank:
            groups[-1].append(region)
        else:
            groups.append([region])
    return groups


def _names(group: Sequence[RegionResult]) -> str:
    return "、".join(region.region for region in group)


def podium_sentence(regions: Sequence[RegionResult]) -> str | None:
    """The first three places and the last place, ties marked 并列; None with no county ranked.

    The last place is named apart only when it is not already among the first three.
    """
    if not regions:
        return None
    groups = _group(sorted(regions, key=lambda region: region.rank))
    podium = [group for group in groups if group[0].rank <= PODIUM]
    clauses = []
    for group in podium:
        ordinal = _ORDINALS[group[0].rank]
        score = points(group[0].score)
        if len(group) == 1:
            clauses.append(f"第{ordinal}名为{group[0].region}（{score}）")
        else:
            clauses.append(f"并列第{ordinal}名的是{_names(group)}（均为{score}）")
    sentence = "综合得分" + "，".join(clauses)
    last = groups[-1]
    if last not in podium:
        score = points(last[0].score)
        if len(last) == 1:
            sentence += f"；排名末位的是{last[0].region}（{score}）"
        else:
            sentence += f"；并列排名末位的是{_names(last)}（均为{score}）"
    return sentence + "。"


def county_sites_sentence(region: RegionResult, sites: Sequence[SiteResult]) -> str:
    """One county's score and place, then its sites': "武陟县综合得分83.84分，居第2位。
    观摩点得分：武陟县产业园87.67分（第1位）、武陟县医院80.00分（第4位）。"."""
    listed = "、".join(
        f"{site.site}{points(site.score)}（{place(site.rank, site.tied)}）"
        for site in sites
        if site.region == region.region
    )
    return (
        f"{region.region}综合得分{points(region.score)}，居{place(region.rank, region.tied)}。"
        f"观摩点得分：{listed}。"
    )


def remarks_by_site(cards: Iterable[ScoreCard], sites: Sequence[str]) -> list[SiteRemarks]:
    """The judges' remarks gathered by site, sites in the order given; a remark said twice
    about one site is kept once, and sites without remarks are left out."""
    gathered: dict[str, list[Remark]] = {site: [] for site in sites}
    regions: dict[str, str] = {}
    for card in cards:
        text = card.remark.strip()
        if not text or card.site not in gathered:
            continue
        regions[card.site] = card.site_region
        if all(remark.text != text for remark in gathered[card.site]):
            gathered[card.site].append(Remark(card.judge, text))
    return [
        SiteRemarks(site, regions[site], tuple(remarks))
        for site, remarks in gathered.items()
        if remarks
    ]
