"""The county's upload preview (tryout 20): a 本月 typed in 亿元 in a （万元） column is refused
naming the cell and the unit, and goes in only when the office ticks 确认修改 (F1); a refusal no
column mapping can cure does not advise mapping columns (F6)."""

from decimal import Decimal

from django.utils import timezone

from guanmo.ledger.services import import_progress
from guanmo.reporting.models import Period, ReportEntry
from guanmo.reporting.services import close_period
from tests.ledger.sheets import progress_xlsx
from tests.reporting.test_upload_fault_advice import MAP_ADVICE, upload
from tests.world import YEAR


def test_a_month_in_yi_is_refused_on_the_page_until_confirmed(wuzhi_client, wuzhi_report):
    """武陟县智能装备产业园's months were 100, 150, 150: 0.015 is 0.015亿元."""
    address = upload(
        wuzhi_client,
        wuzhi_report,
        [
            ["项目名称", "本月完成投资（万元）"],
            ["武陟县智能装备产业园", 0.015],
            ["武陟县冷链物流园", 35],
        ],
    )
    page = wuzhi_client.get(address)
    text = page.content.decode()
    assert page.status_code == 400
    assert (
        "工作表「Sheet1」第2行列B「本月完成投资（万元）」为0.015万元，不到本项目平常月份（已报1月、"
        "2月、3月本月完成投资中位数150万元）的百分之一，疑为以亿元填报，未导入；"
        "如确为此数，请核对后确认（勾选“确认修改”）再导入"  # the page's wording (tryout 24 F5)
    ) in text
    assert "请修改表格后重新上传。" in text and MAP_ADVICE not in text
    assert 'id="confirm-changes"' in text

    form = {"name": "武陟4月.xlsx", "version": wuzhi_report.version, "confirm_changes": "on"}
    checked = wuzhi_client.post(address, {**form, "action": "preview"})
    assert checked.status_code == 200
    assert "疑为以亿元填报；已按确认导入" in checked.content.decode()
    done = wuzhi_client.post(address, {**form, "action": "confirm"})
    assert done.status_code == 302
    entry = ReportEntry.objects.get(report=wuzhi_report, project__name="武陟县智能装备产业园")
    assert entry.completed_this_month == Decimal("0.015")


def test_a_county_that_never_reported_a_closed_month_is_told_so(world, april):
    """F9: 「本月数字以审核通过的月报为准」 was said to counties with no approved report, and the
    close date in ISO form."""
    close_period(april, user=world.users["city"])
    closed = timezone.localdate(Period.objects.get(pk=april.pk).closed_at)
    report = import_progress(
        progress_xlsx([1, "武陟县智能装备产业园", "武陟县", 300, 700, "主体完工"]),
        city=world.city,
        year=YEAR,
        month=4,
    )
    message = "\n".join(str(fault) for fault in report.faults)
    assert (
        f"武陟县的项目：2025年4月填报期已于{closed.year}年{closed.month}月{closed.day}日关闭，"
        "武陟县月报未审核通过（草稿），本月按未报送计，导入不能改动；如需补报，请在「月报审核」中"
        "重新打开武陟县2025年4月月报（须填写原因），再在月报中上传本表"
    ) in message
    assert "以审核通过的月报为准" not in message
