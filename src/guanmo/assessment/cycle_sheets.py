"""A cycle's sheets read together: the scheme (考核办法表), the values (指标数值表; optional when
every indicator names its 来源) and, optionally, the previous cycle's ranks, as `guanmo assess`
and the city office's upload page both read them (one reading, so the command and the page can
never understand a sheet differently).

Shapes: `read_cycle(scheme, values, previous)` gives a `CycleSheets`: the `Definition`, the
`Inputs` the values sheet gives (None without one), the indicators whose values come from
Guanmo (`sources.sources_of`), the previous ranks {unit: rank} (None without the sheet), and
one `ImportReport` per sheet read, in that order. It raises `Refused` with the faults of the
first sheet that cannot be read (sheet, row, column).
"""

from dataclasses import dataclass, replace

from guanmo.assessment.definition import Definition, Inputs
from guanmo.assessment.sheet_reading import read_scheme
from guanmo.assessment.sources import sources_of
from guanmo.assessment.values_sheet import UnitRoll, read_previous, read_values
from guanmo.sheets.faults import ImportReport
from guanmo.sheets.formats import Source


@dataclass(frozen=True)
class CycleSheets:
    """What a cycle's sheets say: the scheme, the values given, the indicators sourced from
    Guanmo, the previous ranks and every sheet's report."""

    definition: Definition
    inputs: Inputs | None
    reports: tuple[ImportReport, ...]
    sourced: frozenset[str] = frozenset()
    previous: dict[str, int] | None = None

    def complete_inputs(self, filled: Inputs | None = None) -> Inputs:
        """The cycle's inputs with the previous ranks: the values sheet's, or `filled` (the
        sheet's with the sourced indicators filled in from Guanmo, `fill_from_sources`).
        Raises ValueError (in Chinese) when values are missing: sourced indicators not
        filled, or no values sheet for a scheme sourcing nothing."""
        if self.sourced and filled is None:
            raise ValueError(f"考核办法中的{'、'.join(sorted(self.sourced))}注明了来源")
        inputs = filled or self.inputs
        if inputs is None:
            raise ValueError("考核办法中的指标没有注明来源，须上传指标数值表")
        return replace(inputs, previous=self.previous or {})


def read_cycle(
    scheme: Source,
    values: Source | None = None,
    previous: Source | None = None,
    *,
    roll: UnitRoll | None = None,
) -> CycleSheets:
    """The cycle's sheets read in order (scheme, values, previous ranks). With a city's `roll`
    every unit named must be one of the city's and the values list all of them (`read_values`);
    without, a previous rank must name a unit of the values. Raises `Refused` naming every
    fault of the first sheet that cannot be read; nothing is kept."""
    definition, scheme_report = read_scheme(scheme)
    sourced = frozenset(sources_of(definition))
    reports = [scheme_report]
    inputs = ranks = None
    if values is not None:
        inputs, values_report = read_values(values, definition, sourced=sourced, roll=roll)
        reports.append(values_report)
    if previous is not None:
        units = frozenset(inputs.values) if inputs is not None else None
        ranks, previous_report = read_previous(previous, roll=roll, units=units)
        reports.append(previous_report)
    return CycleSheets(definition, inputs, tuple(reports), sourced, ranks)
