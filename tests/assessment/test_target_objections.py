"""Issue 13 leftover: the 目标 (target) column of a 目标完成 indicator was not shown in the upload
preview and could not be objected to. The preview shows each unit's target beside its value;
a unit objects to its target (“新开工项目数目标”) as to a value, and accepting it scores the
value against the corrected target."""

from datetime import date
from decimal import Decimal as D

import pytest

from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.history import history
from guanmo.assessment.objections import (
    ObjectionError,
    accept_objection,
    objectable,
    publish_result,
    raise_objection,
)
from guanmo.assessment.scheme import Form
from guanmo.assessment.services import save_scheme
from guanmo.regions.services import init_city
from tests.assessment.letters import letter
from tests.assessment.test_assess_command import SCHEME_HEADER, VALUES_HEADER, save_xls, save_xlsx
from tests.assessment.test_cycle_upload import IN_CITY, city_values, office, upload  # noqa: F401

pytestmark = pytest.mark.django_db

# 新开工项目数 scored 目标完成 (value ÷ target × 100, capped), 投资完成率 min-max, half each.
DEFINITION = Definition(
    (
        IndicatorRow("", None, "投资完成率", D(50)),
        IndicatorRow("", None, "新开工项目数", D(50), form=Form.TARGET_MET),
    )
)
INPUTS = Inputs(
    {
        "甲县": {"投资完成率": D(100), "新开工项目数": D(8)},
        "乙县": {"投资完成率": D(60), "新开工项目数": D(10)},
    },
    targets={"甲县": {"新开工项目数": D(16)}, "乙县": {"新开工项目数": D(10)}},
)


@pytest.fixture
def published(settings, tmp_path):
    settings.GUANMO_TODAY = date(2025, 12, 1)
    settings.MEDIA_ROOT = tmp_path
    scheme = save_scheme(
        init_city("410800"), "2025年度", "综合考核", DEFINITION, list(INPUTS.values)
    )
    return publish_result(scheme, INPUTS, days=5, runs=20, seed=1)


def scores(result) -> dict:
    return {u["unit"]: (u["score"], u["rank"]) for u in result.output["units"]}


def test_a_unit_objects_to_its_target_and_is_scored_against_the_corrected_one(published):
    assert objectable(published) == ["投资完成率", "新开工项目数", "新开工项目数目标"]
    # 甲县 50 + 8/16 × 50 = 75.00; 乙县 0 + 50 = 50.00
    assert scores(published) == {"甲县": ("75.00", 1), "乙县": ("50.00", 2)}
    with pytest.raises(ObjectionError, match="甲县“新开工项目数目标”的数值已是16，无需更正"):
        raise_objection(
            published,
            attachment=letter(),
            unit="甲县",
            indicator="新开工项目数目标",
            value=D(16),
            reason="x",
        )
    objection = raise_objection(
        published,
        attachment=letter(),
        unit="乙县",
        indicator="新开工项目数目标",
        value=D(20),
        reason="目标应以责任书为准",
    )
    assert objection.claim_text == "乙县对“新开工项目数目标”提出异议，原值10，认为应为20"
    corrected = accept_objection(objection)
    # 乙县 0 + 10/20 × 50 = 25.00; 甲县 unchanged
    assert scores(corrected) == {"甲县": ("75.00", 1), "乙县": ("25.00", 2)}
    assert Inputs.from_dict(corrected.inputs).targets["乙县"]["新开工项目数"] == D(20)
    assert Inputs.from_dict(corrected.inputs).values["乙县"]["新开工项目数"] == D(10)
    assert "乙县综合得分由50.00分变为25.00分" in history(corrected)[-1].text


TARGET_SCHEME = [
    [1, "项目建设", 60, "投资完成率", 30, "正向", "极值法", None],
    [2, None, None, "新开工项目数", 30, "正向", "目标完成", None],
    [3, "服务保障", 40, "问题办结天数", 40, "负向", "极值法", None],
]


def test_the_preview_shows_each_units_target_beside_its_value(office, tmp_path, world):  # noqa: F811
    header = [*VALUES_HEADER[:4], "新开工项目数目标", *VALUES_HEADER[4:]]
    rows = [[*row[:4], None if row[7] == "是" else 15, *row[4:]] for row in city_values(world.city)]
    files = {
        "scheme": save_xlsx(tmp_path / "办法.xlsx", "考核办法", SCHEME_HEADER, TARGET_SCHEME),
        "values": save_xls(tmp_path / "数值.xls", "数值", header, rows),
        "previous": save_xlsx(tmp_path / "上期.xlsx", "上期", ["县区", "位次"], [["武陟县", 1]]),
    }
    page = office.get(upload(office, files).url).content.decode()
    assert "<th>新开工项目数</th><th>新开工项目数目标</th><th>问题办结天数</th>" in page
    # 武陟县 (the command's 甲县): 新开工项目数 12 of a target of 15, then 问题办结天数 10
    assert f"<td>{IN_CITY['甲县']}</td><td>95.5</td><td>12</td><td>15</td><td>10</td>" in page
