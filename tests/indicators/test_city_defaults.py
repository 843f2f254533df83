"""What a city gets without asking (tryout 21): its own peer group at init-city (and on first use
for a city installed before), a department's indicators linked when the department is made,
and （可比价） said only of an indicator whose growth is at comparable prices."""

import io
import json
from decimal import Decimal

from django.core.management import call_command

from guanmo.accounts.models import Department, User
from guanmo.indicators.models import Indicator, PeerGroup
from guanmo.indicators.selectors import indicators_entered_by
from guanmo.indicators.services import ValueInput, store_values
from guanmo.indicators.sheet_import import import_indicators
from guanmo.regions.services import units_of
from tests.indicators.pages import store_growths
from tests.indicators.sheets import bulletin, jiaozuo_rows, write


def _run(*arguments: str) -> str:
    out = io.StringIO()
    call_command(*arguments, stdout=out)
    return out.getvalue()


def test_init_city_makes_the_citys_own_peer_group_and_says_so(db):
    said = _run("init-city", "410800", "--zone", "城乡一体化示范区")

    group = PeerGroup.objects.get(city__code="410800")
    assert (group.name, group.short_name, group.members.count()) == (
        "焦作市各县（市、区）",
        "全市",
        11,
    )
    assert "默认比较组：焦作市各县（市、区）（简称全市，11个成员）" in said


def test_a_sheet_of_every_unit_has_its_ranks_checked_without_a_group_named(city, tmp_path):
    # `city` is installed without its group, as a city installed before init-city made it.
    assert not PeerGroup.objects.exists()
    path = write(tmp_path, bulletin(jiaozuo_rows(disagreeing_rank=True)))

    report = import_indicators(path, city=city, year=2025, month=6)

    assert any(
        note.startswith("位次不符：")
        and "武陟县报送第2位" in note
        and "焦作市各县（市、区）" in note
        for note in report.notes
    )
    assert not any("不是一个完整的比较组" in note for note in report.notes)


def test_a_blank_rank_column_is_not_said_to_be_unchecked(city, tmp_path):
    rows = [[*row[:4], None, *row[5:]] for row in jiaozuo_rows()]
    path = write(tmp_path, bulletin(rows[:5]))

    report = import_indicators(path, city=city, year=2025, month=6)

    assert not any("位次" in note for note in report.notes)


def test_indicator_report_without_group_uses_the_citys_own_made_on_first_use(city):
    investment = Indicator.objects.get(city=city, name="固定资产投资")
    store_growths(investment, units_of(city), 6, {p: Decimal(12 - p) for p in range(1, 12)})

    said = _run("indicator-report", "--year", "2025", "--month", "6")

    assert said.startswith("2025年1—6月焦作市各县（市、区）主要指标")


def test_a_department_made_by_create_user_is_linked_to_the_indicators_naming_it(city):
    revenue = Indicator.objects.get(city=city, name="一般公共预算收入")
    assert (revenue.supplier, revenue.department) == ("市财政局", None)

    said = _run(
        "create-user",
        "cz",
        "--role",
        "department",
        "--department",
        "市财政局",
        "--city",
        "410800",
        "--password",
        "Guanmo-test-2025!",
    )

    department = Department.objects.get(city=city, name="市财政局")
    assert User.objects.get(username="cz").department == department
    assert [i.name for i in indicators_entered_by(city, 6, department=department)] == [
        "一般公共预算收入"
    ]
    assert "“一般公共预算收入”" in said and "已设为由市财政局在网页上填报" in said
    # and the counties' form no longer offers it as supplied by no department
    assert revenue not in indicators_entered_by(city, 6, department=None)


def test_comparable_prices_are_said_only_of_an_indicator_whose_growth_is(city):
    units = units_of(city)
    for name in ("一般公共预算收入", "规模以上工业增加值"):
        indicator = Indicator.objects.get(city=city, name=name)
        store_values(
            indicator,
            2025,
            6,
            [ValueInput(unit, Decimal(100), Decimal(90), Decimal("5.5")) for unit in units],
            source="",
            user=None,
        )

    said = _run("indicator-report", "--year", "2025", "--month", "6").split("\n")

    assert "注：各地区增速为报送数（可比价），不由表中本期与上年同期数值计算。" in said  # 规上
    assert "注：各地区增速为报送数，不由表中本期与上年同期数值计算。" in said  # 预算收入
    assert Indicator.objects.get(city=city, name="地区生产总值").comparable_prices


def test_a_reported_rank_is_shown_only_in_the_group_it_was_checked_in(city, tmp_path):
    # tryout 21 (7): the 同类县 table showed 修武县's place among the city's eleven.
    path = write(tmp_path, bulletin(jiaozuo_rows()))
    import_indicators(path, city=city, year=2025, month=6)
    peers = PeerGroup.objects.create(city=city, name="同类县", short_name="同类县")
    peers.members.set(city.children.filter(name__in=("修武县", "武陟县", "温县")))

    def reported(group: str) -> dict:
        said = json.loads(
            _run(
                "indicator-report",
                "--year",
                "2025",
                "--month",
                "6",
                "--format",
                "json",
                "--group",
                group,
            )
        )
        table = next(i for i in said["indicators"] if i["name"] == "固定资产投资")
        return {line["region"]: line["reported_rank"] for line in table["regions"]}

    assert reported("焦作市各县（市、区）")["武陟县"] == 7
    assert reported("同类县") == {"修武县": None, "武陟县": None, "温县": None}
