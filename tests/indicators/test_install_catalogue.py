from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from guanmo.indicators.catalogue import CATALOGUE
from guanmo.indicators.choices import Kind
from guanmo.indicators.models import Indicator
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
