"""A park's own figures feed the city's indicators named as them, as the park's values, with
the indicators' own history (attraction.park_indicators): 主营业务收入 of 1,500,000万元 is 150
in an indicator kept in 亿元; a quarterly indicator takes June's figures, not May's; a unit with
no exact conversion, or a figure cleared, is said, never stored wrong."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from guanmo.accounts.models import Role, User
from guanmo.attraction.park_import import import_park_figures
from guanmo.attraction.park_services import save_park_figures
from guanmo.indicators.choices import Frequency, Kind
from guanmo.indicators.models import Indicator, IndicatorValue, ValueChange
from guanmo.reporting.history import Source
from tests.attraction.test_import_park_figures import ROWS, _write


@pytest.fixture
def demo(city):
    return city.children.get(name="城乡一体化示范区")


@pytest.fixture
def indicators(city):
    return {
        indicator.name: indicator
        for indicator in (
            Indicator.objects.create(city=city, name="主营业务收入", unit="亿元", places=2),
            Indicator.objects.create(
                city=city, name="主导产业占比", unit="%", kind=Kind.RATIO, places=1
            ),
            Indicator.objects.create(city=city, name="规上企业数", unit="家", places=0),
            Indicator.objects.create(
                city=city, name="从业人员", unit="万人", frequency=Frequency.QUARTERLY
            ),
        )
    }


def _value(indicator, park, month=6):
    stored = IndicatorValue.objects.filter(indicator=indicator, region=park, month=month).first()
    return stored.value if stored else None


def test_a_parks_figures_entered_on_its_page_are_its_indicator_values(
    client, city, demo, indicators
):
    user = User.objects.create_user("shixmb", password="x", role=Role.CITY_OFFICE, region=city)
    client.force_login(user)
    figures = {
        "revenue": "1500000",
        "leading_revenue": "894000",
        "enterprises_above_size": "86",
        "employees": "23500",
    }

    for month in (5, 6):
        url = reverse("attraction_park_figures", args=[demo.pk, 2025, month])
        assert client.post(url, figures).status_code == 302

    assert _value(indicators["主营业务收入"], demo) == D(150)
    assert _value(indicators["主导产业占比"], demo) == D("59.6")
    assert _value(indicators["规上企业数"], demo) == D(86)
    assert _value(indicators["从业人员"], demo) == D("2.35")
    assert _value(indicators["主营业务收入"], demo, month=5) == D(150)
    assert _value(indicators["从业人员"], demo, month=5) is None  # a quarterly indicator
    value = IndicatorValue.objects.get(indicator=indicators["主营业务收入"], month=6)
    assert (value.updated_by, value.region.kind) == (user, "zone")
    fed = ValueChange.objects.filter(value=value).get()
    assert (fed.source, fed.user, fed.new_value) == ("园区主要指标", user, "150")


def test_a_change_of_a_figure_changes_the_indicator_value_with_its_history(city, demo, indicators):
    for revenue in (1500000, 1520000):
        save_park_figures(demo, 2025, 6, {"revenue": D(revenue)}, source=Source.PARK, user=None)

    assert _value(indicators["主营业务收入"], demo) == D("152")
    changes = ValueChange.objects.filter(value__indicator=indicators["主营业务收入"])
    assert sorted((c.old_value, c.new_value) for c in changes) == [("", "150"), ("150", "152")]


def test_a_unit_that_does_not_convert_or_a_cleared_figure_is_said_and_nothing_stored_wrong(
    city, demo
):
    revenue = Indicator.objects.create(city=city, name="主营业务收入", unit="元")
    share = Indicator.objects.create(city=city, name="主导产业占比", unit="%", kind=Kind.RATIO)

    saved = save_park_figures(
        demo,
        2025,
        6,
        {"revenue": D(1500000), "leading_revenue": D(894000)},
        source=Source.PARK,
        user=None,
    )
    cleared = save_park_figures(
        demo, 2025, 6, {}, source=Source.PARK, user=None, cleared=["leading_revenue"]
    )

    assert saved.notes == [
        "城乡一体化示范区2025年1—6月“主营业务收入”未写入指标：指标的计量单位是“元”，"
        "园区主要指标按“万元”填报，不能换算"
    ]
    assert _value(revenue, demo) is None
    assert cleared.notes == [
        *saved.notes,
        "城乡一体化示范区2025年1—6月“主导产业占比”已清空，指标中的数值随之清除",
    ]
    assert _value(share, demo) is None  # never the old 59.6 left standing


def test_a_cleared_figure_clears_the_indicator_value_it_fed_with_its_history(
    city, demo, indicators
):
    """主营业务收入 1,500,000万元 fed 150亿元 (with a growth of 8.5% given to the indicator
    itself); cleared on the park's page, the indicator's value is cleared too, its growth kept,
    and its history says so (150 → blank, from 园区主要指标)."""
    revenue = indicators["主营业务收入"]
    save_park_figures(demo, 2025, 6, {"revenue": D(1500000)}, source=Source.PARK, user=None)
    IndicatorValue.objects.filter(indicator=revenue, region=demo).update(reported_growth=D("8.5"))

    cleared = save_park_figures(
        demo, 2025, 6, {}, source=Source.PARK, user=None, cleared=["revenue"], reason="数据有误"
    )

    stored = IndicatorValue.objects.get(indicator=revenue, region=demo, month=6)
    assert (stored.value, stored.reported_growth) == (None, D("8.5"))
    changes = ValueChange.objects.filter(value__indicator=revenue)
    assert sorted((c.old_value, c.new_value, c.source) for c in changes) == [
        ("", "150", "园区主要指标"),
        ("150", "", "园区主要指标"),
    ]
    assert changes.get(new_value="").reason == "数据有误"
    assert cleared.notes == [
        "城乡一体化示范区2025年1—6月“主营业务收入”已清空，指标中的数值随之清除"
    ]


def test_a_cleared_figure_that_was_the_indicators_only_figure_leaves_no_value(
    city, demo, indicators
):
    save_park_figures(demo, 2025, 6, {"enterprises_above_size": 86}, source=Source.PARK, user=None)

    save_park_figures(
        demo, 2025, 6, {}, source=Source.PARK, user=None, cleared=["enterprises_above_size"]
    )

    assert not IndicatorValue.objects.filter(indicator=indicators["规上企业数"], region=demo)


def test_the_history_of_a_value_cleared_away_is_kept_and_rejoins_it_when_entered_again(
    city, demo, indicators
):
    """Tryout 13: the row went and its ValueChange history with it (CASCADE). The history is
    kept under its indicator, region and period, the clearing recorded, and a figure entered
    again continues it."""
    count = indicators["规上企业数"]
    save_park_figures(demo, 2025, 6, {"enterprises_above_size": 86}, source=Source.PARK, user=None)
    save_park_figures(demo, 2025, 6, {}, source=Source.PARK, user=None,
                      cleared=["enterprises_above_size"], reason="重复填报")  # fmt: skip

    kept = ValueChange.objects.filter(indicator=count, region=demo, year=2025, month=6)
    assert sorted((c.old_value, c.new_value, c.reason) for c in kept) == [
        ("", "86", ""),
        ("86", "", "重复填报"),
    ]
    assert {c.value_id for c in kept} == {None}

    save_park_figures(demo, 2025, 6, {"enterprises_above_size": 88}, source=Source.PARK, user=None)

    stored = IndicatorValue.objects.get(indicator=count, region=demo, month=6)
    assert sorted((c.old_value, c.new_value) for c in stored.changes.all()) == [
        ("", "86"),
        ("", "88"),
        ("86", ""),
    ]


def test_the_park_import_feeds_the_indicators_with_its_record(city, demo, indicators, tmp_path):
    report = import_park_figures(_write(tmp_path, ROWS), city=city, year=2025)

    assert report.ok
    value = IndicatorValue.objects.get(indicator=indicators["主营业务收入"], region=demo)
    assert value.value == D(150) and value.import_record_id == report.record_id
    wuzhi = city.children.get(name="武陟产业集聚区")
    assert _value(indicators["主营业务收入"], wuzhi) == D("98.5")
    assert _value(indicators["主导产业占比"], wuzhi) is None  # no leading revenue given
