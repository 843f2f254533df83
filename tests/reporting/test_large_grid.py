"""A county with hundreds of key projects can save its grid: four fields a project would pass
Django's default limit of 1000 fields at 250 projects."""

from django.urls import reverse


def test_a_grid_of_more_than_a_thousand_fields_is_saved_not_refused(client, world, wuzhi_report):
    client.force_login(world.users["wuzhi"])
    url = reverse("report_grid", args=[wuzhi_report.pk])
    # What a county with 400 projects posts: its own lines plus 1600 fields of the others
    # (unknown project ids are ignored by the grid, as lines of another county would be).
    fields = {f"{kind}-{9_000_000 + n}": "" for n in range(400) for kind in "ckvp"}
    fields.update(version=str(wuzhi_report.version), action="save")
    response = client.post(url, fields)
    assert response.status_code in (200, 302)
