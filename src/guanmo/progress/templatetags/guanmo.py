"""Figures as pages show them, with the same formatting as messages and bulletins."""

from decimal import Decimal

from django import template

from guanmo.figures.arithmetic import format_decimal
from guanmo.sheets.cells import format_wan

register = template.Library()


@register.filter
def plain(amount: Decimal | None) -> str:
    """An amount in 万元 without trailing zeros (1200, 12.5); blank for none."""
    return "" if amount is None else format_wan(amount)


@register.filter
def percent(rate: Decimal | None) -> str:
    """A percentage as the bulletin prints it (one decimal, half up); — for none."""
    return "—" if rate is None else f"{format_decimal(rate)}%"


@register.filter
def get(mapping: dict, key: object) -> object:
    return mapping.get(key) if mapping else None
