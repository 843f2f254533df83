"""A regions sheet's totals row (全市, 全省, 合计, 总计; 小计 is never a region): the one rule every
indicators reader uses, `import-indicators` and `import-targets` alike (issue 9 §4, tryout 9).

- A row naming a whole (全市 the top, 全省 its province, or the name of the members' common
  parent written among them: 河南省 over its cities) is that region's stated figure, whatever the
  sheet lists; it is never a member.
- A 合计/总计 row stands for the members' common parent only when the sheet lists every unit of
  that parent (the top's units, a province's cities per GB/T 2260 with 济源, a city's counties);
  a 合计 of some of them is only compared and never stored, with a note.
- An amount total is checked against the sum of its members' amounts when they are all it
  totals, rounded as the total was typed (`sheets.totals.sums_to`, the ledger's rule too): a
  disagreement is reported naming the cell and the sum; a stated whole is kept as
  reported (a city's GDP is its own accounting). A growth rate cannot be checked by summing: a
  stored total's growth is the sheet's stated figure, said in a note.
"""

from collections.abc import Sequence
from decimal import Decimal

from guanmo.regions.models import Region
from guanmo.regions.names import clean_text, whole
from guanmo.regions.services import cities_of, counties_of, units_of
from guanmo.sheets.cells import format_wan
from guanmo.sheets.totals import TOTAL_WORDS, block_sum, sums_to


def whole_of(label: str, top: Region, members: Sequence[Region]) -> tuple[Region | None, str]:
    """The region a totals row labelled `label` stands for among `members` (the sheet's other
    regions) with `top` the installation's city or county, and a note to report ("" for none):
    None where no region stands behind it (a 合计 of some units, of 同类县 across cities)."""
    word = clean_text(label)
    if word.startswith(whole(top.name)):
        return top, ""
    if word.startswith("全省"):
        node = top.parent
        while node is not None and node.kind != Region.Kind.PROVINCE:
            node = node.parent
        return node, ""
    if not word.startswith(TOTAL_WORDS):
        return None, ""
    parents = {member.parent_id for member in members}
    if len(parents) != 1 or None in parents:
        return None, ""
    parent = members[0].parent
    named = whole(top.name) if parent == top else parent.name
    if lists_every_unit(parent, top, members):
        return parent, f"含{named}全部{len(members)}个地区，作为{named}数据保存"
    return None, f"：合计行只含本表所列{len(members)}个地区，未作为{named}数据"


def lists_every_unit(whole_region: Region, top: Region, members: Sequence[Region]) -> bool:
    """Whether `members` hold every unit of `whole_region` (`_every_unit`): only then is its
    figure checked against their sum."""
    every = _every_unit(whole_region, top)
    return bool(every) and every <= {member.code for member in members}


def _every_unit(parent: Region, top: Region) -> set[str]:
    """The codes of every unit of `parent`: the top's own units; a province's cities and a
    city's counties per GB/T 2260 (`cities_of`, `counties_of`); empty when not known."""
    if parent == top:
        return {unit.code for unit in units_of(top)}
    if parent.kind == Region.Kind.PROVINCE:
        return {division.code for division in cities_of(parent.code)}
    if parent.kind == Region.Kind.CITY:
        return {division.code for division in counties_of(parent.code)}
    return set()


def parent_named_among(regions: dict[int, Region]) -> set[int]:
    """The keys of `regions` that are the common parent of all the others (焦作市 over its
    counties, 河南省 over its cities): a total written by name, never a member."""
    found = set()
    for key, region in regions.items():
        others = [other for other_key, other in regions.items() if other_key != key]
        if others and all(other.parent_id == region.pk for other in others):
            found.add(key)
    return found


def total_notes(
    place: str,
    name: str,
    unit: str,
    *,
    given: Decimal | None,
    growth: Decimal | None,
    members: Sequence[Decimal | None],
    stored_as: Region | None,
    summable: bool,
    complete: bool,
    inferred: bool = True,
    cells: tuple[str, str] = ("", ""),
) -> list[str]:
    """What to say of a totals row's figures of one indicator: `place` names the row (工作表「…」
    第N行“合计”), `name` and `unit` the indicator, `given` its amount and `growth` its growth,
    `members` the amounts of the rows it totals (checked only when every one is given and the
    indicator's amounts sum: `summable`), `stored_as` the region it is kept for (None: only
    compared); `complete` when the members are all it totals (a 合计 only compared, or a whole
    whose every unit is listed: `lists_every_unit`); `inferred` when that region was inferred
    from the members (a 合计 row, a name among them), so a growth kept for it is said; 全市/全省
    state their region themselves; `cells` the addresses of the amount and the growth ("B21"),
    named in the notes."""
    notes = []
    amount_at, growth_at = (f"（单元格{cell}）" if cell else "" for cell in cells)
    known = [each for each in members if each is not None]
    if complete and summable and given is not None and known and len(known) == len(members):
        summed = block_sum(known)
        if not sums_to(given, summed):
            notes.append(
                f"{place}“{name}”{amount_at}{format_wan(given)}{unit}，各地区之和{format_wan(summed)}{unit}，"
                + ("按报送数保存" if stored_as is not None else "仅供核对，未保存")
            )
    if growth is not None and stored_as is not None and inferred:
        notes.append(
            f"{place}“{name}”{growth_at}增速{format_wan(growth)}%不能由各地区数相加核对，"
            f"按表中所报作为{stored_as.name}数据保存"
        )
    return notes
