"""Charts print (issue 12): ECharts draws on a canvas sized for the screen and redraws it a frame
after any resize, which printing does not wait for, so 指标调度's and the dashboard's charts came
out blank on paper once the page was laid out at the paper's width. Printed as a browser prints
(print media, the page laid out at A4's width, then Chromium's own PDF), each chart is a picture
with its drawing, within the page's width."""

import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from PIL import Image
from playwright.sync_api import Page

from tests.browser.pages import log_in
from tests.indicators.pages import indicator_city
from tests.world import YEAR

# The A4 text width at the print stylesheet's margins (210 − 2 × 12 mm), in inches and pixels.
A4_TEXT_INCHES = (210 - 24) / 25.4
A4_WIDTH = round(A4_TEXT_INCHES * 96)
# A drawn chart: bars, axes and labels cover more than this share of its picture (a blank
# canvas prints as white, a canvas cleared for a redraw as nothing).
DRAWN_SHARE = 0.02
CHARTS = {
    "指标调度": (f"?year={YEAR}&month=5", ["growth-chart", "target-chart"]),
    "看板": ("", ["ranking-chart", "monthly-chart"]),
}
# In the page: each chart's printed face, and how much of its picture is drawn (not white).
PICTURES_MADE = "(ids) => ids.every((id) => document.querySelector(`#${id} img.chart-print`))"

PRINTED = """(ids) => ids.map((id) => {
  const chart = document.getElementById(id);
  const picture = chart.querySelector("img.chart-print");
  const canvas = chart.querySelector("canvas");
  if (!picture) return { id, picture: false, canvasShown: canvas.getClientRects().length > 0 };
  const copy = document.createElement("canvas");
  copy.width = picture.naturalWidth;
  copy.height = picture.naturalHeight;
  const context = copy.getContext("2d");
  context.drawImage(picture, 0, 0);
  const pixels = context.getImageData(0, 0, copy.width, copy.height).data;
  let drawn = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] > 0 && Math.min(pixels[i], pixels[i + 1], pixels[i + 2]) < 200) drawn += 1;
  }
  const box = picture.getBoundingClientRect();
  return { id, picture: true, canvasShown: canvas.getClientRects().length > 0,
    shown: box.width > 0 && box.height > 0, right: box.right,
    drawn: drawn / (pixels.length / 4) };
})"""


@pytest.fixture
def figures(transactional_db, world):
    return indicator_city(world)


def test_the_indicator_board_and_dashboard_charts_print_drawn_within_the_page(
    live_server, desktop, figures, tmp_path
):
    page = log_in(desktop, live_server.url, "shixmb")
    urls = {"指标调度": reverse("indicator_board"), "看板": reverse("dashboard")}
    for name, (query, charts) in CHARTS.items():
        page.emulate_media(media="screen")
        page.set_viewport_size({"width": 1366, "height": 900})
        page.goto(live_server.url + urls[name] + query)
        for chart in charts:
            page.locator(f"#{chart} canvas").first.wait_for(state="attached")

        page.emulate_media(media="print")
        page.set_viewport_size({"width": A4_WIDTH, "height": 1100})  # as printing lays it out
        # The print media's change event comes on a later frame: wait for it, not for a time.
        page.wait_for_function(PICTURES_MADE, arg=charts)
        for face in page.evaluate(PRINTED, charts):
            assert face["picture"], f"{name}：{face['id']}打印时没有图片"
            assert not face["canvasShown"], f"{name}：{face['id']}打印时仍显示画布"
            assert face["shown"] and face["right"] <= A4_WIDTH + 1, f"{name}：{face}"
            assert face["drawn"] > DRAWN_SHARE, f"{name}：{face['id']}的图片是空白的"

        pictures = _pdf_pictures(page, tmp_path / name)
        drawn = [p for p in pictures if p["share"] > DRAWN_SHARE]
        assert len(drawn) >= len(charts), f"{name}的PDF中有图的图表：{pictures}"
        assert all(p["inches"] <= A4_TEXT_INCHES + 0.05 for p in drawn), pictures


def _pdf_pictures(page: Page, folder: Path) -> list[dict]:
    """The pictures of the page's PDF (A4, poppler's pdfimages): each one's printed width in
    inches and the share of its pixels drawn (not white once laid on white paper through its
    soft mask, the transparency a canvas prints with)."""
    folder.mkdir()
    pdf = folder / "page.pdf"
    pdf.write_bytes(page.pdf(format="A4", prefer_css_page_size=True, print_background=True))
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    subprocess.run(["pdfimages", "-png", str(pdf), str(folder / "picture")], check=True)
    files = sorted(folder.glob("picture-*.png"))
    rows = [row.split() for row in listing]
    found = []
    for at, (columns, path) in enumerate(zip(rows, files, strict=True)):
        if columns[2] != "image":
            continue
        follows = at + 1 < len(rows) and rows[at + 1][2] == "smask"
        mask = files[at + 1] if follows else None
        found.append({"inches": int(columns[3]) / int(columns[12]), "share": _drawn(path, mask)})
    return found


def _drawn(path: Path, mask: Path | None) -> float:
    """The share of the picture's pixels that are dark once it is laid on white paper."""
    with Image.open(path) as picture:
        paper = Image.new("RGB", picture.size, "white")
        if mask is None:
            paper.paste(picture.convert("RGB"))
        else:
            with Image.open(mask) as alpha:
                paper.paste(picture.convert("RGB"), mask=alpha.convert("L"))
    shades = paper.convert("L").histogram()  # pixels per grey level, 0 black to 255 white
    return sum(shades[:200]) / sum(shades)
