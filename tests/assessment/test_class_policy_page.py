"""Issue 13 leftover: the city's 差别化政策 by class (`ClassPolicy`) could be edited in the Django
admin only. The city office now keeps them on a page: each class's lines (the shipped default
shown for a class without its own), lines added, changed and deleted by editing the class's
box, every change in the history with who and when, 没有改动 for a save that changes nothing;
the bulletin and the firm pages read what it keeps (`selectors.class_policies`)."""

import pytest
from django.urls import reverse

from guanmo.assessment.firms import POLICIES
from guanmo.assessment.models import ClassPolicy, ClassPolicyChange
from guanmo.assessment.selectors import class_policies

pytestmark = pytest.mark.django_db
URL = reverse("assessment_class_policies")


def boxes(**changed) -> dict[str, str]:
    """The form as the page shows it for a city without lines, with `changed` classes."""
    return {grade: "\n".join(lines) for grade, lines in POLICIES.items()} | changed


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_the_page_lists_each_class_with_chinese_labels_and_the_default_lines(client, world):
    client.force_login(world.users["city"])
    page = client.get(URL).content.decode()
    assert "企业差别化政策" in page
    for grade, lines in POLICIES.items():
        assert f"{grade}类企业" in page
        assert all(line in page for line in lines)
    assert "每行一条" in page


def test_lines_added_changed_and_deleted_are_kept_in_order_with_their_history(client, world):
    client.force_login(world.users["city"])
    c_lines = ["城镇土地使用税不予减免", "差别化电价：每千瓦时加价0.08元"]  # one changed, one gone
    d_lines = [*POLICIES["D"], "列入重点监管名单"]  # one added
    response = client.post(
        URL, boxes(C="\n".join(c_lines) + "\n\n", D="\r\n".join(d_lines)), follow=True
    )
    assert "已修改C类、D类企业的差别化政策，已记入修改记录" in messages_of(response)
    kept = class_policies(world.city)
    assert kept["C"] == tuple(c_lines) and kept["D"] == tuple(d_lines)
    assert kept["A"] == POLICIES["A"]  # untouched: still the default, no lines stored
    assert not ClassPolicy.objects.filter(city=world.city, grade="A").exists()
    change = ClassPolicyChange.objects.get(city=world.city, field="C类")
    assert change.old_value == "\n".join(POLICIES["C"])
    assert change.new_value == "\n".join(c_lines)
    assert change.user == world.users["city"]
    page = response.content.decode()
    assert "差别化电价：每千瓦时加价0.08元" in page and "市项目办张三" in page  # the history

    again = client.post(URL, boxes(C="\n".join(c_lines), D="\n".join(d_lines)), follow=True)
    assert messages_of(again) == ["没有改动"]
    assert ClassPolicyChange.objects.count() == 2


def test_a_class_emptied_is_refused_and_a_line_too_long_named(client, world):
    client.force_login(world.users["city"])
    response = client.post(URL, boxes(B="  \n", C="政" * 201))
    page = response.content.decode()
    assert "B类企业：请至少填写一条政策" in page
    assert "C类企业第1条超过200字" in page
    assert not ClassPolicy.objects.exists() and not ClassPolicyChange.objects.exists()


@pytest.mark.parametrize("role", ["wuzhi", "leader", "commissioner", "department"])
def test_only_the_city_office_keeps_the_policies(client, world, role):
    client.force_login(world.users[role])
    assert client.get(URL).status_code == 403
    assert client.post(URL, boxes(A="无")).status_code == 403
    assert not ClassPolicy.objects.exists()
