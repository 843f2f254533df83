"""The national industrial classification (国民经济行业分类, GB/T 4754—2017): its 门类 (sections,
A–T) and 大类 (divisions, 01–97), shipped in data/gbt4754-2017.csv with their source.

A sheet's 行业 cell is read by `find_industry`: a code ("C39", "39", "C") or a name, as the
standard writes it; anything else (a city's own words, 电子信息) is no industry of the standard.
"""

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from guanmo.regions.names import clean_text, nearest

DATA_FILE = "gbt4754-2017.csv"
STANDARD = "GB/T 4754—2017"
_CODED = re.compile(r"^([A-Ta-t])?(\d{2})?(\d{1,2})?")


@dataclass(frozen=True)
class Industry:
    code: str  # "C" for a section, "39" for a division
    name: str
    section: str  # the section's letter; its own for a section

    @property
    def is_section(self) -> bool:
        return self.code.isalpha()

    @property
    def label(self) -> str:
        """As tables print it: "C39 计算机、通信和其他电子设备制造业", "C 制造业"."""
        prefix = self.code if self.is_section else f"{self.section}{self.code}"
        return f"{prefix} {self.name}"


@cache
def industries() -> dict[str, Industry]:
    """Every section and division of the standard, by code, in the standard's order."""
    text = resources.files("guanmo.attraction").joinpath("data", DATA_FILE).read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    found = {}
    for row in rows:
        section = row["section"] or row["code"]
        found[row["code"]] = Industry(row["code"], row["name"], section)
    return found


def section_of(code: str) -> Industry:
    """The section (门类) of a section's or division's code; KeyError for an unknown code."""
    return industries()[industries()[code].section]


@cache
def _by_name() -> dict[str, Industry]:
    return {clean_text(industry.name): industry for industry in industries().values()}


def find_industry(text: object) -> Industry | None:
    """The section or division a cell names: its code with or without the section's letter
    ("C39", "39", "c39", "C"), its name ("计算机、通信和其他电子设备制造业"), or both
    ("C39 计算机、通信…", "39-计算机…"); a 中类 or 小类 code (3911) is read as its division (39).
    None when the cell names none, or its code and name disagree."""
    wanted = clean_text(text)
    if not wanted:
        return None
    by_name = _by_name().get(wanted)
    if by_name is not None:
        return by_name
    match = _CODED.match(wanted)
    letter, digits = (match.group(1) or "").upper(), match.group(2) or ""
    rest = wanted[match.end() :].lstrip("-.、:：·") if (letter or digits) else wanted
    code = digits or letter
    found = industries().get(code) if code else None
    if found is None or (letter and found.section != letter):
        return None
    if rest and _by_name().get(rest) != found:
        return None
    return found


def industry_named(text: object) -> Industry:
    """The section or division `text` names (`find_industry`: "C", "C36", "36", "制造业",
    "C 制造业"; a 小类 as its division); ValueError naming the nearest sections and divisions
    for any other text, so a report is never narrowed to an industry no lead can have."""
    found = find_industry(text)
    if found is not None:
        return found
    wanted = clean_text(text)
    labels = {industry.name: industry.label for industry in industries().values()}
    near = [labels[name] for name in nearest(wanted, list(labels))]
    hint = f"，是否指：{'、'.join(near)}" if near else ""
    raise ValueError(
        f"“{wanted}”不是国民经济行业分类（{STANDARD}）的门类或大类{hint}"
        "（可写代码如 C、C36，名称如 制造业，或 “C 制造业”）"
    )


def in_industry(code: str, picked: Industry) -> bool:
    """Whether a lead's industry (a section's or division's code) lies in `picked`: a section
    takes its divisions, a division itself (its 小类 are read as it, `find_industry`)."""
    if code not in industries():
        return False
    return industries()[code].section == picked.code if picked.is_section else code == picked.code
