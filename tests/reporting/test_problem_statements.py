"""存在问题 written as "无" (or 暂无, 无问题, /, —) is no problem: the report grid offers no 交办
link for it and a problem cannot be raised from it; a real problem keeps its link."""

import pytest
from django.urls import reverse

from guanmo.reporting.models import states_a_problem


@pytest.mark.parametrize(
    "text", ["", "无", "暂无", "无问题", "暂无问题", "无。", " / ", "／", "—", "-"]
)
def test_none_written_in_words_or_marks_states_no_problem(text):
    assert not states_a_problem(text)


@pytest.mark.parametrize("text", ["用地指标未落实", "无用地指标", "资金未到位。"])
def test_a_real_problem_is_one(text):
    assert states_a_problem(text)


def test_the_grid_offers_to_assign_only_real_problems(client, world, wuzhi_report):
    entries = {entry.project.name: entry for entry in wuzhi_report.entries.all()}
    none, real = entries["武陟县智能装备产业园"], entries["武陟县冷链物流园"]
    none.problems, real.problems = "无", "冷库用地指标未落实"
    none.save()
    real.save()
    client.force_login(world.users["city"])
    page = client.get(reverse("report_grid", args=[wuzhi_report.pk])).content.decode()
    assert f"?entry={real.pk}" in page
    assert f"?entry={none.pk}" not in page
    assert client.get(reverse("problem_new"), {"entry": none.pk}).status_code == 404
    assert client.get(reverse("problem_new"), {"entry": real.pk}).status_code == 200
