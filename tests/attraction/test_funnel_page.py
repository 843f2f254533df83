"""The funnel page: the city with every county and park for those who see the city's totals,
his own county for a county office, the same figures as the report; nobody else (issue 14,
"Pages and documents")."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from guanmo.attraction.models import Lead, StageDate
from guanmo.attraction.stages import Stage
from tests.world import YEAR


def _lead(city, county, name, investment, **stages):
    lead = Lead.objects.create(
        city=city, county=county, name=name, register_year=YEAR, contract_investment=investment
    )
    for word, day in stages.items():
        StageDate.objects.create(lead=lead, stage=Stage(word), reached=day)


@pytest.fixture
def register(world):
    wuzhi = world.city.children.get(name="武陟县")
    wenxian = world.city.children.get(name="温县")
    _lead(
        world.city, wuzhi, "冷链", Decimal("30000"), 签约=date(YEAR, 1, 10), 开工=date(YEAR, 3, 1)
    )
    _lead(world.city, wuzhi, "传感器", Decimal("5000"), 签约=date(YEAR, 4, 10))
    _lead(world.city, wenxian, "温县食品", Decimal("8000"), 签约=date(YEAR, 2, 1))


def _page(client, world, who, **query):
    client.force_login(world.users[who])
    return client.get(reverse("attraction_funnel"), {"year": YEAR, "month": 4, **query})


def test_the_city_office_sees_every_unit_and_the_citys_sentence(client, world, register):
    page = _page(client, world, "city").content.decode()

    assert "2025年1—4月，全市新增签约项目3个、合同投资4.3亿元，其中已开工1个，开工率33.3%。" in page
    assert '<th scope="row">温县</th><td>1</td><td>1</td>' in page
    assert '<th scope="row">修武县</th><td>0</td><td>0</td>' in page
    assert '<th scope="row">开工</th>' in page  # the funnel chart's bars


def test_a_county_office_sees_only_its_own_county(client, world, register):
    page = _page(client, world, "wuzhi").content.decode()

    assert (
        "2025年1—4月，武陟县新增签约项目2个、合同投资3.5亿元，其中已开工1个，开工率50.0%。" in page
    )
    assert "温县" not in page.split('id="by-unit"')[1]
    assert "全市新增" not in page


def test_a_rate_without_a_base_is_a_dash_on_the_page(client, world, register):
    page = _page(client, world, "city", month=1).content.decode()

    row = page.split('<th scope="row">温县</th>')[1].split("</tr>")[0]
    cells = [cell.removeprefix("<td>") for cell in row.split("</td>")[:-1]]
    # 温县食品 is in talks in January (2025's register) and signed only in February.
    assert cells[:2] == ["1", "0"]
    assert cells[8:] == ["0.0%", "—", "—", "—", "—", "—"]


def test_a_commissioner_has_no_funnel_page(client, world, register):
    assert _page(client, world, "commissioner").status_code == 404


def test_a_bad_month_falls_back_to_the_current_one(client, world, register):
    assert _page(client, world, "city", month=13).status_code == 200


def test_a_county_page_lists_and_counts_only_what_it_hosts_with_no_park_row(
    client, world, register
):
    from guanmo.regions.models import Region

    zone = Region.objects.create(
        code="410899001", name="城乡一体化示范区", kind=Region.Kind.ZONE, parent=world.city
    )
    lead = Lead.objects.create(
        city=world.city, county=world.wuzhi, park=zone, name="示范区项目", register_year=YEAR
    )
    StageDate.objects.create(lead=lead, stage=Stage.SIGNED, reached=date(YEAR, 2, 1))

    page = _page(client, world, "wuzhi").content.decode()

    assert "城乡一体化示范区" not in page.split('id="by-unit"')[1]
    assert "示范区项目" not in page
    assert "武陟县新增签约项目2个" in page


def _november_closed(city, settings) -> None:
    """15 December 2025: November's figures are closed, December's being reported."""
    from django.utils import timezone

    from guanmo.reporting.models import Period

    settings.GUANMO_TODAY = date(YEAR, 12, 15)
    Period.objects.create(city=city, year=YEAR, month=11, deadline=date(YEAR, 12, 5),
                          closed_at=timezone.now())  # fmt: skip
    Period.objects.create(city=city, year=YEAR, month=12, deadline=date(YEAR + 1, 1, 5))


def test_the_funnel_page_opens_on_the_month_every_page_shows(client, world, register, settings):
    """Tryout 13: it opened on 2025年1—12月 (signings to 15 December) while every other page
    said 数据截至2025年11月; it opens on the same data month (progress.status.figures_month)."""
    _november_closed(world.city, settings)
    client.force_login(world.users["city"])

    page = client.get(reverse("attraction_funnel")).content.decode()

    assert f"<h1>{YEAR}年1—11月招商引资项目推进情况</h1>" in page
    asked = client.get(reverse("attraction_funnel"), {"year": YEAR, "month": 12}).content
    assert f"<h1>{YEAR}年1—12月招商引资项目推进情况</h1>" in asked.decode()  # still chosen


def _zone_lead(world, county=None):
    from guanmo.regions.models import Region

    zone = Region.objects.create(
        code="410899001", name="城乡一体化示范区", kind=Region.Kind.ZONE, parent=world.city
    )
    lead = Lead.objects.create(city=world.city, county=county or zone, park=zone,
                               name="示范区项目", register_year=YEAR)  # fmt: skip
    StageDate.objects.create(lead=lead, stage=Stage.SIGNED, reached=date(YEAR, 2, 1))
    return lead


def _listed_place(page: str, name: str) -> str:
    row = page.split('id="leads"')[1].split(f">{name}</a></th>")[1].split("</tr>")[0]
    return row.split("<td>")[2].split("</td>")[0]


def test_the_list_places_a_park_hosted_lead_where_the_table_counts_it(client, world, register):
    """Tryout 13: the table counted it in its park, the list under its county."""
    _zone_lead(world, county=world.wuzhi)

    page = _page(client, world, "city").content.decode()

    assert '<th scope="row">城乡一体化示范区</th><td>1</td><td>1</td>' in page  # counted there
    assert _listed_place(page, "示范区项目") == "城乡一体化示范区（武陟县）"
    assert _listed_place(page, "冷链") == "武陟县"


def test_a_lead_page_names_a_zone_once_when_it_is_both_county_and_park(client, world, register):
    """Tryout 13: 所在县区 焦作高新技术产业开发区（焦作高新技术产业开发区）."""
    lead = _zone_lead(world)
    client.force_login(world.users["city"])

    page = client.get(reverse("attraction_lead", args=[lead.pk])).content.decode()

    assert "<dt>所在地</dt><dd>城乡一体化示范区</dd>" in page


def _row_html(cells: list[str]) -> str:
    return f'<th scope="row">{cells[0]}</th>' + "".join(f"<td>{cell}</td>" for cell in cells[1:])


def test_the_page_has_every_section_the_report_has_with_the_same_rows(client, world, register):
    """The page shows what `attraction-report` prints: by source group, source and industry,
    the days between stages, the warnings, the land and the parks (tryout 13: only the units'
    table), each row from the same sections (attraction.sections)."""
    from guanmo.attraction.models import Parcel, ParkFigures
    from guanmo.attraction.report import build_report
    from guanmo.attraction.sections import report_sections
    from guanmo.regions.models import Region

    zone = Region.objects.create(
        code="410899001", name="城乡一体化示范区", kind=Region.Kind.ZONE, parent=world.city
    )
    Parcel.objects.create(
        city=world.city, county=world.wuzhi, park=zone, name="示范区2024-001", area=80,
        supplied_on=date(YEAR - 1, 2, 1), started_on=date(YEAR - 1, 5, 1), investment=24000,
        tax=400,
    )  # fmt: skip
    ParkFigures.objects.create(park=zone, year=YEAR, month=4, revenue=90000, leading_revenue=54000)

    page = _page(client, world, "city").content.decode()

    sections = report_sections(build_report(world.city, YEAR, 4))
    keys = [section.key for section in sections]
    assert keys == [
        "by-unit", "conversions", "by-group", "by-source", "by-industry", "days", "warnings",
        "land", "parks",
    ]  # fmt: skip
    for section in sections:
        table = page.split(f'id="{section.key}"')[1].split("</table>")[0]
        assert all(f"<th>{header}</th>" in table for header in section.headers)
        for cells in section.text_rows():
            assert _row_html(cells) in table, (section.key, cells)
    assert _row_html(["京津冀", "0", "0", "0", "0", "0", "0", "0.00", "0.00"] + ["—"] * 6) in page
    assert "城乡一体化示范区</th><td>90,000.00</td><td>1</td>" in page


def _sourced(world):
    """武陟's 冷链 from Beijing (京津冀), in manufacturing (C 制造业); the others unsourced."""
    from guanmo.regions.services import divisions_named, region_of_division

    (beijing,) = divisions_named("北京市")
    Lead.objects.filter(name="冷链").update(origin=region_of_division(beijing), industry_code="C")


def test_the_scope_picker_narrows_to_a_unit_a_source_or_an_industry(client, world, register):
    _sourced(world)

    unit = _page(client, world, "city", unit=world.wenxian.pk).content.decode()
    group = _page(client, world, "city", source="京津冀").content.decode()
    industry = _page(client, world, "city", industry="C 制造业").content.decode()

    assert "2025年1—4月，温县新增签约项目1个、合同投资0.8亿元" in unit
    assert "武陟县" not in unit.split('id="by-unit"')[1].split("</table>")[0]
    for page in (group, industry):
        assert "新增签约项目1个、合同投资3.0亿元，其中已开工1个，开工率100.0%。" in page
    assert "全市（投资方来自京津冀）" in group and "全市（C 制造业）" in industry
    assert '<option value="京津冀" selected>' in group


def test_a_county_office_picks_no_other_unit(client, world, register):
    page = _page(client, world, "wuzhi", unit=world.wenxian.pk).content.decode()

    assert "武陟县新增签约项目2个" in page and "温县新增" not in page
    assert 'name="unit"' not in page


def _listed(response) -> list[str]:
    return [lead.name for lead, *_ in response.context["leads"]]


def test_the_list_of_leads_narrows_as_the_figures_do(client, world, register):
    """Round 14: the list narrowed by unit only; a source or an industry left every lead."""
    _sourced(world)

    group = _page(client, world, "city", source="京津冀")
    industry = _page(client, world, "city", industry="C 制造业")
    both = _page(client, world, "city", source="京津冀", unit=world.wenxian.pk)

    assert _listed(group) == _listed(industry) == ["冷链"]
    assert _listed(both) == []
    assert "传感器" not in group.content.decode().split('id="by-unit"')[1]
    assert sorted(_listed(_page(client, world, "city"))) == ["传感器", "冷链", "温县食品"]


def test_the_project_list_gives_each_leads_state_at_the_periods_end(client, world):
    """Tryout 16: 1—11月's list showed a project started on 1 December as 已转入."""
    from guanmo.attraction.services import record_stage

    lead = Lead.objects.create(
        city=world.city, county=world.wuzhi, name="冷链", register_year=YEAR,
        contract_investment=Decimal("30000"),
    )  # fmt: skip
    for stage, day in ((Stage.SIGNED, date(YEAR, 1, 10)), (Stage.STARTED, date(YEAR, 5, 20))):
        record_stage(lead, stage, planned=None, reached=day, user=None, today=date(YEAR, 6, 1))

    april = _page(client, world, "city").content.decode().split('id="leads"')[1]
    may = _page(client, world, "city", month=5).content.decode().split('id="leads"')[1]

    assert "<td>签约</td><td>—</td>" in april and "已转入" not in april
    assert "<td>开工</td><td>已转入（2025年5月20日）</td>" in may


def _queries(client, **query) -> int:
    with CaptureQueriesContext(connection) as run:
        client.get(reverse("attraction_funnel"), {"year": YEAR, "month": 4, **query})
    return len(run)


def test_the_list_of_leads_reads_no_more_for_more_leads(client, world, register):
    """The list is the picked leads as `picked_leads` gives them, with their stages, project
    and funds read with them: never a query a lead, nor the leads read again by key."""
    _sourced(world)
    client.force_login(world.users["city"])
    few = [_queries(client), _queries(client, source="京津冀")]
    for number in range(3):
        _lead(world.city, world.wuzhi, f"冷链{number}", Decimal("100"), 签约=date(YEAR, 3, 1))
    Lead.objects.filter(name__startswith="冷链").update(origin=Lead.objects.get(name="冷链").origin)

    assert [_queries(client), _queries(client, source="京津冀")] == few
    assert len(_listed(_page(client, world, "city", source="京津冀"))) == 4


def test_a_county_offices_source_picker_lists_its_own_leads_sources(client, world, register):
    """Tryout 22: 武陟县's 投资方来源 picker listed the origins of other counties' leads."""
    from guanmo.regions.services import divisions, region_of_division

    Lead.objects.filter(name="温县食品").update(origin=region_of_division(divisions()["110000"]))
    Lead.objects.filter(name="冷链").update(origin=region_of_division(divisions()["320500"]))

    county = _page(client, world, "wuzhi").content.decode()
    city = _page(client, world, "city").content.decode()

    assert '<option value="江苏省"' in county and '<option value="北京市"' not in county
    assert '<option value="北京市"' in city


def _listed_stage(page: str, name: str) -> str:
    row = page.split('id="leads"')[1].split(f">{name}</a></th>")[1].split("</tr>")[0]
    return row.split("<td>")[4].split("</td>")[0]


def test_an_open_periods_lead_list_is_as_of_today_like_its_figures(
    client, world, register, settings
):
    """Tryout 28: in December the figures said 截至2025年12月15日, the list 截至2025年12月31日."""
    settings.GUANMO_TODAY = date(YEAR, 12, 15)

    page = _page(client, world, "city", month=12).content.decode()

    assert f"<caption>截至{YEAR}年12月15日的情况</caption>" in page
    assert f"截至{YEAR}年12月31日" not in page


def test_a_lead_whose_talks_ended_is_listed_as_ended(client, world, register):
    """Tryout 28: 杭州数字经济项目 was listed at 洽谈 though its page said 终止洽谈 2025年4月1日."""
    lead = Lead.objects.create(city=world.city, county=world.wuzhi, name="杭州数字经济",
                               register_year=YEAR, dropped_on=date(YEAR, 4, 1))  # fmt: skip
    StageDate.objects.create(lead=lead, stage=Stage.NEGOTIATING, reached=date(YEAR, 1, 5))

    in_march = _page(client, world, "city", month=3).content.decode()
    in_april = _page(client, world, "city", month=4).content.decode()

    assert _listed_stage(in_march, "杭州数字经济") == "洽谈"
    assert _listed_stage(in_april, "杭州数字经济") == "终止洽谈"


def test_the_page_shows_the_checking_notes_apart_from_the_sentences(client, world, register):
    """Tryout 28: checking notes (…请核对) are for the office, kept out of the issued .docx;
    the page shows them under their own heading, not among the sentences."""
    from guanmo.attraction.models import Parcel
    from guanmo.ledger.models import Milestone, MilestoneKind, Project

    project = Project.objects.create(city=world.city, county=world.wuzhi, name="冷链项目")
    Milestone.objects.create(project=project, kind=MilestoneKind.STARTED, reached=date(YEAR, 2, 1))
    Parcel.objects.create(
        city=world.city, county=world.wuzhi, name="WZ-1", area=50, project=project,
        supplied_on=date(YEAR - 1, 6, 1), started_on=date(YEAR, 3, 1),
    )  # fmt: skip

    page = _page(client, world, "city").content.decode()

    check = f"地块WZ-1实际动工日期{YEAR}年3月1日与其项目开工日期{YEAR}年2月1日不一致，请核对。"
    assert check in page.split('id="checks"')[1]
    assert check not in page.split('id="sentences"')[1].split("</div>")[0]
