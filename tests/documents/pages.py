"""A PDF's pages as images and text (poppler's pdftoppm and pdftotext), and what GB/T 9704
asks of them: the red mark at the head of the first page, nothing printed outside the text
area but the page number, the page number on the outside edge."""

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

DPI = 50
MM = DPI / 25.4  # pixels to the millimetre
# The text area: 28 mm from the left, 37 mm from the top, 156 × 225 mm.
LEFT, TOP, WIDTH, HEIGHT = 28, 37, 156, 225
# The page number sits in the band below the text area.
FOOTER_TOP, FOOTER_BOTTOM = TOP + HEIGHT, 297 - 10
SLACK_MM = 1.5  # rules and antialiasing may spill this far


@dataclass
class Page:
    number: int
    image: Image.Image
    text: str

    def pixels(self, test, box_mm):
        """Pixels in a box (left, top, right, bottom, in millimetres) that pass `test`."""
        left, top, right, bottom = (round(v * MM) for v in box_mm)
        rgb = self.image.convert("RGB")
        width, height = rgb.size
        data = rgb.load()
        return [
            (x, y)
            for y in range(max(top, 0), min(bottom, height))
            for x in range(max(left, 0), min(right, width))
            if test(data[x, y])
        ]

    def red(self, box_mm):
        return self.pixels(lambda p: p[0] > 200 and p[1] < 90 and p[2] < 90, box_mm)

    def ink(self, box_mm):
        return self.pixels(lambda p: sum(p) < 500, box_mm)

    def ink_outside_text_area(self):
        """Ink in the margins, leaving out the band where the page number stands."""
        s = SLACK_MM
        margins = [
            (0, 0, 210, TOP - s),  # above
            (0, 0, LEFT - s, 297),  # left
            (LEFT + WIDTH + s, 0, 210, 297),  # right
            (0, FOOTER_BOTTOM, 210, 297),  # below the page number
        ]
        return [pixel for box in margins for pixel in self.ink(box)]

    def page_number_side(self) -> str:
        """Which half of the footer band the page number is printed in."""
        band = self.ink((0, FOOTER_TOP + 1, 210, FOOTER_BOTTOM))
        assert band, f"第{self.number}页没有页码"
        middle = 105 * MM
        xs = [x for x, _ in band]
        if min(xs) > middle:
            return "right"
        if max(xs) < middle:
            return "left"
        return "centre"

    def shows_page_number(self) -> bool:
        return re.search(rf"—\s*{self.number}\s*—", self.text) is not None


def pdf_pages(pdf: bytes, folder: Path) -> list[Page]:
    path = folder / "document.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-png", str(path), str(folder / "page")], check=True
    )
    images = sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[1]))
    pages = []
    for number, image in enumerate(images, start=1):
        pages.append(Page(number, Image.open(image), page_text(path, number, "-layout")))
    return pages


def page_text(path: Path, number: int, *options: str) -> str:
    """Page `number`'s text as pdftotext gives it with `options` (-layout, -bbox…)."""
    return subprocess.run(
        ["pdftotext", *options, "-f", str(number), "-l", str(number), str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def assert_official_pages(pages: list[Page], number: str) -> None:
    """The red mark in the head of page 1, the 发文字号 under it, every page numbered on its
    outside edge, and nothing printed outside the text area."""
    first = pages[0]
    assert len(first.red((LEFT, TOP, LEFT + WIDTH, TOP + 60))) > 200, "首页版头没有红色发文机关标志"
    # The red separator line runs across the text area below the number.
    line = first.red((LEFT, TOP + 60, LEFT + WIDTH, TOP + 110))
    assert max(x for x, _ in line) - min(x for x, _ in line) > 150 * MM, "没有红色分隔线"
    assert number in re.sub(r"\s+", "", first.text), f"首页没有发文字号{number}"
    for page in pages:
        assert page.shows_page_number(), f"第{page.number}页没有页码"
        assert page.page_number_side() == ("right" if page.number % 2 else "left")
        assert not page.ink_outside_text_area(), f"第{page.number}页有内容超出版心"
