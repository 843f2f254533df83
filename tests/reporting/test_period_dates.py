"""Opening a month says its deadline as the period's page does: 2025年6月5日, one formatter
(`documents.official.chinese_date`), not 2025年06月05日 beside it (tryout 21 (15))."""

from django.urls import reverse


def test_opening_a_month_says_its_deadline_as_its_page_does(client, world):
    client.force_login(world.users["city"])
    form = {"year": 2025, "month": 5, "deadline": "2025-06-05"}

    page = client.post(reverse("period_list"), form, follow=True).content.decode()

    assert "已开启2025年5月填报期，截止2025年6月5日" in page
    assert "报送截止：2025年6月5日" in page
    assert "06月05日" not in page
