"""The funnel in the bulletins' words (issue 14): "新增签约项目12个、合同投资86.5亿元，其中已
开工5个，开工率41.7%", and "—" for a rate without a base, never 0%."""

from decimal import Decimal

from guanmo.attraction.funnel import Funnel
from guanmo.attraction.sentences import funnel_sentences, signing_sentence, stages_sentence

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
        "新签项目中已落地9个，履约率75.0%；已投产2个，投产率16.7%；已达产0个，达产率0.0%；"
        "到位资金21.6亿元，资金到位率25.0%。"
    )


def test_no_signed_project_is_said_in_words_not_as_zero_percent():
    nothing = Funnel(leads=3)

    sentences = funnel_sentences(nothing, [("温县", Funnel())], "2025年1—6月", "全市")

    assert sentences == ["2025年1—6月，全市无新增签约项目。", "在谈项目（含新签）3个，签约率0.0%。"]
    assert signing_sentence(Funnel(), "温县") == "温县无新增签约项目。"


def test_a_unit_that_signed_gets_its_own_sentence():
    sentences = funnel_sentences(TWELVE, [("武陟县", TWELVE), ("温县", Funnel())], "1—6月", "全市")

    assert sentences[-1] == "武陟县新增签约项目12个、合同投资86.5亿元，其中已开工5个，开工率41.7%。"
    assert len(sentences) == 4
