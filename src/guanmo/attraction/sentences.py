"""The attraction funnel as bulletins write it: "1—6月，全市新增签约项目12个、合同投资86.5亿元，
其中已开工5个，开工率41.7%。" (issue 14). Money in 亿元 to one decimal, rates to one decimal
half-up, a rate without a base written "—" (never 0%), through guanmo.figures.formatting."""

from datetime import date
from decimal import Decimal

from guanmo.attraction.funnel import Funnel, Period
from guanmo.documents.official import chinese_date
from guanmo.figures.formatting import money_wan, money_yi, rate


def _reached(count: int, stage: str, figure: Decimal | None, rate_name: str) -> str:
    """已开工5个，开工率41.7%; 尚无项目开工 when none has (never 已开工0个，开工率0.0%)."""
    if not count:
        return f"尚无项目{stage}"
    return f"已{stage}{count}个，{rate_name}{rate(figure)}"


def signing_sentence(figures: Funnel, where: str, when: str = "") -> str:
    """新增签约项目12个、合同投资86.5亿元，其中已开工5个，开工率41.7% (or 尚无项目开工), after
    "when，where"."""
    opening = f"{when}，{where}" if when else where
    if not figures.signed:
        return f"{opening}无新增签约项目。"
    started = _reached(figures.started, "开工", figures.start_rate, "开工率")
    among = "其中" if figures.started else ""
    return (
        f"{opening}新增签约项目{figures.signed}个、合同投资"
        f"{money_yi(figures.contract_investment, 1)}，{among}{started}。"
    )


def stages_sentence(figures: Funnel, month: int = 12) -> str:
    """The other rates of the signed projects: 落地, 投产, 达产 and funds in place; funds first
    reported after `month` are unknown for it, said, never 0 (funnel.funds_known): 截至6月无
    资金到位记录, or 到位资金…（另2个项目截至6月无资金到位记录，未计入）."""
    return (
        f"新签项目中{_reached(figures.landed, '落地', figures.fulfilment_rate, '履约率')}；"
        f"{_reached(figures.producing, '投产', figures.production_rate, '投产率')}；"
        f"{_reached(figures.at_capacity, '达产', figures.capacity_rate, '达产率')}；"
        f"{funds_words(figures, month)}。"
    )


def funds_words(figures: Funnel, month: int) -> str:
    """到位资金8.0亿元，资金到位率30.0%; 截至6月无资金到位记录 when no project's funds are known
    by the month's end; the unknown ones named by count when some are (funnel.funds_known)."""
    unknown = f"截至{month}月无资金到位记录"
    if figures.funds_in_place is None:
        return f"新签项目{unknown}"
    said = f"到位资金{money_yi(figures.funds_in_place, 1)}，资金到位率{rate(figures.funds_rate)}"
    if figures.funds_unrecorded:
        said += f"（另{figures.funds_unrecorded}个项目{unknown}，未计入）"
    return said


def funds_base_note(name: str, figures: Funnel, month: int) -> str | None:
    """The line under a funnel table for a row whose 资金到位率 leaves out projects with no
    funds record by the month's end (funnel.funds_known): the rate is over the others, whose
    contract differs from the row's 合同投资 (tryout 28); None when every project counts.
    "注：温县资金到位率按有资金到位记录的1个项目、合同投资15,000.00万元计算（另1个项目截至8月无
    资金到位记录，未计入）。"; None too when no project counts: the row shows — and says
    nothing of a base of 0个项目 (tryout 32)."""
    if not figures.funds_unrecorded or figures.funds_contract is None:
        return None
    if figures.funds_in_place is None:
        return None
    counted = figures.signed - figures.funds_unrecorded
    return (
        f"注：{name}资金到位率按有资金到位记录的{counted}个项目、"
        f"合同投资{money_wan(figures.funds_contract)}万元计算"
        f"（另{figures.funds_unrecorded}个项目截至{month}月无资金到位记录，未计入）。"
    )


def leads_sentence(figures: Funnel) -> str:
    """洽谈项目20个，其中已签约12个、未签约8个，签约率60.0%: the period's leads are the projects
    negotiated in it, the signed among them (not 在谈, which would be those still in talks)."""
    if not figures.signed:
        return f"洽谈项目{figures.leads}个，尚无项目签约。"
    return (
        f"洽谈项目{figures.leads}个，其中已签约{figures.signed}个、"
        f"未签约{figures.leads - figures.signed}个，签约率{rate(figures.signing_rate)}。"
    )


def funnel_sentences(
    whole: Funnel, units: list[tuple[str, Funnel]], when: str, where: str, month: int = 12
) -> list[str]:
    """The city's sentences, then one per unit that signed any project; `month` the period's
    last (for funds not yet reported by it)."""
    found = [signing_sentence(whole, where, when)]
    if whole.signed:
        found.append(stages_sentence(whole, month))
    if whole.leads:
        found.append(leads_sentence(whole))
    found += [signing_sentence(figures, name) for name, figures in units if figures.signed]
    return found


def open_month_sentences(
    period: Period, as_of: date, funds_month: tuple[int, int] | None
) -> list[str]:
    """For a period whose month has not ended (`as_of` before its end): 12月尚未结束，各项数字
    截至2025年12月15日；到位资金按已填报的最近月份计，截至11月底。 (funds are entered by month,
    so the rate of an open month is over the latest month entered); none for an ended one."""
    if as_of >= period.end:
        return []
    said = f"{period.month}月尚未结束，各项数字截至{chinese_date(as_of)}"
    if funds_month is None:
        return [f"{said}；尚未填报到位资金。"]
    year, month = funds_month
    when = f"{month}月底" if year == period.year else f"{year}年{month}月底"
    return [f"{said}；到位资金按已填报的最近月份计，截至{when}。"]
