"""The demo city's firm register and its 亩均效益评价 (issue 13), so that the firm pages have
firms: three firms in each county and zone with two years of figures (2023 and 2024, as tax,
statistics and power data give them), two of them on less than 3 亩 (不参评) and some paying
under 5万元 per 亩 (长垣's rule); 2024's evaluation by the shipped example scheme, published to
the units from 10 December for ten days, so that on the demo's 15 December it stands in 公示
and open to objections. Everything from one seeded random generator."""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from guanmo.accounts.models import Role, User
from guanmo.assessment.firm_register import FIRM_SCHEME_NAME, import_firms, issue_firm_result
from guanmo.assessment.firm_sheet import FirmRow
from guanmo.assessment.firms import CODE_CHARACTERS, EXAMPLE_SCHEME, LAND_THRESHOLD
from guanmo.assessment.firms import credit_code_check as check_character
from guanmo.assessment.models import Firm, Result, Scheme
from guanmo.assessment.sheet_reading import read_scheme
from guanmo.demo.assessment import at_nine, forget
from guanmo.demo.city import YEAR
from guanmo.regions.models import Region
from guanmo.regions.services import units_of

FIRM_YEAR = YEAR - 1  # the year evaluated: its figures are complete in the demo year
FIRMS_PER_UNIT = 3
SMALL_FIRMS = 2  # on less than LAND_THRESHOLD 亩: not rated
FIRM_PUBLISHED = date(YEAR, 12, 10)
FIRM_PUBLICATION_DAYS = 10
FIRM_RUNS = 500
WORDS = ("宏达", "恒信", "鑫源", "华丰", "众诚", "瑞德", "金鼎", "中原", "太行", "怀川", "天力")
TRADES = ("机械制造", "汽车零部件", "新材料", "食品", "化工", "纺织", "装备", "电子")
WAN = Decimal("0.01")
TONNE = Decimal("0.001")


@dataclass(frozen=True)
class DemoFirms:
    firms: int
    result: Result


def _round(value: float, step: Decimal = WAN) -> Decimal:
    return Decimal(str(value)).quantize(step, rounding=ROUND_HALF_UP)


def _credit_code(rng: random.Random, unit: Region) -> str:
    """A 统一社会信用代码 of an enterprise (91) registered in the unit, with its check character
    (GB 32100-2015)."""
    body = "91" + unit.code[:6] + "".join(rng.choice(CODE_CHARACTERS[:10]) for _ in range(8))
    body += rng.choice(CODE_CHARACTERS)
    return body + check_character(body)


def _rows(city: Region, rng: random.Random) -> tuple[list[FirmRow], list[FirmRow]]:
    """Each firm's rows for FIRM_YEAR − 1 and FIRM_YEAR: land in 亩, money in 万元 (tax per 亩
    spread round 12万元, some under 5), energy in 吨标准煤."""
    earlier, later = [], []
    names: set[str] = set()
    units = units_of(city)
    small = {unit.pk for unit in rng.sample(units, SMALL_FIRMS)}
    for unit in units:
        for index in range(FIRMS_PER_UNIT):
            while (name := f"焦作{rng.choice(WORDS)}{rng.choice(TRADES)}有限公司") in names:
                pass
            names.add(name)
            land = rng.uniform(1.2, 2.8) if index == 0 and unit.pk in small else rng.uniform(8, 260)
            per_mu = min(max(rng.lognormvariate(2.45, 0.75), 0.8), 80)
            tax = land * per_mu
            sales = tax * rng.uniform(12, 30)
            energy = tax / rng.uniform(0.6, 4.5)
            code = _credit_code(rng, unit)
            growth = rng.uniform(-0.1, 0.2)
            for rows, scale in ((earlier, 1 / (1 + growth)), (later, 1.0)):
                rows.append(
                    FirmRow(
                        name=name,
                        credit_code=code,
                        county=unit.name,
                        park="",
                        land_area=_round(land),
                        tax=_round(tax * scale),
                        sales=_round(sales * scale),
                        value_added=_round(sales * scale * rng.uniform(0.18, 0.32)),
                        energy=_round(energy * scale),
                        emissions=_round(
                            energy * scale * rng.uniform(0.002, 0.01), Decimal("0.001")
                        ),
                        rd_spending=_round(sales * scale * rng.uniform(0.005, 0.04)),
                        employees=int(land * rng.uniform(0.6, 2.5)) + 5,
                    )
                )
    return earlier, later


@transaction.atomic
def create_demo_firms(city: Region, seed: int) -> DemoFirms:
    """(Re)create the register and 2024's evaluation, published from FIRM_PUBLISHED."""
    forget(Scheme.objects.filter(city=city, name=FIRM_SCHEME_NAME))  # with RatedFirm
    Firm.objects.filter(city=city).delete()  # with their years
    rng = random.Random(seed)
    earlier, later = _rows(city, rng)
    import_firms(earlier, FIRM_YEAR - 1, city=city)
    import_firms(later, FIRM_YEAR, city=city)
    definition, _ = read_scheme(EXAMPLE_SCHEME)
    result = issue_firm_result(
        city,
        FIRM_YEAR,
        definition,
        land_threshold=LAND_THRESHOLD,
        days=FIRM_PUBLICATION_DAYS,
        runs=FIRM_RUNS,
        seed=seed,
    )
    office = User.objects.filter(role=Role.CITY_OFFICE, region=city).first()
    Result.objects.filter(pk=result.pk).update(
        published_until=FIRM_PUBLISHED + timedelta(days=FIRM_PUBLICATION_DAYS - 1),
        issued_at=at_nine(FIRM_PUBLISHED),
        issued_by=office,
    )
    Scheme.objects.filter(pk=result.scheme_id).update(created_at=at_nine(FIRM_PUBLISHED))
    result.refresh_from_db()
    return DemoFirms(len(later), result)
