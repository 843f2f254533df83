"""Issuing a result freezes the scheme and inputs with it; recomputing from what it froze gives
the issued output exactly, on SQLite and PostgreSQL (JSON round trip included)."""

from dataclasses import replace
from decimal import Decimal as D

import pytest

from guanmo.assessment.definition import Definition, IndicatorRow, Inputs, Weighting
from guanmo.assessment.models import Result
from guanmo.assessment.results import ShareClasses
from guanmo.assessment.scheme import Aggregation, Form
from guanmo.assessment.scoring import Direction
from guanmo.assessment.services import (
    ResultError,
    SchemeError,
    definition_hash,
    issue_result,
    recompute,
    save_scheme,
)
from guanmo.regions.services import init_city

pytestmark = pytest.mark.django_db

DEFINITION = Definition(
    (
        IndicatorRow("项目建设", D(60), "投资完成率", D(30)),
        IndicatorRow("项目建设", D(60), "新开工项目数", D(30), form=Form.EFFICACY_COEFFICIENT),
        IndicatorRow("服务保障", D(40), "问题办结天数", D(40), Direction.NEGATIVE),
    ),
    classes=ShareClasses(),
    alternatives=((Form.Z_SCORE, {"centre": D(50), "spread": D(10)}),),
    aggregations=(Aggregation.ARITHMETIC, Aggregation.GEOMETRIC, Aggregation.TOPSIS),
)
UNITS = ["丁县", "甲县", "乙县", "丙县", "戊县"]  # not in alphabetical order, on purpose
INPUTS = Inputs(
    {
        "丁县": {"投资完成率": D(70), "新开工项目数": D(5), "问题办结天数": D(20)},
        "甲县": {"投资完成率": D("95.5"), "新开工项目数": D(12), "问题办结天数": D(10)},
        "乙县": {"投资完成率": D(80), "新开工项目数": D(8), "问题办结天数": D(12)},
        "丙县": {"投资完成率": D("101.2"), "新开工项目数": D(15), "问题办结天数": D(6)},
        "戊县": {"投资完成率": D(81), "新开工项目数": D(8), "问题办结天数": D(11)},
    },
    previous={"甲县": 3, "乙县": 1, "丙县": 2, "丁县": 4, "戊县": 5},
)


@pytest.fixture
def scheme():
    city = init_city("410800")
    return save_scheme(city, "2025年度", "县区重点项目综合考核", DEFINITION, UNITS)


def test_an_issued_result_recomputes_exactly_as_issued(scheme):
    issued = issue_result(scheme, INPUTS, runs=300, seed=17, threshold=D("0.75"))
    stored = Result.objects.get(pk=issued.pk)
    assert Definition.from_dict(stored.definition) == DEFINITION
    assert Inputs.from_dict(stored.inputs) == INPUTS
    assert list(Inputs.from_dict(stored.inputs).values) == UNITS
    again = recompute(stored).as_json()
    assert again == stored.output
    assert [unit["unit"] for unit in again["units"]][:1] == ["丙县"]
    assert all(unit["rank_interval"] is not None for unit in again["units"])


def test_a_scheme_with_a_result_issued_is_never_replaced_and_its_result_stays(scheme):
    """Issue 13: save_scheme silently replaced a scheme of the same city, cycle and name."""
    issued = issue_result(scheme, INPUTS, runs=100, seed=1)
    changed = replace(DEFINITION, weighting=Weighting.ENTROPY)
    for asked in (False, True):
        with pytest.raises(SchemeError, match="已发布结果，考核办法随结果冻结，不能替换"):
            save_scheme(
                scheme.city, "2025年度", "县区重点项目综合考核", changed, UNITS, replace=asked
            )
    scheme.refresh_from_db()
    assert Definition.from_dict(scheme.definition) == DEFINITION
    assert recompute(Result.objects.get(pk=issued.pk)).as_json() == issued.output


def test_a_scheme_not_yet_issued_is_replaced_only_when_asked(scheme):
    changed = replace(DEFINITION, weighting=Weighting.ENTROPY)
    with pytest.raises(SchemeError, match="已有2025年度“县区重点项目综合考核”，未替换"):
        save_scheme(scheme.city, "2025年度", "县区重点项目综合考核", changed, UNITS)
    scheme.refresh_from_db()
    assert scheme.definition == DEFINITION.as_dict()
    rescheme = save_scheme(
        scheme.city, "2025年度", "县区重点项目综合考核", changed, UNITS, replace=True
    )
    assert rescheme.pk == scheme.pk
    assert rescheme.definition_hash != definition_hash(DEFINITION.as_dict())
    reissued = issue_result(rescheme, INPUTS, runs=100, seed=1)
    assert reissued.output["method"]["weighting"] == "entropy"
    assert reissued.output["method"]["entropy_variant"] == {
        "normalisation": "min_max",
        "shift": "0",
        "zero_rule": "0·ln0=0",
        "direction": "reversed",
    }
    assert "weighting" in reissued.output["sensitivity"]  # the entropy variants drawn per run


def test_the_definitions_hash_is_of_its_rules_alone():
    data = DEFINITION.as_dict()
    assert definition_hash(data) == definition_hash(Definition.from_dict(data).as_dict())
    assert definition_hash(data) != definition_hash(
        replace(DEFINITION, weight_variation=D("0.2")).as_dict()
    )


def test_a_unit_the_scheme_does_not_assess_is_refused(scheme):
    inputs = replace(INPUTS, values={**INPUTS.values, "己县": INPUTS.values["甲县"]})
    with pytest.raises(ResultError, match="己县不是本考核办法的参评单位"):
        issue_result(scheme, inputs, runs=10)
    assert not Result.objects.exists()
