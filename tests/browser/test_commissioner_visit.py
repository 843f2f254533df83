"""A site commissioner logs a visit on his phone with two photos, one of them taken far from
the project; the city office finds the flagged photo in his month."""

from datetime import datetime

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.pages import log_in
from tests.commissioners.photos import FAR, NEAR, jpeg


def test_a_visit_from_the_phone_to_the_city_offices_month(
    live_server, transactional_db, phone, desktop, world, screenshot_dir
):
    base = live_server.url
    today = timezone.localdate()
    taken = datetime.combine(today, datetime.min.time()).strftime("%Y:%m:%d 08:30:00")

    page = log_in(phone, base, "zhuanyuan")
    page.goto(f"{base}/commissioners/")
    page.get_by_role("link", name="温县太极文化产业园").click()
    page.get_by_role("link", name="新增走访记录").click()
    page.get_by_label("现场情况").fill("主体结构施工至三层，现场工人约60人")
    page.get_by_label("开展工作").fill("督促施工单位加快钢筋进场")
    page.get_by_label("现场照片").set_input_files(
        [
            {
                "name": "IMG_0001.jpg",
                "mimeType": "image/jpeg",
                "buffer": jpeg(taken=taken, at=NEAR),
            },
            {"name": "IMG_0002.jpg", "mimeType": "image/jpeg", "buffer": jpeg(taken=taken, at=FAR)},
        ]
    )
    page.screenshot(path=screenshot_dir / "commissioner-visit-form-phone.png", full_page=True)
    page.get_by_role("button", name="保存走访记录").click()
    expect(page.locator(".messages")).to_contain_text("走访记录已保存，上传照片2张")
    expect(page.locator(".photo.flagged")).to_have_count(1)
    expect(page.locator(".photo.flagged")).to_contain_text("距项目超过2公里（3.4公里）")
    page.screenshot(path=screenshot_dir / "commissioner-visit-phone.png", full_page=True)

    office = log_in(desktop, base, "shixmb")
    office.goto(f"{base}/commissioners/months/?year={today.year}&month={today.month}")
    row = office.locator("#commissioner-months tbody tr", has_text="王专员")
    expect(row).to_contain_text("1")
    row.get_by_role("link", name="王专员").click()
    expect(office.locator(".headline")).to_contain_text("上传现场照片2张，其中1张需核实")
    office.screenshot(path=screenshot_dir / "commissioner-month-desktop.png", full_page=True)
