"""What is wrong with a month's funds in place (到位资金) as an office enters it on a lead's
page. Funds are reported cumulative since signing, in 万元 (attraction.models.FundsInPlace), so
a month before signing or still ahead has none, and the cumulative never falls from one month
to a later one. Source: issue 14 ("funds in place (资金到位) by month"); tryout 13."""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from guanmo.documents.official import chinese_date
from guanmo.figures.formatting import money_wan_text

Month = tuple[int, int]  # (year, month)


def funds_faults(
    signed_on: date | None,
    stored: Mapping[Month, Decimal],
    month: Month,
    cumulative: Decimal,
    today: date,
) -> list[str]:
    """Why `cumulative` (万元) may not be recorded for `month`, in Chinese; empty when it may.
    `stored` holds the lead's other months' cumulative figures."""
    year, number = month
    said = f"{year}年{number}月"
    if signed_on is None:
        return ["尚未签约，不能填写到位资金"]
    if month < (signed_on.year, signed_on.month):
        return [f"{said}早于签约（{chinese_date(signed_on)}），签约后才有到位资金"]
    if month > (today.year, today.month):
        return [f"{said}尚未到来，不能填写"]
    faults = []
    earlier = [(each, value) for each, value in stored.items() if each < month]
    later = [(each, value) for each, value in stored.items() if each > month]
    if earlier:
        (y, m), value = max(earlier)
        if cumulative < value:
            faults.append(f"累计到位资金不能少于{y}年{m}月已填的{money_wan_text(value)}")
    if later:
        (y, m), value = min(later)
        if cumulative > value:
            faults.append(f"累计到位资金不能多于{y}年{m}月已填的{money_wan_text(value)}")
    return faults
