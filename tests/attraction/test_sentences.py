"""The funnel in the bulletins' words (issue 14): "新增签约项目12个、合同投资86.5亿元，其中已
开工5个，开工率41.7%", and "—" for a rate without a base, never 0%."""

from decimal import Decimal

from guanmo.attraction.funnel import Funnel, Period, funnel
from guanmo.attraction.sentences import (
    funds_base_note,
    funnel_sentences,
    leads_sentence,
    signing_sentence,
    stages_sentence,
)
from tests.attraction.facts import lead

TWELVE = Funnel(
    leads=20,
    signed=12,
    landed=9,
    started=5,
    producing=2,
    at_capacity=0,
    contract_investment=Decimal("865000"),
    funds_in_place=Decimal("216250"),
)


def test_the_signing_sentence_follows_the_bulletins_pattern():
    assert signing_sentence(TWELVE, "全市", "2025年1—6月") == (
        "2025年1—6月，全市新增签约项目12个、合同投资86.5亿元，其中已开工5个，开工率41.7%。"
    )


def test_the_other_stages_and_funds_are_said_after_it():
    assert stages_sentence(TWELVE) == (
        "新签项目中已落地9个，履约率75.0%；已投产2个，投产率16.7%；尚无项目达产；"
        "到位资金21.6亿元，资金到位率25.0%。"
    )


def test_no_signed_project_is_said_in_words_not_as_zero_percent():
    nothing = Funnel(leads=3)

    sentences = funnel_sentences(nothing, [("温县", Funnel())], "2025年1—6月", "全市")

    assert sentences == ["2025年1—6月，全市无新增签约项目。", "洽谈项目3个，尚无项目签约。"]
    assert signing_sentence(Funnel(), "温县") == "温县无新增签约项目。"


def test_no_project_started_is_said_in_words_not_as_zero_percent():
    """Tryout 13: 其中已开工0个，开工率0.0%."""
    signed = Funnel(leads=4, signed=1, contract_investment=Decimal(10000))
    assert (
        signing_sentence(signed, "马村区")
        == "马村区新增签约项目1个、合同投资1.0亿元，尚无项目开工。"
    )
    assert stages_sentence(signed) == (
        "新签项目中尚无项目落地；尚无项目投产；尚无项目达产；到位资金0.0亿元，资金到位率0.0%。"
    )


def test_the_leads_are_said_with_the_signed_among_them():
    """Tryout 13: 在谈项目（含新签）counted the signed as 在谈: the leads of the period are the
    projects negotiated in it, signed or not."""
    assert leads_sentence(TWELVE) == "洽谈项目20个，其中已签约12个、未签约8个，签约率60.0%。"


def test_a_unit_that_signed_gets_its_own_sentence():
    sentences = funnel_sentences(TWELVE, [("武陟县", TWELVE), ("温县", Funnel())], "1—6月", "全市")

    assert sentences[-1] == "武陟县新增签约项目12个、合同投资86.5亿元，其中已开工5个，开工率41.7%。"
    assert len(sentences) == 4


def test_an_open_month_says_the_funds_are_to_the_last_month_entered(settings):
    """Tryout 16: December's 资金到位率 (13.2%) was over contracts signed into December with funds
    entered only to November, and nothing said so."""
    from datetime import date

    from guanmo.attraction.funnel import FundsReport, LeadFacts, Period
    from guanmo.attraction.report import report_of
    from guanmo.attraction.stages import Stage

    settings.GUANMO_TODAY = date(2025, 12, 15)
    lead = LeadFacts(
        name="冷链", units=("武陟县",), contract_investment=Decimal(10000),
        reached={Stage.SIGNED: date(2025, 3, 1)},
        funds=(FundsReport(2025, 11, Decimal(2000)),),
    )  # fmt: skip

    december = report_of([lead], Period(2025, 12), [])
    november = report_of([lead], Period(2025, 11), [])

    assert december.sentences[-1] == (
        "12月尚未结束，各项数字截至2025年12月15日；到位资金按已填报的最近月份计，截至11月底。"
    )
    assert not any("尚未结束" in sentence for sentence in november.sentences)


def test_funds_not_yet_recorded_by_the_month_are_said_never_zero():
    """Tryout 22: 到位资金0.0亿元，资金到位率0.0% for months before the first record."""
    unknown = Funnel(leads=2, signed=2, contract_investment=Decimal(40000), funds_in_place=None,
                     funds_unrecorded=2)  # fmt: skip
    some = Funnel(leads=3, signed=3, contract_investment=Decimal(60000),
                  funds_in_place=Decimal(9000), funds_unrecorded=1,
                  funds_contract=Decimal(50000))  # fmt: skip

    assert stages_sentence(unknown, 6).endswith("尚无项目达产；新签项目截至6月无资金到位记录。")
    assert stages_sentence(some, 6).endswith(
        "到位资金0.9亿元，资金到位率18.0%（另1个项目截至6月无资金到位记录，未计入）。"
    )


def test_no_base_note_beside_a_rate_of_none():
    """Tryout 32: 「注：北京市资金到位率按有资金到位记录的0个项目、合同投资0.00万元计算」 beside
    a rate shown —."""
    figures = funnel([lead("乙", 签约="2025-03-10", investment="20000")], Period(2025, 6))

    assert (figures.funds_in_place, figures.funds_rate) == (None, None)
    assert funds_base_note("北京市", figures, 6) is None
