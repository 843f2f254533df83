"""The dashboard's indicators stand at the newest month the group has reported, never at a
month only some of it have (issue 12 leftovers): two counties' June figures are not ranked as
if they were the city's twelve units, and the card says why it shows 1—5月."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from guanmo.indicators.report import latest_reports
from guanmo.indicators.services import Source, ValueInput, store_values
from guanmo.indicators.warnings import warnings_of
from tests.indicators.pages import indicator_city
from tests.world import YEAR


@pytest.fixture
def figures(world):
    found = indicator_city(world)
    # June: only 武陟县 and 温县 are in (武陟县 grows 1%, 温县 30%): ranked among the two,
    # 武陟县 would be 2nd, "前移8位" from May's 10th.
    june = [
        ValueInput(world.wuzhi, D(101), D(100), D(1)),
        ValueInput(world.wenxian, D(130), D(100), D(30)),
    ]
    store_values(found.investment, YEAR, 6, june, source=Source.IMPORT, user=None)
    return found


def test_the_newest_month_only_some_have_reported_is_held_back(world, figures):
    reports = latest_reports(world.city)
    investment = [
        report
        for report in reports
        if any(t.indicator == figures.investment for t in report.indicators)
    ]
    assert [report.label for report in investment] == ["2025年1—5月"]
    members = len(figures.units)
    assert investment[0].held_back == [
        f"固定资产投资2025年1—6月仅2个单位报送（2025年1—5月为{members}个），显示2025年1—5月"
    ]
    assert all(report.label != "2025年1—6月" for report in reports)
    # May's warning stands: 武陟县 fell from 7th to 10th
    warned = warnings_of(reports, D(5))
    assert ("武陟县", "固定资产投资", "2025年1—5月") in {
        (w.region, w.indicator, w.period) for w in warned
    }


def test_a_task_only_one_unit_ever_reports_stays_at_its_own_month(world, figures):
    # 脱贫人口 is reported by 武陟县 alone (its task): as many as ever, so May is shown, unheld.
    reports = latest_reports(world.city)
    poverty = [r for r in reports if any(t.indicator == figures.poverty for t in r.targets)]
    assert [r.label for r in poverty] == ["2025年1—5月"]
    assert all(not note.startswith("脱贫人口") for r in reports for note in r.held_back)


def test_the_dashboard_says_which_month_it_shows_and_why(client, world, figures):
    client.force_login(world.users["city"])
    body = client.get(reverse("dashboard")).content.decode()
    card = body[body.index('id="indicator-warnings"') :]
    card = card[: card.index("</div>")]
    members = len(figures.units)
    assert (
        '<p class="muted held-back">固定资产投资2025年1—6月仅2个单位报送'
        f"（2025年1—5月为{members}个），显示2025年1—5月。</p>"
    ) in card
    assert "2025年1—6月</strong>" not in card
    assert "武陟县固定资产投资增速居全市第10位，较上月后移3位。" in card
    # a county office sees the same note
    client.force_login(world.users["wuzhi"])
    county = client.get(reverse("dashboard")).content.decode()
    assert "固定资产投资2025年1—6月仅2个单位报送" in county
