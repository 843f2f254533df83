from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from guanmo.indicators.catalogue import CATALOGUE
from guanmo.indicators.choices import Kind
from guanmo.indicators.models import Indicator, PeerGroup
from guanmo.regions.models import Region


@pytest.mark.django_db
def test_init_city_installs_the_starting_catalogue_with_poor_villages_as_a_count():
    call_command("init-city", "410800", stdout=StringIO())

    city = Region.objects.get(code="410800")
    names = list(Indicator.objects.filter(city=city).values_list("name", flat=True))
    assert names == [entry.name for entry in CATALOGUE]
    villages = Indicator.objects.get(city=city, name="贫困村退出")
    assert (villages.unit, villages.kind) == ("个", Kind.COUNT)


@pytest.mark.django_db
def test_installing_again_adds_nothing_and_keeps_an_edited_entry():
    call_command("init-city", "410800", stdout=StringIO())
    city = Region.objects.get(code="410800")
    edited = Indicator.objects.get(city=city, name="贫困村退出")
    edited.unit = "村"
    edited.note = "本市口径"
    edited.save()
    count = Indicator.objects.filter(city=city).count()

    out = StringIO()
    call_command("install-indicators", "--city", "410800", stdout=out)

    assert Indicator.objects.filter(city=city).count() == count
    edited.refresh_from_db()
    assert (edited.unit, edited.note) == ("村", "本市口径")
    assert "新增 0 项" in out.getvalue()
    assert "贫困村退出" in out.getvalue()


@pytest.mark.django_db
def test_install_indicators_dry_run_lists_what_it_would_add_and_writes_nothing():
    call_command("init-city", "410800", stdout=StringIO())
    city = Region.objects.get(code="410800")
    Indicator.objects.filter(city=city, name="贫困村退出").delete()

    out = StringIO()
    call_command("install-indicators", "--city", "410800", "--dry-run", stdout=out)

    assert "将新增 1 项：贫困村退出" in out.getvalue()
    assert not Indicator.objects.filter(city=city, name="贫困村退出").exists()
    call_command("install-indicators", "--city", "410800", stdout=StringIO())
    assert Indicator.objects.filter(city=city, name="贫困村退出").exists()


@pytest.mark.django_db
def test_install_indicators_names_an_unknown_city():
    with pytest.raises(CommandError, match="410300"):
        call_command("install-indicators", "--city", "410300")


@pytest.mark.django_db
def test_init_county_installs_the_starting_catalogue_and_its_towns_group():
    # tryout 29 item 4: after init-county /indicators/targets/ said 本市还没有指标
    out = StringIO()
    call_command("init-county", "410821", "--town", "城关镇", "--town", "周庄镇", stdout=out)

    county = Region.objects.get(code="410821")
    names = list(Indicator.objects.filter(city=county).values_list("name", flat=True))
    assert names == [entry.name for entry in CATALOGUE]
    group = PeerGroup.objects.get(city=county)
    assert (group.short_name, group.members.count()) == ("全县", 2)
    said = out.getvalue()
    assert f"指标目录：{len(CATALOGUE)} 项" in said
    assert "默认比较组：修武县各乡镇（街道）（简称全县，2个成员）" in said


@pytest.mark.django_db
def test_a_county_without_indicators_is_told_the_command_in_its_own_words(client):
    from guanmo.accounts.models import Role, User
    from guanmo.regions.services import init_county

    county = init_county("410821", ["城关镇"])
    office = User.objects.create(username="xian", role=Role.CITY_OFFICE, region=county)
    client.force_login(office)

    page = client.get("/indicators/targets/").content.decode()

    assert "本县还没有指标" in page
    assert "guanmo install-indicators --city 410821" in page
