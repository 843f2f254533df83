"""The attraction funnel as bulletins write it: "1—6月，全市新增签约项目12个、合同投资86.5亿元，
其中已开工5个，开工率41.7%。" (issue 14). Money in 亿元 to one decimal, rates to one decimal
half-up, a rate without a base written "—" (never 0%), through guanmo.figures.formatting."""

from guanmo.attraction.funnel import Funnel
from guanmo.figures.formatting import money_yi, rate


def signing_sentence(figures: Funnel, where: str, when: str = "") -> str:
    """新增签约项目12个、合同投资86.5亿元，其中已开工5个，开工率41.7%, after "when，where"."""
    opening = f"{when}，{where}" if when else where
    if not figures.signed:
        return f"{opening}无新增签约项目。"
    return (
        f"{opening}新增签约项目{figures.signed}个、合同投资"
        f"{money_yi(figures.contract_investment, 1)}，其中已开工{figures.started}个，"
        f"开工率{rate(figures.start_rate)}。"
    )


def stages_sentence(figures: Funnel) -> str:
    """The other rates of the signed projects: 落地, 投产, 达产 and funds in place."""
    return (
        f"新签项目中已落地{figures.landed}个，履约率{rate(figures.fulfilment_rate)}；"
        f"已投产{figures.producing}个，投产率{rate(figures.production_rate)}；"
        f"已达产{figures.at_capacity}个，达产率{rate(figures.capacity_rate)}；"
        f"到位资金{money_yi(figures.funds_in_place, 1)}，资金到位率{rate(figures.funds_rate)}。"
    )


def leads_sentence(figures: Funnel) -> str:
    """在谈项目（含新签）20个，签约率60.0%。"""
    return f"在谈项目（含新签）{figures.leads}个，签约率{rate(figures.signing_rate)}。"


def funnel_sentences(
    whole: Funnel, units: list[tuple[str, Funnel]], when: str, where: str
) -> list[str]:
    """The city's sentences, then one per unit that signed any project."""
    found = [signing_sentence(whole, where, when)]
    if whole.signed:
        found.append(stages_sentence(whole))
    if whole.leads:
        found.append(leads_sentence(whole))
    found += [signing_sentence(figures, name) for name, figures in units if figures.signed]
    return found
