"""提交 on the report grid submits what is on the screen: the typed figures are saved first
(issue 10: the report said 已提交 and the figure typed since the last save was gone)."""

from decimal import Decimal

from django.urls import reverse

from guanmo.reporting.models import FigureChange, Status
from tests.web.forms import rendered_forms


def _grid(client, world, report) -> tuple[str, dict[str, list[str]]]:
    """The grid page's own form, as the browser would send it on 提交."""
    client.force_login(world.users["wuzhi"])
    url = reverse("report_grid", args=[report.pk])
    (form,) = [f for f in rendered_forms(client.get(url).content.decode()) if not f.action]
    return url, form.values("submit")


def test_submit_saves_the_typed_figure_then_submits(client, world, wuzhi_report):
    project = world.projects["武陟装备"]
    url, values = _grid(client, world, wuzhi_report)
    values[f"k-{project.pk}"] = ["520"]
    values[f"v-{project.pk}"] = ["主体施工"]

    response = client.post(url, values)

    assert response.status_code == 302
    wuzhi_report.refresh_from_db()
    assert wuzhi_report.status == Status.SUBMITTED
    assert wuzhi_report.entries.get(project=project).cumulative_completed == Decimal("520")
    assert FigureChange.objects.filter(project=project, month=4).exists()


def test_submit_with_a_fault_saves_nothing_and_does_not_submit(client, world, wuzhi_report):
    project = world.projects["武陟装备"]
    url, values = _grid(client, world, wuzhi_report)
    values[f"k-{project.pk}"] = ["五百"]

    response = client.post(url, values)

    assert response.status_code == 200
    assert "有错误，本次未保存任何数据" in response.content.decode()
    wuzhi_report.refresh_from_db()
    assert wuzhi_report.status == Status.DRAFT
    assert wuzhi_report.entries.get(project=project).cumulative_completed is None


def test_submit_with_new_warnings_saves_and_asks_to_check_first(client, world, wuzhi_report):
    project = world.projects["武陟装备"]
    url, values = _grid(client, world, wuzhi_report)
    values[f"k-{project.pk}"] = ["1200"]  # 800 in a month after 100–150 a month: a warning
    values[f"v-{project.pk}"] = ["主体施工"]

    response = client.post(url, values)

    wuzhi_report.refresh_from_db()
    assert wuzhi_report.entries.get(project=project).cumulative_completed == Decimal("1200")
    assert wuzhi_report.status == Status.DRAFT
    assert "请核实后再提交" in response.content.decode()

    url, values = _grid(client, world, wuzhi_report)
    client.post(url, values)  # pressed again, nothing changed: submitted

    wuzhi_report.refresh_from_db()
    assert wuzhi_report.status == Status.SUBMITTED
