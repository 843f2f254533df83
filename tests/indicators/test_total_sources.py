"""A whole's figure and its growth come from one source (tryout 21 (1)): the city's stored row
with its own growth, or its units' summed amounts with theirs, never one with the other."""

import io
import json
from decimal import Decimal

from django.core.management import call_command

from guanmo.indicators.models import Indicator
from guanmo.indicators.services import ValueInput, install_city_peer_group, store_values
from guanmo.regions.services import units_of


def _report(*options: str) -> tuple[dict, str]:
    def run(*more: str) -> str:
        out = io.StringIO()
        call_command("indicator-report", "--year", "2025", "--month", "3", *more, stdout=out)
        return out.getvalue()

    return json.loads(run("--format", "json", *options)), run(*options)


def test_a_city_row_unlike_its_units_sum_is_said_with_its_own_growth_and_the_sum_noted(city):
    install_city_peer_group(city)
    retail = Indicator.objects.get(city=city, name="社会消费品零售总额")
    units = units_of(city)
    # Eleven units: 60 + p against 56 each (sum 726 against 616); the 全市 row 999 against 700.
    inputs = [ValueInput(unit, Decimal(60 + p), Decimal(56)) for p, unit in enumerate(units)]
    inputs.append(ValueInput(city, Decimal(999), Decimal(700)))
    store_values(retail, 2025, 3, inputs, source="", user=None)

    report, text = _report()

    total = next(i for i in report["indicators"] if i["name"] == "社会消费品零售总额")["total"]
    assert total == {"value": "999.0", "growth": "42.7"}  # 999 ÷ 700 − 1, not 715 ÷ 616 − 1
    assert "1—3月，全市社会消费品零售总额完成999.0亿元，同比增长42.7%。" in report["sentences"]
    assert "注：全市社会消费品零售总额999.0亿元为全市报送数，与各地区之和715.0亿元不一致" in text


def test_a_city_row_without_its_own_growth_is_not_given_its_units_growth(city):
    install_city_peer_group(city)
    retail = Indicator.objects.get(city=city, name="社会消费品零售总额")
    units = units_of(city)
    inputs = [ValueInput(unit, Decimal(60), Decimal(50)) for unit in units]  # 660 against 550
    inputs.append(ValueInput(city, Decimal("134.6")))  # from a 全省 sheet: no last year
    store_values(retail, 2025, 3, inputs, source="", user=None)

    report, _ = _report()

    total = next(i for i in report["indicators"] if i["name"] == "社会消费品零售总额")["total"]
    assert total == {"value": "134.6", "growth": None}
    assert not any("20.0%" in sentence for sentence in report["sentences"])


def test_a_city_row_that_is_its_units_sum_takes_their_growth(city):
    install_city_peer_group(city)
    retail = Indicator.objects.get(city=city, name="社会消费品零售总额")
    units = units_of(city)
    inputs = [ValueInput(unit, Decimal(60), Decimal(50)) for unit in units]
    inputs.append(ValueInput(city, Decimal(660)))
    store_values(retail, 2025, 3, inputs, source="", user=None)

    report, text = _report()

    total = next(i for i in report["indicators"] if i["name"] == "社会消费品零售总额")["total"]
    assert total == {"value": "660.0", "growth": "20.0"}
    assert "不一致" not in text
