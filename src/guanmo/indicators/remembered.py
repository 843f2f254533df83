"""How a city's namings of indicator-sheet columns (`import-indicators --map`) are kept for its
next import: in the ledger's store (`reporting.ColumnMapping`, by `reporting.imports`), each
as 指标<id>:<measure> (指标12:同比增长（%）) or 指标:忽略, so the ledger's import, which reads
its own fields only, never takes an indicator's naming for one of its columns, nor its 忽略."""

from collections.abc import Sequence

from guanmo.indicators.columns import Role
from guanmo.indicators.models import Indicator

STORED = "指标"
IGNORED = f"{STORED}:忽略"
Mapped = tuple[Indicator, Role]  # what a user's --map names a column: indicator and measure


def stored_name(mapped: Mapped | None) -> str:
    """A naming as the store keeps it: 指标12:同比增长（%）, 指标:忽略 for None (at most 32
    characters, the store's field: an indicator's id, not its name, which may be long)."""
    if mapped is None:
        return IGNORED
    indicator, role = mapped
    return f"{STORED}{indicator.pk}:{role.value}"


def stored_names(catalogue: Sequence[Indicator], roles: Sequence[Role]) -> dict[str, Mapped]:
    """Every naming the store may hold for the city's `catalogue`, by its stored form."""
    return {
        stored_name((indicator, role)): (indicator, role)
        for indicator in catalogue
        for role in roles
    }
