"""The 指标调度 page, a county's own page, the web entry and the dashboard's indicator warnings:
the figures of `indicator-report`, cut to each user's scope."""

import io
import re
from datetime import date
from decimal import Decimal as D

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from guanmo.indicators.models import Indicator, IndicatorValue, PeerGroup, Submission
from guanmo.indicators.services import (
    Source,
    TargetInput,
    ValueInput,
    add_to_peer_group,
    set_targets,
    store_values,
)
from guanmo.reporting.services import open_period
from tests.indicators.pages import indicator_city
from tests.world import YEAR


@pytest.fixture
def figures(world):
    return indicator_city(world)


def page(client, user, url: str, status: int = 200) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def row(body: str, table_marker: str, region: str) -> list[str]:
    """The cells of `region`'s row in the table that follows `table_marker`."""
    table = body[body.index(table_marker) :]
    table = table[: table.index("</table>")]
    found = re.search(rf"<tr><td>{region}</td>(.*?)</tr>", table, re.S)
    return [region, *re.findall(r"<td[^>]*>(.*?)</td>", found.group(1))]


def test_the_board_shows_each_region_with_its_rank_and_change(client, world, figures):
    body = page(client, world.users["city"], reverse("indicator_board"))
    assert "2025年1—5月焦作市各县（市、区）主要指标调度" in body
    cells = row(body, 'data-indicator="固定资产投资"', "武陟县")
    # value, last year, growth, rank, change since April, since May 2024, vs 全市 (the city's
    # growth from the summed amounts: 1055 against 1000 is 5.5%), reported rank
    assert cells == ["武陟县", "107.0", "100.0", "9.5%", "10", "-3", "—", "+4.0", "—"]
    assert row(body, 'data-indicator="固定资产投资"', "温县")[4:6] == ["7", "+1"]
    assert "固定资产投资（全市：1055.0亿元，增速5.5%）" in body
    # the members' growths are reported (tryout 17: said under the table)
    # 固定资产投资 is at current prices: no （可比价） (tryout 21 (9))
    assert "注：各地区增速为报送数，不由表中本期与上年同期数值计算。" in body
    assert '<th class="num">位次（按增速；共10个）</th>' in body  # a rank says among how many
    poverty = body[body.index('data-indicator="脱贫人口"') :]
    assert '<th class="num">位次</th>' in poverty  # only 武陟县 has a figure: no place
    target = row(body, 'id="targets"', "武陟县")
    # amounts with their unit: the table holds 万人 beside 亿元 and 亩
    assert target[1:3] == ["脱贫人口", "7.38万人"] and target[5:10] == [
        "27.1%",
        "-14.6",
        "3.08万人",
        "-14.6",
        "65.0%",
    ]
    assert 'id="indicator-data" type="application/json"' in body
    assert "guanmo/indicators.js" in body


def test_the_board_of_an_earlier_month(client, world, figures):
    body = page(client, world.users["city"], reverse("indicator_board") + "?year=2025&month=4")
    assert row(body, 'data-indicator="固定资产投资"', "武陟县")[4:6] == ["7", "—"]


def test_the_board_without_a_group_makes_the_citys_own_and_says_it(client, world):
    # tryout 21 (6): a city installed before init-city made its group gets it on first use.
    body = page(client, world.users["city"], reverse("indicator_board"))
    assert "没有本市各县（市、区）的比较组" not in body
    assert PeerGroup.objects.filter(city=world.city, short_name="全市").exists()


def test_the_board_as_a_workbook_reads_back(client, world, figures):
    client.force_login(world.users["city"])
    response = client.get(reverse("indicator_board_file", args=["xlsx"]) + "?year=2025&month=5")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook["固定资产投资"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    wuzhi = next(r for r in rows if r[0] == "武陟县")
    assert wuzhi[4:6] == [10, -3]


@pytest.mark.parametrize("role", ["department", "commissioner"])
def test_only_those_who_see_the_city_totals_or_a_county_open_the_board(
    client, world, figures, role
):
    page(client, world.users[role], reverse("indicator_board"), status=404)


def test_a_county_office_opening_the_board_sees_its_own_places_and_no_other_county(
    client, world, figures
):
    body = page(client, world.users["wuzhi"], reverse("indicator_board"))
    assert "2025年1—5月武陟县主要指标位次" in body
    places = body[body.index('data-indicator="固定资产投资"') :]
    assert "第10位" in places[: places.index("</tr>")]
    assert "温县" not in body


def test_a_county_sees_its_own_places_and_no_other_county(client, world, figures):
    body = page(client, world.users["wuzhi"], reverse("county_places"))
    assert "2025年1—5月武陟县主要指标位次" in body
    assert "武陟县在焦作市各县（市、区）（10个）中的位次" in body
    places = body[body.index('data-indicator="固定资产投资"') :]
    places = places[: places.index("</tr>")]
    assert "第10位" in places and "后移3位" in places
    said = body[body.index('id="sentences"') :]
    said = said[: said.index("</details>")]
    assert "固定资产投资完成107.0亿元，同比增长9.5%，增速居全市第10位，较上月后移3位。" in said
    assert said.count("居全市第10位") == 1  # each place said once
    assert "武陟县脱贫人口完成2.00万人，占全年目标任务的27.1%。" in body
    for other in ("温县", "博爱县", "孟州市"):
        assert other not in body


def test_the_city_office_opens_any_units_places(client, world, figures):
    url = reverse("county_places") + f"?region={world.wenxian.pk}"
    body = page(client, world.users["city"], url)
    places = body[body.index('data-indicator="固定资产投资"') :]
    assert "第7位" in places[: places.index("</tr>")]


def _warnings_card(client, user) -> str:
    body = page(client, user, reverse("dashboard"))
    card = body[body.index('id="indicator-warnings"') :]
    return card[: card.index("</div>")]


def test_the_dashboard_warns_of_indicators_each_dated(client, world, figures):
    card = _warnings_card(client, world.users["city"])
    assert "武陟县固定资产投资增速居全市第10位，较上月后移3位。" in card
    assert "武陟县脱贫人口完成目标的27.1%，低于序时进度14.6个百分点。" in card
    assert "全年预计完成目标的65.0%" in card  # 2.0 ÷ (7.38 × 5/12)
    assert card.count("2025年1—5月") == 3  # each warning says its month


def test_warnings_of_two_months_say_which_months_they_are_of(client, world, figures):
    # tryout 21 (15): a 1—6月 figure of one indicator put its warning among the 1—5月 ones; the
    # card says each indicator is at its own latest month, and which months those are.
    retail = Indicator.objects.get(city=world.city, name="社会消费品零售总额")
    store_values(
        retail, 2025, 6, [ValueInput(world.wuzhi, D(10), D(9))], source=Source.IMPORT, user=None
    )
    card = _warnings_card(client, world.users["city"])
    months = card[card.index('id="warning-months"') :]
    assert months[: months.index("</p>")].endswith(
        "各指标按其最新月份：2025年1—6月、2025年1—5月，每条预警前注明所属月份。"
    )
    assert '<strong class="period">2025年1—5月</strong>' in card


def test_a_county_office_sees_its_own_indicator_warnings_only(client, world, figures):
    # Tryout 12: a county office saw none of its indicator warnings.
    card = _warnings_card(client, world.users["wuzhi"])
    assert "武陟县固定资产投资增速居全市第10位，较上月后移3位。" in card
    assert "武陟县脱贫人口完成目标的27.1%" in card
    assert "武陟县" not in _warnings_card(client, world.users["wenxian"])


def test_the_dashboard_warning_follows_the_set_points(client, world, figures, settings):
    settings.GUANMO_INDICATOR_BEHIND_POINTS = 15
    body = page(client, world.users["city"], reverse("dashboard"))
    assert "低于序时进度" not in body


def test_a_department_enters_and_the_city_office_approves_on_the_pages(client, world, figures):
    june = open_period(world.city, year=YEAR, month=6, deadline=date(YEAR, 7, 10), user=None)
    client.force_login(figures.statistics)
    response = client.get(reverse("submission_start", args=[june.pk]))
    form = Submission.objects.get(period=june)
    assert response.url == reverse("submission_form", args=[form.pk])
    key = f"{figures.investment.pk}-{world.wuzhi.pk}"
    url = reverse("submission_form", args=[form.pk])
    bad = client.post(url, {"version": 0, f"v-{key}": "1,2,3", f"g-{key}": "25"})
    assert "「武陟县·固定资产投资」本期累计值：无法确定「1,2,3」的写法" in bad.content.decode()
    assert not form.values.exists()
    client.post(url, {"version": 0, f"v-{key}": "130", f"g-{key}": "25", "action": "submit"})
    form.refresh_from_db()
    assert form.status == "submitted"

    client.force_login(world.users["city"])
    assert "审核通过" in client.get(url).content.decode()
    client.post(reverse("submission_approve", args=[form.pk]))
    stored = IndicatorValue.objects.get(indicator=figures.investment, region=world.wuzhi, month=6)
    assert stored.reported_growth == 25
    body = page(client, world.users["city"], reverse("indicator_board") + "?year=2025&month=6")
    # the only figure of June: first of one is no place, so no rank is shown
    assert row(body, 'data-indicator="固定资产投资"', "武陟县")[4] == "—"


def _june_among_others(world, figures) -> list:
    """Last June 100 for every unit; this June the units but 武陟县 100 + their place among
    the others (growth 1% to 9%). The others, in the tree's order."""
    others = [unit for unit in figures.units if unit != world.wuzhi]
    for year, inputs in (
        (YEAR - 1, [ValueInput(unit, D(100)) for unit in figures.units]),
        (YEAR, [ValueInput(unit, D(100 + p)) for p, unit in enumerate(others, start=1)]),
    ):
        store_values(figures.investment, year, 6, inputs, source="", user=None)
    return others


def _entered_preview(client, world, figures, value: str) -> list[str]:
    """市统计局 saves 武陟县's June 固定资产投资 as `value` (a draft): the line's three
    figures computed before approval (上年同期, 增速, 位次), as its form shows them."""
    june = open_period(world.city, year=YEAR, month=6, deadline=date(YEAR, 7, 10), user=None)
    client.force_login(figures.statistics)
    client.get(reverse("submission_start", args=[june.pk]))
    form = Submission.objects.get(period=june)
    key = f"{figures.investment.pk}-{world.wuzhi.pk}"
    url = reverse("submission_form", args=[form.pk])
    client.post(url, {"version": 0, f"v-{key}": value, "action": "save"})
    body = page(client, figures.statistics, url)
    line = body[body.index(f'name="v-{key}"') :]
    return re.findall(r'<td class="num ro derived">(.*?)</td>', line[: line.index("</tr>")])


def test_an_entered_figure_shows_last_years_growth_and_place_before_approval(
    client, world, figures
):
    # Tryout 12: a December entry showed no 上年同期/增速/位次 though last December was stored.
    _june_among_others(world, figures)
    derived = _entered_preview(client, world, figures, "130")
    # 130 against last June's stored 100: 30.0%, ahead of the others' 1% to 9%
    assert derived == ["100.0", "30.0%", "全市第1位"]
    assert not IndicatorValue.objects.filter(region=world.wuzhi, year=YEAR, month=6).exists()


def test_an_entered_figure_is_placed_in_every_peer_group_of_its_region_before_approval(
    client, world, figures
):
    # Tryout 12 follow-up: the preview ranked in the city's own group only, though the report
    # and the county's page place 武陟县 among its 同类县 as well.
    others = _june_among_others(world, figures)
    add_to_peer_group(world.city, "同类县", [world.wuzhi, *others[:2]], short_name="同类县")
    derived = _entered_preview(client, world, figures, "105.5")
    # 5.5%: behind the four others of 6% to 9% in the city, ahead of 1% and 2% among 同类县
    assert derived == ["100.0", "5.5%", "全市第5位；同类县第1位"]


def test_a_county_enters_only_its_own_form(client, world, figures):
    june = open_period(world.city, year=YEAR, month=6, deadline=date(YEAR, 7, 10), user=None)
    client.force_login(world.users["wenxian"])
    client.get(reverse("submission_start", args=[june.pk]))
    theirs = Submission.objects.get(county=world.wenxian)
    client.force_login(world.users["wuzhi"])
    assert client.get(reverse("submission_form", args=[theirs.pk])).status_code == 404
    body = page(client, world.users["wuzhi"], reverse("submission_list"))
    assert "温县" not in body


def test_a_county_sees_its_place_in_each_of_its_peer_groups(client, world, figures):
    """武陟县 is also in a 同类县 group with 温县: 10th of the city's ten in May (后移3位), 2nd of
    the two 同类县 (behind 温县's 12.0% with its 9.5%; 1st in April with 13.0%: 后移1位)."""
    add_to_peer_group(world.city, "全省同类县", [world.wuzhi, world.wenxian], short_name="同类县")
    body = page(client, world.users["wuzhi"], reverse("county_places"))
    assert "武陟县在全省同类县（2个）中的位次" in body
    places = body[body.index('data-indicator="固定资产投资"') :]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", places[: places.index("</tr>")], re.S)
    assert [re.sub(r"<[^>]+>", " ", cell).split() for cell in cells[3:]] == [
        ["第10位", "后移3位（—）"],
        ["第2位", "后移1位（—）"],
    ]
    assert "温县" not in body


def test_a_county_in_no_peer_group_still_sees_its_targets_and_their_completion(
    client, world, figures
):
    """武陟县 taken out of every group: no place to show, but its 脱贫人口 target (7.38万人,
    2.0 done by May: 27.1%, node 3.09 of the equal breakdown) is still followed on its page."""
    figures.group.members.remove(world.wuzhi)
    body = page(client, world.users["wuzhi"], reverse("county_places"))

    assert 'id="no-places"' in body
    target = row(body, 'id="targets"', "武陟县")
    assert target[1:5] == ["脱贫人口", "7.38万人", "—", "2.00万人"]
    assert "27.1%" in target
    assert "武陟县脱贫人口完成2.00万人，占全年目标任务的27.1%。" in body


def test_a_growth_target_shows_the_growth_made_against_it(client, world, figures):
    """武陟县's 固定资产投资 is to grow 10%; by May it grew 9.5%: 0.5 points short. The amount
    done alone (107.0亿元) would say nothing of it."""
    set_targets(figures.investment, YEAR, [TargetInput(world.wuzhi, growth=D("10"))])
    body = page(client, world.users["city"], reverse("indicator_board"))
    headers = re.findall(r"<th[^>]*>(.*?)</th>", body[body.index('id="targets"') :])
    growth = next(
        cells for cells in _rows(body, 'id="targets"', "武陟县") if cells[1] == "固定资产投资"
    )
    shown = dict(zip(headers, growth, strict=False))
    assert shown["目标增速（%）"] == "10.0%"
    assert shown["完成"] == "107.0亿元"
    assert (shown["实际增速（%）"], shown["较目标增速（个百分点）"]) == ("9.5%", "-0.5")
    poverty = next(
        cells for cells in _rows(body, 'id="targets"', "武陟县") if cells[1] == "脱贫人口"
    )
    assert dict(zip(headers, poverty, strict=False))["较目标增速（个百分点）"] == "—"


def _rows(body: str, table_marker: str, region: str) -> list[list[str]]:
    """The cells of every row of `region` in the table that follows `table_marker`."""
    table = body[body.index(table_marker) :]
    table = table[: table.index("</table>")]
    found = re.findall(rf"<tr><td>{region}</td>(.*?)</tr>", table, re.S)
    return [[region, *re.findall(r"<td[^>]*>(.*?)</td>", each)] for each in found]


def _petitions_in_june(world, used: int):
    """武陟县's 赴京访批次 ceiling, 36 批 in equal months (18 by June), and the 批 used by June;
    no other unit has the figure."""
    from guanmo.indicators.models import Indicator
    from guanmo.indicators.services import Source, ValueInput, store_values

    petitions = Indicator.objects.get(city=world.city, name="赴京访批次")
    set_targets(petitions, YEAR, [TargetInput(world.wuzhi, amount=D(36))])
    store_values(
        petitions, YEAR, 6, [ValueInput(world.wuzhi, D(used))], source=Source.IMPORT, user=None
    )


def test_a_ceiling_used_up_early_is_marked_and_said_behind_on_the_pages(client, world, figures):
    """30 of 36 批 used by June is 83.3% against a pace of 50.0%: 超序时进度33.3个百分点, which
    for a ceiling is behind — not the green of a target done early."""
    _petitions_in_june(world, 30)
    url = reverse("county_places") + f"?year=2025&month=6&region={world.wuzhi.pk}"
    for user in (world.users["wuzhi"], world.users["city"]):
        body = page(client, user, url)
        said = "赴京访批次30批，已用全年控制数的83.3%（序时控制数18批），超序时进度33.3个百分点。"
        assert said in body
        table = body[body.index('id="targets"') :]
        found = re.search(r"<tr><td>武陟县</td><td[^>]*>赴京访批次</td>(.*?)</tr>", table, re.S)
        assert '<td class="num pace-behind" data-label="完成率">83.3%</td>' in found.group(1)
        behind = '<td class="num pace-behind" data-label="较序时进度（个百分点）">+33.3</td>'
        assert behind in found.group(1)
    board = page(client, world.users["city"], reverse("indicator_board") + "?year=2025&month=6")
    assert '<td class="num pace-behind" data-label="完成率">83.3%</td>' in board
    assert "pace-ahead" not in board


def test_a_countys_place_among_one_with_a_figure_is_no_place(client, world, figures):
    """Only 武陟县 of the city's ten has 赴京访批次 in June: first of one is no place, so the
    rank is left blank and no rank is said."""
    _petitions_in_june(world, 12)
    body = page(client, world.users["wuzhi"], reverse("county_places") + "?year=2025&month=6")
    places = body[body.index('data-indicator="赴京访批次"') :]
    cell = re.sub(r"<[^>]+>", "", places[: places.index("</tr>")])
    assert "第1位" not in cell
    assert "赴京访批次12批。" in body
    assert "有数据的1个中" not in body
    assert "居全市第1位" not in body
    # 12 of 36 by June: under the pace
    assert '<td class="num pace-ahead" data-label="完成率">33.3%</td>' in body


def test_the_city_office_issues_the_board_as_a_numbered_document(client, world, figures):
    from docx import Document

    client.force_login(world.users["city"])
    query = "?year=2025&month=5"
    response = client.post(reverse("indicator_board_issue") + query, {"dated": "2025-06-03"})
    assert response.status_code == 302
    body = page(client, world.users["city"], reverse("indicator_board") + query)
    assert "焦作项目办〔2025〕1号" in body

    response = client.get(reverse("indicator_board_file", args=["docx"]) + query)
    document = Document(io.BytesIO(b"".join(response.streaming_content)))
    paragraphs = [p.text for p in document.paragraphs]
    assert "焦作项目办〔2025〕1号" in paragraphs
    assert "武陟县固定资产投资增速居全市第10位，较上月后移3位。" in paragraphs


def test_the_issued_boards_workbook_is_the_one_issued(client, world, figures):
    client.force_login(world.users["city"])
    query = "?year=2025&month=5"
    client.post(reverse("indicator_board_issue") + query, {"dated": "2025-06-03"})
    # a correction after issue: 武陟县's May growth 9.5 → 25, first of the group today
    IndicatorValue.objects.filter(
        indicator=figures.investment, region=world.wuzhi, year=YEAR, month=5
    ).update(reported_growth=D(25))

    response = client.get(reverse("indicator_board_file", args=["xlsx"]) + query)

    rows = load_workbook(io.BytesIO(b"".join(response.streaming_content)))["固定资产投资"]
    wuzhi = next(list(r) for r in rows.iter_rows(values_only=True) if r[0] == "武陟县")
    assert wuzhi[4:6] == [10, -3]  # as issued: 10th, 后移3位


def test_a_peer_groups_board_totals_its_members_never_the_city(client, world, figures):
    wenxian = world.city.children.get(name="温县")
    add_to_peer_group(world.city, "同类县", [world.wuzhi, wenxian], short_name="同类县")
    store_values(
        figures.investment,
        YEAR,
        5,
        [ValueInput(world.city, D("1172.2"), None, D("3.0"))],
        source="",
        user=None,
    )

    body = page(client, world.users["city"], reverse("indicator_board") + "?group=同类县")

    # 武陟县 107 and 温县 108 against 100 each: 215 against 200 is 7.5%
    assert "固定资产投资（同类县：215.0亿元，增速7.5%）" in body
    assert "1172.2" not in body


def test_the_list_says_a_periods_deadline_as_every_page_says_a_date(client, world, figures):
    """报送截止 2025年7月10日 (|chinese_date), not 7月10日 without its year."""
    open_period(world.city, year=YEAR, month=6, deadline=date(YEAR, 7, 10), user=None)

    body = page(client, world.users["wuzhi"], reverse("submission_list"))

    assert "（报送截止 2025年7月10日）" in body
