"""Figures as pages show them, through guanmo.figures.formatting like bulletins and exports."""

import re
from datetime import date, datetime
from decimal import Decimal

from django import template
from django.utils.timezone import is_aware, localtime

from guanmo.accounts.models import Role
from guanmo.documents.official import chinese_date, chinese_time
from guanmo.figures import formatting
from guanmo.regions import names
from guanmo.regions import services as region_services
from guanmo.regions.names import with_unit
from guanmo.sheets.cells import format_wan

register = template.Library()
_CJK = re.compile(r"[\u4e00-\u9fff]")


@register.filter
def plain(amount: Decimal | None) -> str:
    """An amount as an input's value or a machine reads it (1200, 12.5); blank for none.

    Not for display: pages show money with `wan`.
    """
    return "" if amount is None else format_wan(amount)


@register.filter
def wan(amount: Decimal | None) -> str:
    """An amount in 万元 for a table cell whose header says 万元: 1,200.00; — for none."""
    return formatting.money_wan(amount)


@register.filter
def wan_text(amount: Decimal | None) -> str:
    """An amount in 万元 with its unit: 1,200.00万元; — for none."""
    return formatting.money_wan_text(amount)


@register.filter
def yi(amount: Decimal | None) -> str:
    """An amount in 万元 written in 亿元 with its unit, for totals: 67.29亿元; — for none."""
    return formatting.money_yi(amount)


@register.filter
def percent(rate: Decimal | None) -> str:
    """A percentage as the bulletin prints it (one decimal, half up): 37.8%; — for none."""
    return formatting.rate(rate)


@register.filter
def points(difference: Decimal | None) -> str:
    """A difference of two percentages for a column headed （个百分点）: +4.5; — for none."""
    return formatting.points(difference)


@register.filter
def points_text(difference: Decimal | None) -> str:
    """A difference of two percentages with its unit: +4.5个百分点; — for none."""
    return formatting.points_text(difference)


@register.filter
def chinese_reason(message: object) -> str:
    """An error's message when it is one of Guanmo's Chinese messages, else "".

    Django's own (such as "No Project matches the given query.") are not for users.
    """
    text = str(message or "")
    return text if _CJK.search(text) else ""


@register.filter
def with_county(project) -> str:
    """A project named after the unit it counts for, the region said once.

    温县·太极文化产业园; a city-level project as the dashboard says it: 市本级·南水北调配套工程,
    焦作市城市快速路 (`regions.names.with_unit`, the one rule)."""
    return with_unit(
        project.county.name, project.name, is_city=project.is_city_level, separator="·"
    )


@register.filter
def get(mapping: dict, key: object) -> object:
    return mapping.get(key) if mapping else None


@register.filter
def whole(top) -> str:
    """How the page says the whole of the installation's top (a Region): 全市, 全县."""
    return names.whole(top.name) if top is not None else ""


@register.filter
def office(top) -> str:
    """The installation's project office (top a Region): 市项目办, 县项目办."""
    return names.office(top.name) if top is not None else ""


@register.filter
def unit_word(top) -> str:
    """One of the installation's units in short (top a Region): 县区, 乡镇."""
    return region_services.unit_word(top) if top is not None else ""


@register.filter
def role_label(user, top) -> str:
    """A user's role as the header says it: the top's project office in its own words (县项目办
    in a county install), every other role as named."""
    if top is not None and user.role == Role.CITY_OFFICE:
        return names.office(top.name)
    return user.get_role_display()


@register.filter
def own_level(top) -> str:
    """How the page names the top's own projects: 市本级, 县本级."""
    return names.own_level(top.name) if top is not None else ""


@register.filter(name="chinese_date")
def chinese_date_filter(day: date | datetime | None) -> str:
    """A date as every page says it, 2025年5月25日 (`documents.official.chinese_date`), a stored
    moment by its day in the city's local time; "" for none, so that `|default:"—"` shows its
    absence."""
    if isinstance(day, datetime):
        day = localtime(day).date() if is_aware(day) else day.date()
    return "" if day is None else chinese_date(day)


@register.filter(name="chinese_time")
def chinese_time_filter(moment: datetime | None) -> str:
    """A stored moment as every history row says it, 2025年5月25日 14:30
    (`documents.official.chinese_time`); "" for none."""
    return "" if moment is None else chinese_time(moment)
