"""What saving a county's grid costs the server at month's end, when every county saves at
once: a fixed number of queries whatever the number of projects, the report's lines read once
for checking and saving."""

from django.urls import reverse

from tests.web.forms import rendered_forms


def test_saving_the_grid_takes_a_fixed_number_of_queries(
    client, world, wuzhi_report, django_assert_max_num_queries
):
    client.force_login(world.users["wuzhi"])
    url = reverse("report_grid", args=[wuzhi_report.pk])
    (form,) = [f for f in rendered_forms(client.get(url).content.decode()) if not f.action]
    values = form.values("save")
    project = world.projects["武陟装备"].pk
    # April's month of 30万元 on March's cumulative of 400万元: saved, with a warning to check,
    # so the grid is shown again as saved. Signed-in user and scope (4), the report and its
    # lines (6), the save in one transaction (9), the saved lines and the page (8).
    values[f"c-{project}"], values[f"k-{project}"] = ["30"], ["430"]
    with django_assert_max_num_queries(27):
        answer = client.post(url, values)
    assert "草稿已保存，修改了1个项目" in answer.content.decode()
    assert wuzhi_report.entries.get(project_id=project).cumulative_completed == 430
