"""A park's own figures as the park's indicator values (issue 14, "Parks": its figures "feeding
indicators"): where the city keeps an indicator named as a park figure (attraction.parks
.PARK_FIGURES: 主营业务收入, 主导产业占比, 规上企业数, …) in a unit the figure converts into
exactly (万元 into 亿元, 人 into 万人, 平方公里 into 公顷 or 亩), saving a park's figures stores
the park's value of it for the period, with the indicator's own history
(indicators.services.store_values). A figure cleared clears the value it fed, with its history
(indicators.services.clear_value): the old value never stands. Where the indicators cannot take
it — a unit with no exact conversion, too many decimals — a note says so; a month the indicator
has no figure in (a quarterly one in May) is left out."""

from decimal import Decimal

from django.core.exceptions import ValidationError

from guanmo.accounts.models import User
from guanmo.attraction.models import ParkFigures
from guanmo.attraction.parks import PARK_FIGURES, ParkFacts
from guanmo.attraction.selectors import park_figures_facts
from guanmo.indicators.choices import Frequency
from guanmo.indicators.models import Indicator
from guanmo.indicators.selectors import has_period
from guanmo.indicators.services import ValueInput, clear_value, store_values
from guanmo.reporting.models import ImportRecord

SOURCE = "园区主要指标"  # where the indicator history says the value came from
# A figure's unit → an indicator's unit it converts into exactly, and the factor.
CONVERSIONS: dict[str, dict[str, Decimal]] = {
    "万元": {"万元": Decimal(1), "亿元": Decimal("0.0001")},
    "%": {"%": Decimal(1)},
    "家": {"家": Decimal(1), "个": Decimal(1)},
    "个": {"个": Decimal(1)},
    "人": {"人": Decimal(1), "万人": Decimal("0.0001")},
    "平方公里": {"平方公里": Decimal(1), "公顷": Decimal(100), "亩": Decimal(1500)},
}


def feed_park_indicators(
    figures: ParkFigures,
    *,
    user: User | None,
    reason: str = "",
    import_record: ImportRecord | None = None,
    before: ParkFacts | None = None,
) -> list[str]:
    """Store the park's value of each of its city's indicators named as a park figure, for the
    figures' period, from `figures` as stored (`before`: as they were before this save).
    Returns the notes (in Chinese) on the indicators it could not store. Call it inside the
    transaction that saved the figures."""
    park = figures.park
    indicators = Indicator.objects.filter(city=park.parent_id, name__in=PARK_FIGURES)
    facts = park_figures_facts(figures)
    notes = []
    for indicator in indicators:
        figure = PARK_FIGURES[indicator.name]
        if not has_period(figures.month, Frequency(indicator.frequency)):
            continue
        place = f"{park.name}{figures.year}年1—{figures.month}月“{indicator.name}”"
        value = figure.read(facts)
        factor = CONVERSIONS.get(figure.unit, {}).get(indicator.unit)
        if value is None:
            if before is not None and figure.read(before) is not None and factor is not None:
                clear_value(
                    indicator, park, figures.year, figures.month,
                    source=SOURCE, user=user, reason=reason,
                )  # fmt: skip
                notes.append(f"{place}已清空，指标中的数值随之清除")
            continue
        if factor is None:
            notes.append(
                f"{place}未写入指标：指标的计量单位是“{indicator.unit}”，园区主要指标按"
                f"“{figure.unit}”填报，不能换算"
            )
            continue
        try:
            store_values(
                indicator,
                figures.year,
                figures.month,
                [ValueInput(park, Decimal(value) * factor)],
                source=SOURCE,
                user=user,
                import_record=import_record,
                reason=reason,
            )
        except ValidationError as error:
            notes.append(f"{place}未写入指标：{'；'.join(error.messages)}")
    return notes
