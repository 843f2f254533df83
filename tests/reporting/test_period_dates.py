"""Opening a month says its deadline as the period's page does: 2025年6月5日, one formatter
(`documents.official.chinese_date`), not 2025年06月05日 beside it (tryout 21 (15))."""

from datetime import UTC, datetime

from django.urls import reverse

from guanmo.reporting.models import CountyReport, ReviewStep
from guanmo.reporting.services import return_report, submit_report


def test_opening_a_month_says_its_deadline_as_its_page_does(client, world):
    client.force_login(world.users["city"])
    form = {"year": 2025, "month": 5, "deadline": "2025-06-05"}

    page = client.post(reverse("period_list"), form, follow=True).content.decode()

    assert "已开启2025年5月填报期，截止2025年6月5日" in page
    assert "报送截止：2025年6月5日" in page
    assert "06月05日" not in page


def test_a_reports_moments_are_said_with_their_year(client, world, wuzhi_report):
    """The period's page and the returned grid say 2025年5月6日 09:30 (|chinese_time), not
    5月6日 09:30 without its year."""
    submit_report(wuzhi_report, user=world.users["wuzhi"], version=wuzhi_report.version)
    return_report(wuzhi_report, user=world.users["city"], reason="请补填形象进度")
    moment = datetime(2025, 5, 6, 1, 30, tzinfo=UTC)  # 09:30 in Beijing
    CountyReport.objects.filter(pk=wuzhi_report.pk).update(submitted_at=moment)
    ReviewStep.objects.update(at=moment)

    client.force_login(world.users["city"])
    period = client.get(reverse("period_detail", args=[wuzhi_report.period.pk]))
    client.force_login(world.users["wuzhi"])
    grid = client.get(reverse("report_grid", args=[wuzhi_report.pk]))

    assert "<td>2025年5月6日 09:30</td>" in period.content.decode()
    assert "，2025年5月6日 09:30）</div>" in grid.content.decode()  # the return's reason
