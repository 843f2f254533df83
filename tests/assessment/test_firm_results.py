"""Firm results (亩均效益评价) issued like the units': frozen with the scheme's year and the firms
it rated, recomputed exactly, objected to and corrected; land kept per year so that a new land
figure leaves earlier years' per-亩 figures alone. Figures are test_firms' hand-worked ones."""

from decimal import Decimal as D

import pytest
from django.core.management import CommandError

from guanmo.assessment.definition import Inputs
from guanmo.assessment.firm_register import FIRM_SCHEME_NAME, firm_inputs, issue_firm_result
from guanmo.assessment.firm_sheet import read_firms
from guanmo.assessment.firms import EXAMPLE_SCHEME, LAND_THRESHOLD, TAX_PER_ENERGY, TAX_PER_MU
from guanmo.assessment.models import Firm, FirmYear, RatedFirm, Result
from guanmo.assessment.objections import (
    ObjectionError,
    accept_objection,
    objectable,
    raise_objection,
)
from guanmo.assessment.services import SchemeError, recompute
from guanmo.assessment.sheet_reading import Refused, read_scheme
from guanmo.documents.official import chinese_date
from guanmo.regions.services import units_of
from tests.assessment.letters import letter
from tests.assessment.test_firm_register import code, register_sheet, run
from tests.assessment.test_firms import EXPECTED, FIRMS

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(tmp_path, world):
    run("import-firms", str(register_sheet(tmp_path / "企业.xlsx")), "--year", "2025")


def issue(world) -> Result:
    definition, _ = read_scheme(EXAMPLE_SCHEME)
    return issue_firm_result(
        world.city, 2025, definition, land_threshold=LAND_THRESHOLD, runs=20, seed=1
    )


def test_an_issued_firm_result_keeps_its_year_and_firms_and_recomputes_exactly(world, register):
    result = issue(world)
    scheme = result.scheme
    assert (scheme.cycle, scheme.name, scheme.firm_year) == ("2025年度", FIRM_SCHEME_NAME, 2025)
    assert result.status == Result.Status.PUBLISHED and result.published_until is not None
    lines = {u["unit"]: (u["score"], u["rank"], u["class"]) for u in result.output["units"]}
    assert lines == EXPECTED
    rated = dict(RatedFirm.objects.filter(scheme=scheme).values_list("unit", "firm__credit_code"))
    assert rated == {name: code(serial) for serial, (name, *_) in enumerate(FIRMS, 1)}
    assert recompute(result).as_json() == result.output


def test_an_accepted_objection_to_a_firms_tax_recomputes_every_figure_from_it(world, register):
    """Tryout 19: a firm could object only to its 亩均税收, and the 单位能耗税收 computed from
    the same tax was left as it was. 丁's 税收 corrected from 10 to 200万元 (on 5亩, 50吨标准煤):
    亩均税收 200 ÷ 5 = 40 and 单位能耗税收 200 ÷ 50 = 4, lifting 丁 above 丙's 49.00."""
    result = issue(world)
    objection = raise_objection(
        result,
        attachment=letter(),
        unit="丁",
        indicator="税收",
        value=D(200),
        reason="税务部门补录税款",
    )
    corrected = accept_objection(objection, reason="经税务部门核实")
    used = Inputs.from_dict(corrected.inputs)
    assert used.figures["丁"]["税收"] == 200
    assert (used.values["丁"][TAX_PER_MU], used.values["丁"][TAX_PER_ENERGY]) == (40, 4)
    ranks = {u["unit"]: u["rank"] for u in corrected.output["units"]}
    assert ranks["丁"] < ranks["丙"]
    assert corrected.scheme == result.scheme
    assert recompute(corrected).as_json() == corrected.output


def test_a_new_land_figure_leaves_earlier_years_per_mu_figures_alone(world, tmp_path):
    # 甲 on 10亩 in 2024 (400万元 tax: 40万元/亩), on 20亩 in 2025 (20万元/亩).
    run("import-firms", str(register_sheet(tmp_path / "2024.xlsx")), "--year", "2024")
    bigger = [("甲", 20, 400, 6000, 100), *FIRMS[1:]]
    run("import-firms", str(register_sheet(tmp_path / "2025.xlsx", bigger)), "--year", "2025")
    firm = Firm.objects.get(name="甲")
    assert FirmYear.objects.get(firm=firm, year=2024).land_area == D(10)
    assert FirmYear.objects.get(firm=firm, year=2025).land_area == D(20)
    definition, _ = read_scheme(EXAMPLE_SCHEME)
    earlier = firm_inputs(definition, 2024, city=world.city, land_threshold=LAND_THRESHOLD)
    later = firm_inputs(definition, 2025, city=world.city, land_threshold=LAND_THRESHOLD)
    assert earlier.tax_per_mu["甲"] == D(40)
    assert later.tax_per_mu["甲"] == D(20)


def test_a_county_cell_naming_none_of_the_citys_units_is_refused_naming_its_cell(world, tmp_path):
    def broken(sheet):
        sheet["D5"] = "长垣市"  # 乙's county: not a unit of 焦作市

    path = register_sheet(tmp_path / "企业.xlsx", broken=broken)
    with pytest.raises(Refused) as refused:
        read_firms(path, units_of(world.city))
    (fault,) = refused.value.report.faults
    assert (fault.sheet, fault.row, fault.column) == ("企业", 5, "县区")
    assert "“长垣市”不是本市的县（市、区）或园区，应为" in fault.message
    assert "武陟县" in fault.message
    assert not Firm.objects.exists()


def test_assess_firms_issue_publishes_the_result(world, register):
    out, _ = run("assess-firms", "--year", "2025", "--runs", "0", "--issue", "--days", "7")
    result = Result.objects.get()
    assert f"已发布公示2025年度亩均效益评价结果（编号{result.pk}）：6家企业，5家参评" in out
    assert result.scheme.firm_year == 2025
    # the date as the pages and documents write it, without leading zeros (tryout 23)
    assert f"公示至{chinese_date(result.published_until)}" in out
    assert "年0" not in out and "月0" not in out


def test_a_years_firm_result_issued_is_not_replaced_by_issuing_it_again(world, register):
    first = issue(world)
    with pytest.raises(SchemeError, match="2025年度“亩均效益评价”已发布结果"):
        issue(world)
    assert list(Result.objects.all()) == [first]


def test_a_year_issued_is_not_imported_again_and_its_figures_stay(world, register, tmp_path):
    """Last stop, item 6: importing an issued year again replaced the figures the firm pages
    show beside the issued scores; it is refused, a year not issued is imported as before."""
    issue(world)
    before = list(FirmYear.objects.order_by("pk").values_list("tax", "land_area"))
    doubled = [(name, land, tax * 2, sales, energy) for name, land, tax, sales, energy in FIRMS]
    sheet = str(register_sheet(tmp_path / "企业2.xlsx", doubled))
    with pytest.raises(CommandError, match=r"2025年度亩均效益评价已发布结果.*不能重新导入"):
        run("import-firms", sheet, "--year", "2025")
    assert list(FirmYear.objects.order_by("pk").values_list("tax", "land_area")) == before
    run("import-firms", sheet, "--year", "2024")
    assert FirmYear.objects.get(year=2024, firm__name="甲").tax == 800


def test_a_firm_objects_to_its_land_not_to_the_ratios_and_a_land_below_the_bar_unrates_it(
    world, register
):
    """Issue 13: every input of a firm's score is objectable, the register figures in place of
    the ratios computed from them; 丁's 用地面积 corrected from 5 to 2亩 puts it under the 3亩
    threshold: not rated, its reason said, its 亩均税收 computed again (10 ÷ 2 = 5)."""
    result = issue(world)
    assert objectable(result)[:4] == ["用地面积", "税收", "销售收入", "综合能耗"]
    assert TAX_PER_MU not in objectable(result)
    with pytest.raises(ObjectionError, match="“亩均税收”由用地面积、税收、销售收入、综合能耗计算"):
        raise_objection(
            result, attachment=letter(), unit="丁", indicator=TAX_PER_MU, value=D(5), reason="x"
        )
    objection = raise_objection(
        result, attachment=letter(), unit="丁", indicator="用地面积", value=D(2), reason="测绘"
    )
    corrected = accept_objection(objection, reason="经自然资源部门核实")
    used = Inputs.from_dict(corrected.inputs)
    assert "丁" in used.exempt and used.values["丁"][TAX_PER_MU] == 5
    assert used.exempt_reasons["丁"] == "用地面积2亩，低于3亩，不参评"
    ding = next(u for u in corrected.output["units"] if u["unit"] == "丁")
    assert ding["rank"] is None
