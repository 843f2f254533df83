"""The parks' figures pages: the city office enters any park's figures, a park's own office its
own park's only (Scope.enters_for); a figure emptied is cleared (no figure, never 0) with a
reason, one not sent is kept; each change is kept in the park's history with who, when and
why; the list shows the leading share against its target and the ranks among the city's parks
(issue 14, "Parks")."""

from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.accounts.models import Role, User
from guanmo.attraction.models import ParkFigures, ParkFiguresChange
from guanmo.reporting.history import Source
from tests.web.forms import rendered_forms


@pytest.fixture
def parks(city):
    return {park.name: park for park in city.children.filter(kind="zone")}


def _user(name, role, region):
    return User.objects.create_user(name, password="x", role=role, region=region)


def _url(park, month=6):
    return reverse("attraction_park_figures", args=[park.pk, 2025, month])


def test_a_parks_office_enters_its_own_figures_and_no_other_parks(client, city, parks):
    demo, wuzhi = parks["城乡一体化示范区"], parks["武陟产业集聚区"]
    client.force_login(_user("shifanqu", Role.COUNTY_OFFICE, demo))

    response = client.post(_url(demo), {"revenue": "1500000", "leading_revenue": "894000"})

    assert response.status_code == 302
    figures = ParkFigures.objects.get(park=demo, year=2025, month=6)
    assert (figures.revenue, figures.leading_revenue, figures.employees) == (
        Decimal("1500000"),
        Decimal("894000"),
        None,
    )
    assert client.get(_url(wuzhi)).status_code == 404
    assert client.post(_url(wuzhi), {"revenue": "1"}).status_code == 404
    listed = client.get(reverse("attraction_parks"), {"year": 2025, "month": 6}).content.decode()
    assert "城乡一体化示范区" in listed and "武陟产业集聚区" not in listed
    assert "59.6%" in listed and "-10.4" in listed  # 894000 ÷ 1500000 against 70%


def test_a_county_office_without_a_park_enters_none(client, city, parks):
    client.force_login(_user("wuzhi", Role.COUNTY_OFFICE, city.children.get(name="武陟县")))
    assert client.get(reverse("attraction_parks")).status_code == 404
    assert client.post(_url(parks["城乡一体化示范区"]), {"revenue": "1"}).status_code == 404


def test_a_change_is_kept_and_a_field_not_sent_keeps_the_stored_figure(client, city, parks):
    demo = parks["城乡一体化示范区"]
    ParkFigures.objects.create(
        park=demo, year=2025, month=6, revenue=Decimal(1500000), employees=23500
    )
    user = _user("shixmb", Role.CITY_OFFICE, city)
    client.force_login(user)

    client.post(_url(demo), {"revenue": "1520000"})

    figures = ParkFigures.objects.get(park=demo)
    assert (figures.revenue, figures.employees) == (Decimal(1520000), 23500)
    change = ParkFiguresChange.objects.get(figures=figures)
    assert (change.field, change.old_value, change.new_value) == (
        "主营业务收入（万元）",
        "1500000",
        "1520000",
    )
    assert (change.source, change.user) == (Source.PARK, user)
    page = client.get(_url(demo)).content.decode()
    assert "1500000 → 1520000" in page


def _as_shown(client, park) -> dict[str, str]:
    """The page's form as the browser sends it back untouched."""
    forms = rendered_forms(client.get(_url(park)).content.decode())
    (form,) = [form for form in forms if "revenue" in dict(form.fields)]
    return {name: values[0] for name, values in form.values().items()}


def test_a_figure_emptied_on_the_page_is_cleared_with_who_when_and_why(client, city, parks):
    demo = parks["城乡一体化示范区"]
    ParkFigures.objects.create(
        park=demo, year=2025, month=6, revenue=Decimal(1500000), employees=23500,
        leading_industries="装备制造",
    )  # fmt: skip
    user = _user("shixmb", Role.CITY_OFFICE, city)
    client.force_login(user)
    sent = _as_shown(client, demo)
    assert (sent["employees"], sent["leading_industries"]) == ("23500", "装备制造")

    sent |= {"employees": "", "leading_industries": "", "reason": "从业人员口径有误，待统计局核定"}
    assert client.post(_url(demo), sent).status_code == 302

    figures = ParkFigures.objects.get(park=demo)
    assert figures.employees is None  # no figure, never 0
    assert figures.leading_industries == ""
    assert figures.revenue == Decimal(1500000)
    changes = {c.field: c for c in ParkFiguresChange.objects.filter(figures=figures)}
    assert set(changes) == {"从业人员（人）", "主导产业"}
    cleared = changes["从业人员（人）"]
    assert (cleared.old_value, cleared.new_value, cleared.user) == ("23500", "", user)
    assert (cleared.source, cleared.reason) == (Source.PARK, "从业人员口径有误，待统计局核定")
    assert cleared.at is not None
    page = client.get(_url(demo)).content.decode()
    assert "23500 → （空）" in page and "从业人员口径有误，待统计局核定" in page
    assert _as_shown(client, demo)["employees"] == ""


def test_emptying_a_stored_figure_without_a_reason_is_refused_and_changes_nothing(
    client, city, parks
):
    demo = parks["城乡一体化示范区"]
    ParkFigures.objects.create(park=demo, year=2025, month=6, employees=23500, revenue=1)
    client.force_login(_user("shixmb", Role.CITY_OFFICE, city))

    response = client.post(_url(demo), {**_as_shown(client, demo), "employees": "", "revenue": "2"})

    assert "清空已填报的从业人员（人），请写明原因" in response.content.decode()
    figures = ParkFigures.objects.get(park=demo)
    assert (figures.employees, figures.revenue) == (23500, 1)
    assert not ParkFiguresChange.objects.exists()


def test_leading_revenue_above_revenue_is_refused_and_nothing_stored(client, city, parks):
    client.force_login(_user("shixmb", Role.CITY_OFFICE, city))

    response = client.post(
        _url(parks["城乡一体化示范区"]), {"revenue": "100", "leading_revenue": "120"}
    )

    assert "主导产业收入不能超过主营业务收入" in response.content.decode()
    assert not ParkFigures.objects.exists()


def test_the_list_ranks_the_citys_parks(client, city, parks):
    ParkFigures.objects.create(
        park=parks["城乡一体化示范区"],
        year=2025,
        month=6,
        revenue=Decimal(1500000),
        leading_revenue=Decimal(894000),
    )
    ParkFigures.objects.create(park=parks["武陟产业集聚区"], year=2025, month=6,
                               revenue=Decimal(2100000), leading_revenue=Decimal(1575000),
                               leading_share_target=Decimal(80))  # fmt: skip
    client.force_login(_user("leader", Role.LEADER, city))

    page = client.get(reverse("attraction_parks"), {"year": 2025, "month": 6}).content.decode()

    assert "75.0%" in page and "80.0%" in page and "-5.0" in page  # its own target
    assert "填写" not in page.split('id="parks"')[1]  # a leader reads, never enters


def test_a_parks_office_gets_no_link_to_an_import_record_it_may_not_open(client, city, parks):
    """A change made by the city's import is shown to the park's office without the link to the
    import's record, which only the city office opens; the city office gets the link."""
    from guanmo.reporting.models import ImportRecord

    demo = parks["城乡一体化示范区"]
    city_office = _user("shixmb", Role.CITY_OFFICE, city)
    figures = ParkFigures.objects.create(park=demo, year=2025, month=6, revenue=1)
    record = ImportRecord.objects.create(
        city=city, kind=ImportRecord.Kind.PARK_FIGURES, user=city_office
    )
    ParkFiguresChange.objects.create(
        figures=figures, field="主营业务收入（万元）", old_value="", new_value="1",
        source=Source.IMPORT, import_record=record,
    )  # fmt: skip
    link = reverse("import_record", args=[record.pk])

    client.force_login(_user("shifanqu", Role.COUNTY_OFFICE, demo))
    park_page = client.get(_url(demo)).content.decode()
    client.force_login(city_office)
    city_page = client.get(_url(demo)).content.decode()

    assert "表格导入" in park_page and link not in park_page
    assert link in city_page


def test_the_parks_list_opens_on_the_month_every_page_shows(client, city, parks, settings):
    """Tryout 13: it opened on December (the month being reported) and showed 未填报 for every
    park until ?month=11; it opens on the closed month the other pages show."""
    from datetime import date

    from django.utils import timezone

    from guanmo.reporting.models import Period

    settings.GUANMO_TODAY = date(2025, 12, 15)
    Period.objects.create(city=city, year=2025, month=11, deadline=date(2025, 12, 5),
                          closed_at=timezone.now())  # fmt: skip
    ParkFigures.objects.create(
        park=parks["城乡一体化示范区"], year=2025, month=11,
        revenue=Decimal(1500000), leading_revenue=Decimal(894000),
    )  # fmt: skip
    client.force_login(_user("leader", Role.LEADER, city))

    page = client.get(reverse("attraction_parks")).content.decode()

    assert "<h1>2025年1—11月园区主要指标</h1>" in page
    assert "59.6%" in page


def test_the_list_shows_each_parks_land_with_what_it_covers_and_a_first_phase_alone(
    client, city, parks
):
    """The parks' land (supplied, in use, idle, 亩均) with the base said, and a park's project
    whose first phase was built with no second (一期建成后不上后续项目), tryout 13."""
    from datetime import date

    from guanmo.attraction.models import Parcel

    park, wuzhi = parks["武陟产业集聚区"], city.children.get(name="武陟县")
    for name, phase, started, built in (
        ("甲一期", 1, date(2022, 9, 1), date(2024, 5, 20)),
        ("甲二期", 2, None, None),
    ):
        Parcel.objects.create(
            city=city, county=wuzhi, park=park, name=name, holder="某公司", area=100,
            supplied_on=date(2022, 3, 1), started_on=started, phase=phase, completed_on=built,
        )  # fmt: skip
    client.force_login(_user("leader", Role.LEADER, city))

    page = client.get(reverse("attraction_parks"), {"year": 2025, "month": 6}).content.decode()

    land = page.split('id="land"')[1].split("</table>")[0]
    assert (
        '<th scope="row">武陟产业集聚区</th><td>200.00</td><td>100.00</td><td>100.00</td>' in land
    )
    assert "截至2025年6月30日登记在各园区的已供地块合计（" in page
    assert "武陟产业集聚区2宗" in page and "城乡一体化示范区0宗" in page
    assert "甲一期（某公司）一期于2024年5月20日建成，后续100亩用地至今未动工" in page
