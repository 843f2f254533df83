"""The project page and the ledger edit form show the three kinds of 建设性质 and where a
project lies: several counties with the one that counts it, or the city itself."""

from django.urls import reverse

from guanmo.ledger.models import Project


def page_text(client, project: Project) -> str:
    response = client.get(reverse("project_detail", args=[project.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_shows_stage_nature_category_and_every_county(client, world):
    client.force_login(world.users["city"])
    project = world.projects["武陟装备"]
    Project.objects.filter(pk=project.pk).update(construction_nature="扩建", category="产业项目")
    project.other_counties.add(world.wenxian)

    text = page_text(client, project)

    assert "<dt>建设性质（统计）</dt><dd>扩建</dd>" in text
    assert "<dt>项目类型</dt><dd>产业项目</dd>" in text
    assert '<dd id="counties">武陟县、温县（由武陟县计入县区排名）</dd>' in text


def test_the_page_says_a_city_level_project_is_not_ranked(client, world):
    client.force_login(world.users["city"])
    project = world.projects["武陟装备"]
    Project.objects.filter(pk=project.pk).update(county=world.city)

    text = page_text(client, project)

    assert '<dd id="counties">市本级（计入全市合计，不参加县区排名）</dd>' in text


def test_the_edit_form_changes_nature_and_category_into_the_history(client, world):
    client.force_login(world.users["city"])
    project = world.projects["武陟装备"]
    url = reverse("project_edit", args=[project.pk])
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(construction_nature="改建", category="基础设施", reason="按批复调整")

    response = client.post(url, data)

    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.construction_nature, project.category) == ("改建", "基础设施")
    assert set(project.changes.values_list("field", "new_value")) >= {
        ("建设性质（统计）", "改建"),
        ("项目类型", "基础设施"),
    }


def test_the_page_notes_investment_reported_with_no_start_date(client, world):
    from guanmo.ledger.models import Milestone

    client.force_login(world.users["city"])
    project = world.projects["武陟装备"]
    first = project.monthly_progress.filter(completed_this_month__gt=0).order_by("month").first()

    noted = f"自2025年{first.month}月起已报送完成投资，但开工节点尚无实际日期，请填写实际开工日期。"
    assert noted in page_text(client, project)
    Milestone.objects.create(project=project, kind="开工", reached=f"2025-{first.month:02d}-03")
    assert "已报送完成投资" not in page_text(client, project)
