"""The bulletin's section on milestones, worked by hand on the test city's four
key projects (武陟装备 1,200, 武陟物流 2,000, 温县文旅 1,000, 温县食品 800万元 planned)."""

from datetime import date

import pytest
from django.urls import reverse

from guanmo.ledger.bulletin import milestone_section
from guanmo.ledger.models import KeyListEntry, Milestone
from guanmo.ledger.services.milestones import remove_from_key_list
from guanmo.reporting.services import close_period, open_period


@pytest.fixture
def kept(world):
    """武陟装备 planned to start 2月10日, started 2月20日, enrolled 3月5日; 武陟物流 planned to
    start 3月1日, not started, to be completed 12月31日; 温县文旅 to be completed 3月15日,
    completed 3月30日; 温县食品 taken off the city list on 3月20日."""
    p = world.projects
    Milestone.objects.bulk_create(
        [
            Milestone(
                project=p["武陟装备"],
                kind="开工",
                planned=date(2025, 2, 10),
                reached=date(2025, 2, 20),
            ),
            Milestone(project=p["武陟装备"], kind="入统", reached=date(2025, 3, 5)),
            Milestone(project=p["武陟物流"], kind="开工", planned=date(2025, 3, 1)),
            Milestone(project=p["武陟物流"], kind="竣工", planned=date(2025, 12, 31)),
            Milestone(
                project=p["温县文旅"],
                kind="竣工",
                planned=date(2025, 3, 15),
                reached=date(2025, 3, 30),
            ),
        ]
    )
    remove_from_key_list(
        KeyListEntry.objects.get(project=p["温县食品"]),
        on=date(2025, 3, 20),
        reason="长期停工，无法按期建成",
        user=None,
        today=date(2025, 4, 1),
    )
    return world


def test_the_milestone_section_counts_each_unit_and_the_city(kept):
    """全市: 开工 planned 2 (武陟装备, 武陟物流), started 1, 50.0%; 竣工 planned 2 (武陟物流,
    温县文旅), completed 1, 50.0%; enrolled 1 (武陟装备, in March). 武陟县: 2, 1, 50.0%; 1, 0,
    0.0%; 1. 温县: 0, 0, —; 1, 1, 100.0%; 0."""
    section = milestone_section(kept.city, 2025, 3)

    assert section.heading == "重点项目节点推进情况"
    assert section.sentences == [
        "截至3月底，全市计划年内开工项目2个，已开工1个，开工率50.0%；计划年内竣工项目2个，"
        "已竣工1个，竣工率50.0%；1—3月新入统项目1个，其中3月1个。",
        "3月调出重点项目名录项目1个：温县健康食品产业园（市重点，长期停工，无法按期建成）。",
    ]
    assert section.table.text_rows() == [
        ["武陟县", "2", "1", "50.0", "1", "0", "0.0", "1"],
        ["温县", "0", "0", "—", "1", "1", "100.0", "0"],
        ["全市", "2", "1", "50.0", "2", "1", "50.0", "1"],
    ]


def test_a_removal_is_named_in_the_bulletin_of_its_month_only(kept):
    """By April 武陟物流's 开工 is still missing, 竣工 the same; no one left the list in April."""
    section = milestone_section(kept.city, 2025, 4)
    assert section.sentences == [
        "截至4月底，全市计划年内开工项目2个，已开工1个，开工率50.0%；计划年内竣工项目2个，"
        "已竣工1个，竣工率50.0%；1—4月新入统项目1个，其中4月0个。"
    ]


def test_a_city_keeping_no_milestones_gets_no_milestone_section(world):
    assert milestone_section(world.city, 2025, 3) is None


def test_the_bulletin_page_shows_the_milestones_and_the_curve(client, kept):
    march = open_period(kept.city, year=2025, month=3, deadline=date(2025, 4, 5), user=None)
    close_period(march, user=kept.users["city"])
    client.force_login(kept.users["wuzhi"])
    page = client.get(reverse("bulletin", args=[2025, 3])).content.decode()

    assert "重点项目节点推进情况" in page
    assert (
        "较序时进度" in page
    )  # a column of the ranking table (tests/ledger/test_curve_ranking_columns.py)
    assert "开工率50.0%" in page


def test_a_project_leaving_one_list_but_staying_on_another_is_said_to_stay(kept):
    """温县文旅 is on the provincial list too: taken off the city list on 3月25日 it is still a
    key project, so the bulletin says it keeps counting (tryout 16: the November bulletin named
    a removal yet had no 本月调出 sentence, the project being 省重点 as well)."""
    p = kept.projects
    KeyListEntry.objects.create(project=p["温县文旅"], year=2025, level="省")
    remove_from_key_list(
        KeyListEntry.objects.get(project=p["温县文旅"], level="市"),
        on=date(2025, 3, 25),
        reason="调整为省重点",
        user=None,
        today=date(2025, 4, 1),
    )

    said = milestone_section(kept.city, 2025, 3).sentences[1]

    assert said == (
        "3月调出重点项目名录项目2个：温县健康食品产业园（市重点，长期停工，无法按期建成）、"
        "温县太极文化产业园（市重点，调整为省重点；仍为省重点项目，继续计入项目个数和排名）。"
    )
