"""The grid's 上月累计 column says which month its figure is when last month has none: a May
grid whose projects last reported in March shows 3月累计, never March's figure as April's."""

import re
from datetime import date
from decimal import Decimal

from django.urls import reverse

from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.month_figures import previous_cumulative_note
from guanmo.reporting.services import open_period
from tests.world import YEAR


def grid_cells(client, world, month: int) -> dict[str, str]:
    """Per project name, the 上月累计 cell's text as 武陟县's grid for `month` shows it."""
    period = open_period(world.city, year=YEAR, month=month, deadline=date(YEAR, 6, 5), user=None)
    report = period.reports.get(county=world.wuzhi)
    client.force_login(world.users["wuzhi"])
    response = client.get(reverse("report_grid", args=[report.pk]))
    cells = re.findall(r'<td class="num ro previous">(.*?)</td>', response.content.decode())
    names = [line.entry.project.name for line in response.context["lines"]]
    return {name: re.sub(r"<[^>]+>", "", cell) for name, cell in zip(names, cells, strict=True)}


def test_last_months_figure_is_shown_plainly(client, world):
    cells = grid_cells(client, world, 4)
    assert cells["武陟县智能装备产业园"] == "400"


def test_an_older_months_figure_says_which_month_it_is(client, world):
    cells = grid_cells(client, world, 5)  # nothing reported for April
    assert cells["武陟县智能装备产业园"] == "400（3月累计）"


def test_a_project_with_no_earlier_month_says_the_figure_is_taken_as_zero(client, world):
    MonthlyProgress.objects.filter(project=world.projects["武陟物流"]).delete()
    cells = grid_cells(client, world, 4)
    assert cells["武陟县冷链物流园"] == "0（1—3月未报送，按0计）"


def test_the_note_for_each_case():
    assert previous_cumulative_note(4, (3, Decimal(400))) == ""
    assert previous_cumulative_note(9, (7, Decimal(400))) == "7月累计"
    assert previous_cumulative_note(1, None) == ""
    assert previous_cumulative_note(2, None) == "1月未报送，按0计"
    assert previous_cumulative_note(6, None) == "1—5月未报送，按0计"
