"""Writing indicators, peer groups and values: the operations the import, the pages and the
demo call (issue 12). Reads for the arithmetic are in `selectors`."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from guanmo import clock
from guanmo.accounts.models import Department, User
from guanmo.figures.breakdown import (
    break_down,
    break_down_by_hand,
    equal_weights,
    seasonal_weights,
)
from guanmo.figures.formatting import kept_figure
from guanmo.indicators.arithmetic import check_period
from guanmo.indicators.catalogue import CATALOGUE, Entry
from guanmo.indicators.choices import Frequency, Profile
from guanmo.indicators.models import (
    MAX_PLACES,
    Indicator,
    IndicatorValue,
    PeerGroup,
    Target,
    TargetChange,
    TargetNode,
    ValueChange,
)
from guanmo.indicators.selectors import last_year_cumulative
from guanmo.regions.models import Region
from guanmo.regions.services import level_character, units_of, units_word, whole_word
from guanmo.reporting.models import ImportRecord
from guanmo.sheets.cells import decimal_places


class Source:
    """Where an indicator figure came from, as its history shows it."""

    IMPORT = "表格导入"
    ENTRY = "部门填报"
    APPROVAL = "审核通过"
    DEMO = "演示数据"
    TARGETS = "目标设定"  # the city office's targets page


@transaction.atomic
def install_indicator_catalogue(
    city: Region, entries: Iterable[Entry] = CATALOGUE
) -> list[Indicator]:
    """Give `city` (or a county at the top of an installation) the starting catalogue: every
    entry not yet in it by name is added after the existing ones; an indicator the city has
    already (maybe edited) is left as it is. The supplier is linked to the city's department
    of that name when there is one (no department is created). Returns the city's catalogue."""
    prefix = level_character(city)
    departments = {d.name: d for d in Department.objects.filter(city=city)}
    last = Indicator.objects.filter(city=city).order_by("-sort_order").first()
    order = last.sort_order if last else 0
    for entry in entries_to_install(city, entries):
        order += 1
        supplier = f"{prefix}{entry.supplier}" if entry.supplier else ""
        Indicator.objects.create(
            city=city,
            name=entry.name,
            unit=entry.unit,
            kind=entry.kind,
            direction=entry.direction,
            rank_by=entry.rank_by,
            frequency=entry.frequency,
            places=entry.places,
            supplier=supplier,
            department=departments.get(supplier),
            note=entry.note,
            comparable_prices=entry.comparable_prices,
            sort_order=order,
        )
    return list(Indicator.objects.filter(city=city))


def link_supplied(department: Department) -> list[Indicator]:
    """Link the indicators of `department`'s city that name it as their supplier (数据来源单位
    市财政局) and have no department yet, so that its entry form offers them (tryout 21 (5): a
    department made after the catalogue found its form empty, its indicators offered to the
    counties). Returns the indicators linked, in catalogue order."""
    linked = list(
        Indicator.objects.filter(
            city=department.city, department__isnull=True, supplier=department.name
        )
    )
    Indicator.objects.filter(pk__in=[indicator.pk for indicator in linked]).update(
        department=department
    )
    return linked


def entries_to_install(city: Region, entries: Iterable[Entry] = CATALOGUE) -> list[Entry]:
    """The `entries` `city` has no indicator of that name for, in catalogue order: what
    `install_indicator_catalogue` adds (the rest it leaves as the city has them)."""
    existing = set(Indicator.objects.filter(city=city).values_list("name", flat=True))
    return [entry for entry in entries if entry.name not in existing]


def install_city_peer_group(city: Region) -> PeerGroup:
    """The group of the top's own units, said as its whole: a city's counties, parks and zones
    (焦作市各县（市、区）, 全市), a county's towns and zones (武陟县各乡镇（街道）, 全县). Created
    once, its members completed with units added since."""
    group, _ = PeerGroup.objects.get_or_create(
        city=city,
        name=f"{city.name}{units_word(city)}",
        defaults={"short_name": whole_word(city)},
    )
    group.members.add(*units_of(city))
    return group


def install_starting_indicators(top: Region) -> list[str]:
    """What init-city and init-county install for a new top after its units, the lines they
    say: the starting catalogue (`install_indicator_catalogue`, same-named ones kept) and the
    group of its own units (`install_city_peer_group`) — a county as a city (tryout 29 item 4)."""
    indicators = install_indicator_catalogue(top)
    group = install_city_peer_group(top)
    return [
        f"指标目录：{len(indicators)} 项",
        f"默认比较组：{group.name}（简称{group.short_name}，{group.members.count()}个成员），"
        "导入指标表和生成指标报告时未指定 --group 即用此组",
    ]


@dataclass(frozen=True)
class ValueInput:
    """A region's figures as read from a sheet or a form; None means "not given", never zero.
    `where` is the place they were read at, for messages (工作表「月报」第5行)."""

    region: Region
    value: Decimal | None
    last_year: Decimal | None = None
    reported_growth: Decimal | None = None
    reported_rank: int | None = None
    where: str = ""

    def named(self, indicator: Indicator) -> str:
        """Where the figures stand, as messages name them: 工作表「月报」第5行“温县”“GDP”."""
        return f"{self.where}“{self.region.name}”“{indicator.name}”"


_FIELDS = {
    "value": "value",
    "last_year": "last_year_value",
    "reported_growth": "reported_growth",
    "reported_rank": "reported_rank",
}
_STAMPS = ("updated_at", "updated_by", "import_record")


def _shown(value: object) -> str:
    """A figure as the history shows it: its digits without trailing zeros; "" for none."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def _listed(indicator: Indicator, given: str, *figures: object) -> list[str]:
    """Figures of field `given` as an import lists them changed: an amount to at least the
    indicator's places, a growth to one decimal (never rounded: `formatting.kept_figure`), a
    rank as is; "" for none (tryout 29 item 8: 同比增长：10 → 11.9)."""
    places = {"value": indicator.places, "last_year": indicator.places, "reported_growth": 1}
    if given not in places:
        return [_shown(figure) for figure in figures]
    return [
        kept_figure(figure, places[given]) if isinstance(figure, Decimal) else _shown(figure)
        for figure in figures
    ]


def _unkeepable(item: ValueInput) -> list[str]:
    """Why figures of `item` cannot be kept exactly: more decimals or digits than their column
    holds (saving would round them silently), a rank below 1."""
    faults = []
    for given, attribute in _FIELDS.items():
        figure = getattr(item, given)
        field = IndicatorValue._meta.get_field(attribute)
        label = field.verbose_name
        if figure is None:
            continue
        if given == "reported_rank":
            if figure < 1:
                faults.append(f"{label}应为正整数，而不是{figure}")
            continue
        if not figure.is_finite():
            faults.append(f"{label}不是数值")
            continue
        _, digits, exponent = figure.normalize().as_tuple()
        places, whole = max(0, -exponent), len(digits) + exponent
        if places > field.decimal_places:
            faults.append(f"{label}{_shown(figure)}超过{field.decimal_places}位小数")
        elif whole > field.max_digits - field.decimal_places:
            faults.append(
                f"{label}{_shown(figure)}超出可保存的范围（整数部分至多"
                f"{field.max_digits - field.decimal_places}位）"
            )
    return faults


@dataclass
class StoreResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    changes: int = 0
    # each figure changed on a row stored before: (region, field's label, old, new), as the
    # history shows them ("" for none); what an import's report lists (tryout 18 (3))
    changed: list[tuple[Region, str, str, str]] = field(default_factory=list)


@transaction.atomic
def store_values(
    indicator: Indicator,
    year: int,
    month: int,
    inputs: Sequence[ValueInput],
    *,
    source: str,
    user: User | None,
    import_record: ImportRecord | None = None,
    reason: str = "",
) -> StoreResult:
    """Store each region's figures for the indicator and period, all or nothing, recording
    every changed figure (`ValueChange`). A figure given as None is not given: it never blanks
    a stored one. Raises ValidationError (in Chinese, each message naming the row or region and
    the indicator) for a month the indicator has no figure in, a region given twice, a new
    region given neither its value nor its growth, a figure the database cannot keep exactly
    (too many decimals or digits) or a rank below 1."""
    try:
        check_period(month, Frequency(indicator.frequency))
    except ValueError as error:
        raise ValidationError(f"“{indicator.name}”：{error}") from error
    regions = [item.region.pk for item in inputs]
    faults = [
        f"{item.named(indicator)}填报了两次"
        for index, item in enumerate(inputs)
        if item.region.pk in regions[:index]
    ]
    stored = {
        value.region_id: value
        for value in IndicatorValue.objects.select_for_update().filter(
            indicator=indicator, year=year, month=month, region_id__in=regions
        )
    }
    for item in inputs:
        if item.value is None and item.reported_growth is None and item.region.pk not in stored:
            faults.append(f"{item.named(indicator)}既无本期数值也无增速")
        faults += [f"{item.named(indicator)}{fault}" for fault in _unkeepable(item)]
    if faults:
        raise ValidationError(faults)
    result = StoreResult()
    changes, new_rows, changed_rows = [], [], []
    for item in inputs:
        row = stored.get(item.region.pk)
        created = row is None
        if row is None:
            row = IndicatorValue(indicator=indicator, region=item.region, year=year, month=month)
        changed = []
        for given, attribute in _FIELDS.items():
            new = getattr(item, given)
            old = None if created else getattr(row, attribute)
            if new is None or (old is not None and old == new):
                continue
            setattr(row, attribute, new)
            label = str(IndicatorValue._meta.get_field(attribute).verbose_name)
            changed.append((label, _shown(old), _shown(new), *_listed(indicator, given, old, new)))
        if not changed:
            result.unchanged += 1
            continue
        row.updated_by = user
        row.import_record = import_record or row.import_record
        (new_rows if created else changed_rows).append(row)
        result.created += created
        result.updated += not created
        if not created:
            result.changed += [(item.region, label, *listed) for label, _, _, *listed in changed]
        changes += [
            ValueChange(
                value=row,
                indicator=indicator,
                region=item.region,
                year=year,
                month=month,
                field=label,
                old_value=old,
                new_value=new,
                source=source,
                reason=reason,
                user=user,
                import_record=import_record,
            )
            for label, old, new, *_ in changed
        ]
    # In bulk: a month's table of a province's counties is hundreds of rows (`make demo`).
    IndicatorValue.objects.bulk_create(new_rows)
    _rejoin_history(indicator, year, month, new_rows)
    now = clock.now()
    for row in changed_rows:
        row.updated_at = now  # bulk_update does not call save()
    IndicatorValue.objects.bulk_update(changed_rows, [*_FIELDS.values(), *_STAMPS])
    ValueChange.objects.bulk_create(changes)
    result.changes = len(changes)
    return result


@transaction.atomic
def _rejoin_history(
    indicator: Indicator, year: int, month: int, rows: Sequence[IndicatorValue]
) -> None:
    """A new row continues the history a value cleared away left (`clear_value`)."""
    regions = {row.region_id: row for row in rows}
    left = ValueChange.objects.filter(
        value__isnull=True, indicator=indicator, year=year, month=month, region_id__in=regions
    )
    for region_id in set(left.values_list("region_id", flat=True)):
        left.filter(region_id=region_id).update(value=regions[region_id])


def clear_value(
    indicator: Indicator,
    region: Region,
    year: int,
    month: int,
    *,
    source: str,
    user: User | None,
    reason: str = "",
) -> bool:
    """Clear a region's 本期累计值 for the period because the figure it was fed from was
    cleared where it is kept (a park's own figures: attraction.park_indicators), so the old
    value never stands. The change is recorded (`ValueChange`, old → blank); a row keeping a
    growth keeps it, a row whose value was its only figure is removed (a row holds a value or a
    growth) and its history stays under its indicator, region and period. Returns whether
    there was a value to clear."""
    row = (
        IndicatorValue.objects.select_for_update()
        .filter(indicator=indicator, region=region, year=year, month=month)
        .first()
    )
    if row is None or row.value is None:
        return False
    old = row.value
    if row.reported_growth is None:
        row.delete()
        row = None
    else:
        row.value, row.updated_by = None, user
        row.save(update_fields=["value", "updated_by", "updated_at"])
    ValueChange.objects.create(
        value=row,
        indicator=indicator,
        region=region,
        year=year,
        month=month,
        field=str(IndicatorValue._meta.get_field("value").verbose_name),
        old_value=_shown(old),
        new_value="",
        source=source,
        reason=reason,
        user=user,
    )
    return True


def add_to_peer_group(
    city: Region, name: str, regions: Iterable[Region], *, short_name: str = ""
) -> PeerGroup:
    """The city's peer group `name`, created with `short_name` when new (全省, 同类县), with
    `regions` added to its members (regions of any city or province). Raises ValidationError
    for a new group without its short name."""
    group = PeerGroup.objects.filter(city=city, name=name).first()
    if group is None:
        if not short_name:
            raise ValidationError(f"新建比较组“{name}”需要填写简称（如全省、同类县）")
        group = PeerGroup.objects.create(city=city, name=name, short_name=short_name)
    group.members.add(*regions)
    return group


@dataclass(frozen=True)
class TargetInput:
    """A region's annual target as read: an amount in the indicator's unit or a growth in %,
    and for a target broken down by hand its twelve monthly amounts."""

    region: Region
    amount: Decimal | None = None
    growth: Decimal | None = None
    profile: Profile = Profile.EQUAL
    months: Sequence[Decimal] = ()


def target_fault(indicator: Indicator, given: TargetInput, year: int | None = None) -> str | None:
    """Why the target cannot be kept (in Chinese, naming the region), or None: neither or both
    of amount and growth, a growth target broken down by hand, an amount that cannot be broken
    down exactly (hand nodes not twelve or not adding up, finer than the target's own grain:
    `Rule.target_step`), an amount finer than it can be kept (MAX_PLACES decimals); with the
    `year`, an amount to break down by last year's shape without last year's whole year
    (tryout 21 (4): kept silently, its nodes and forecast then "—")."""
    where = f"{given.region.name}“{indicator.name}”目标"
    if (given.amount is None) == (given.growth is None):
        return f"{where}应填写目标数额或目标增速，且只填一项"
    if given.amount is None:
        if given.profile == Profile.BY_HAND:
            return f"{where}是增速目标，不能手工分解"
        return None
    if decimal_places(given.amount.normalize()) > MAX_PLACES:
        return f"{where}：数额{_shown(given.amount)}超过{MAX_PLACES}位小数，无法精确保存"
    try:
        if given.profile == Profile.BY_HAND:
            break_down_by_hand(
                given.amount, list(given.months), indicator.rule.target_step(given.amount)
            )
        else:
            break_down(given.amount, equal_weights(), indicator.rule.target_step(given.amount))
    except ValueError as error:
        return f"{where}：{error}"
    if given.profile == Profile.SEASONAL and year is not None:
        shape = last_year_cumulative(Target(indicator=indicator, region=given.region, year=year))
        try:
            seasonal_weights(shape, every_month=indicator.frequency == Frequency.MONTHLY)
        except ValueError as error:
            had = "、".join(f"{month}月" for month in sorted(shape)) or "无"
            return (
                f"{where}不能按上年进度分解：{error}（上年已有累计数的月份：{had}），"
                "请先导入上年各月数据，或改用平均分解、手工分解"
            )
    return None


def _target_shown(target: Target | None) -> dict[str, str]:
    """A target's fields as its history shows them ("" for none); by-hand nodes as
    "1月1；2月1；…"."""
    if target is None:
        return dict.fromkeys(("目标数额", "目标增速（%）", "分解方式", "手工分解"), "")
    nodes = "；".join(f"{node.month}月{_shown(node.amount)}" for node in target.nodes.all())
    return {
        "目标数额": _shown(target.amount),
        "目标增速（%）": _shown(target.growth),
        "分解方式": Profile(target.profile).label,
        "手工分解": nodes,
    }


def _input_shown(given: TargetInput) -> dict[str, str]:
    """A target as read, in the fields and words of `_target_shown`."""
    by_hand = given.profile == Profile.BY_HAND
    nodes = enumerate(given.months, start=1) if by_hand else ()
    return {
        "目标数额": _shown(given.amount),
        "目标增速（%）": _shown(given.growth),
        "分解方式": Profile(given.profile).label,
        "手工分解": "；".join(f"{month}月{_shown(amount)}" for month, amount in nodes),
    }


def targets_changed(indicator: Indicator, year: int, inputs: Sequence[TargetInput]) -> list[Region]:
    """The regions whose stored target `inputs` would change (a first target changes none): those
    a change must give its reason for."""
    stored = {
        target.region_id: target
        for target in Target.objects.filter(
            indicator=indicator, year=year, region__in=[given.region for given in inputs]
        ).prefetch_related("nodes")
    }
    return [
        given.region
        for given in inputs
        if given.region.pk in stored
        and _target_shown(stored[given.region.pk]) != _input_shown(given)
    ]


@transaction.atomic
def set_targets(
    indicator: Indicator,
    year: int,
    inputs: Sequence[TargetInput],
    *,
    user: User | None = None,
    source: str = Source.TARGETS,
    reason: str = "",
) -> list[Target]:
    """Keep each region's annual target for the indicator and year (replacing the one it had),
    all or nothing, each changed field recorded in `TargetChange` (old, new, who, from where,
    why).
    Raises ValidationError listing every target that cannot be kept: neither or both of amount
    and growth, an amount negative or finer than the indicator's decimals, hand nodes that are
    not twelve or do not add up to the amount, a region given twice."""
    faults = [fault for given in inputs if (fault := target_fault(indicator, given, year))]
    regions = [given.region for given in inputs]
    faults += [
        f"{region.name}“{indicator.name}”目标填写了两次"
        for region in dict.fromkeys(regions)
        if regions.count(region) > 1
    ]
    if faults:
        raise ValidationError(faults)
    kept, changes = [], []
    for given in inputs:
        before = _target_shown(
            Target.objects.filter(indicator=indicator, region=given.region, year=year)
            .prefetch_related("nodes")
            .first()
        )
        target, _ = Target.objects.update_or_create(
            indicator=indicator,
            region=given.region,
            year=year,
            defaults={"amount": given.amount, "growth": given.growth, "profile": given.profile},
        )
        target.nodes.all().delete()
        if given.profile == Profile.BY_HAND:
            TargetNode.objects.bulk_create(
                TargetNode(target=target, month=month, amount=amount)
                for month, amount in enumerate(given.months, start=1)
            )
        after = _target_shown(Target.objects.prefetch_related("nodes").get(pk=target.pk))
        changes += [
            TargetChange(
                target=target,
                field=field,
                old_value=before[field],
                new_value=after[field],
                source=source,
                user=user,
                reason=reason,
            )
            for field in after
            if before[field] != after[field]
        ]
        kept.append(target)
    TargetChange.objects.bulk_create(changes)
    return kept
