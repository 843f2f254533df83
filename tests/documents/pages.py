"""A PDF's pages as images and text (poppler's pdftoppm and pdftotext), and what GB/T 9704
asks of them: the red mark at the head of the first page, nothing printed outside the text
area but the page number, the page number on the outside edge."""

import re
import subprocess
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

DPI = 50
MM = DPI / 25.4  # pixels to the millimetre
# The text area: 28 mm from the left, 37 mm from the top, 156 × 225 mm.
LEFT, TOP, WIDTH, HEIGHT = 28, 37, 156, 225
# The page number sits in the band below the text area.
FOOTER_TOP, FOOTER_BOTTOM = TOP + HEIGHT, 297 - 10
SLACK_MM = 1.5  # rules and antialiasing may spill this far
POINT_MM = 25.4 / 72


@dataclass(frozen=True)
class Word:
    """A word as pdftotext -bbox places it, in millimetres from the page's top left corner."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


@dataclass
class Page:
    number: int
    image: Image.Image
    text: str
    words: list[Word] = field(default_factory=list)

    def line_with(self, text: str) -> list[Word]:
        """The words of the printed line holding `text` (words sharing its baseline)."""
        found = [word for word in self.words if text in word.text]
        assert found, f"第{self.number}页没有“{text}”"
        bottom = found[0].bottom
        return [word for word in self.words if abs(word.bottom - bottom) < 1]

    def rule_across(self, top_mm: float, bottom_mm: float) -> float:
        """The length in millimetres of the dark horizontal ink between two heights."""
        ink = self.ink((0, top_mm, 210, bottom_mm))
        return (max(x for x, _ in ink) - min(x for x, _ in ink)) / MM if ink else 0.0

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
        text = page_text(path, number, "-layout")
        pages.append(Page(number, Image.open(image), text, _words(path, number)))
    return pages


def page_text(path: Path, number: int, *options: str) -> str:
    """Page `number`'s text as pdftotext gives it with `options` (-layout, -bbox…)."""
    return subprocess.run(
        ["pdftotext", *options, "-f", str(number), "-l", str(number), str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _words(path: Path, number: int) -> list[Word]:
    """pdftotext -bbox's words of one page (its output is XHTML, positions in points)."""
    output = page_text(path, number, "-bbox")
    return [
        Word(
            element.text or "",
            *(float(element.get(key)) * POINT_MM for key in ("xMin", "yMin", "xMax", "yMax")),
        )
        for element in ElementTree.fromstring(output).iter("{http://www.w3.org/1999/xhtml}word")
    ]


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
