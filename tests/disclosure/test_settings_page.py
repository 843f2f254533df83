"""The city office chooses which optional fields are public; its choice applies at once."""

from django.urls import reverse

from guanmo.accounts.models import User
from guanmo.disclosure.models import DisclosureSettings

CITY = "410800"


def test_publishing_commissioner_phones_shows_them_at_once(client, public_world):
    User.objects.filter(pk=public_world.users["commissioner"].pk).update(phone="13900001111")
    public = reverse("public_projects", args=[CITY])
    assert "13900001111" not in client.get(public).content.decode()  # cached from here on

    client.force_login(public_world.users["city"])
    page = client.get(reverse("disclosure_settings"))
    assert "公开驻工地专员电话" in page.content.decode()
    response = client.post(
        reverse("disclosure_settings"),
        {"show_commissioner_phone": "on", "show_visible_progress": "on"},
    )
    assert response.status_code == 302
    options = DisclosureSettings.objects.get(city=public_world.city)
    assert options.show_commissioner_phone and not options.show_location
    assert options.updated_by == public_world.users["city"]

    client.logout()
    text = client.get(public).content.decode()
    assert "13900001111" in text
    assert "建设地点" not in client.get(reverse("public_csv", args=[CITY])).content.decode()
    points = client.get(reverse("public_map_points", args=[CITY])).json()
    assert points["features"] == []


def test_only_the_city_office_changes_them(client, public_world):
    for role in ("wuzhi", "leader", "commissioner", "department"):
        client.force_login(public_world.users[role])
        assert client.get(reverse("disclosure_settings")).status_code == 403
        response = client.post(reverse("disclosure_settings"), {"show_problems": "on"})
        assert response.status_code == 403
    assert not DisclosureSettings.objects.exists()


def test_a_change_in_the_admin_also_applies_at_once(client, public_world):
    assert "主体施工" in client.get(reverse("public_json", args=[CITY])).content.decode()
    client.force_login(public_world.users["admin"])
    response = client.post(
        reverse("admin:disclosure_disclosuresettings_add"),
        {"city": public_world.city.pk, "show_total_investment": "on"},
    )
    assert response.status_code == 302
    client.logout()
    assert "主体施工" not in client.get(reverse("public_json", args=[CITY])).content.decode()
