"""The city edits its catalogue, peer groups and targets in the admin; indicator figures there
are read-only, since only the services that record their history may change them."""

from decimal import Decimal as D

import pytest

from guanmo.accounts.models import Role, User
from guanmo.indicators.models import Indicator
from guanmo.indicators.services import Source, TargetInput, ValueInput, set_targets, store_values


@pytest.fixture
def admin_client(client, city, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = User.objects.create_user(
        "root", password="x", role=Role.ADMIN, is_superuser=True, is_staff=True
    )
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", ["indicator", "peergroup", "target", "indicatorvalue"])
def test_each_list_opens(admin_client, model):
    assert admin_client.get(f"/admin/indicators/{model}/").status_code == 200


@pytest.mark.parametrize("model", ["indicator", "peergroup", "target"])
def test_catalogue_groups_and_targets_can_be_added(admin_client, model):
    assert admin_client.get(f"/admin/indicators/{model}/add/").status_code == 200


def test_a_stored_figure_shows_its_history_but_cannot_be_edited(admin_client, city, wuzhi):
    fai = Indicator.objects.get(city=city, name="固定资产投资")
    store_values(fai, 2025, 6, [ValueInput(wuzhi, D("61.2"))], source=Source.IMPORT, user=None)
    value = fai.values.get()
    page = admin_client.get(f"/admin/indicators/indicatorvalue/{value.pk}/change/")
    assert page.status_code == 200
    assert "61.2" in page.content.decode() and "表格导入" in page.content.decode()
    assert admin_client.get("/admin/indicators/indicatorvalue/add/").status_code == 403
    edit = {"indicator": fai.pk, "region": wuzhi.pk, "year": 2025, "month": 6, "value": "99"}
    answer = admin_client.post(f"/admin/indicators/indicatorvalue/{value.pk}/change/", edit)
    assert answer.status_code == 403
    value.refresh_from_db()
    assert value.value == D("61.2")


def test_a_targets_history_shows_in_the_admin(admin_client, city, wuzhi):
    poverty = Indicator.objects.get(city=city, name="脱贫人口")
    set_targets(poverty, 2025, [TargetInput(wuzhi, amount=D("7.38"))])
    [target] = set_targets(poverty, 2025, [TargetInput(wuzhi, amount=D("8.1"))])
    page = admin_client.get(f"/admin/indicators/target/{target.pk}/change/").content.decode()
    assert "目标修改记录" in page and "7.38" in page and "目标设定" in page
