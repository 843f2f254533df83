"""`guanmo import-attraction`: loading a city's attraction register (招商项目台账), one row per
lead or signed project, through the ledger's sheet reading (guanmo.sheets).

All or nothing: every fault names its sheet, row and column in Chinese, and with any fault
nothing is written. A blank cell leaves what is stored alone. Rows are matched to stored leads
by county and name. Checks (source: issue 14 and the funnel's rules, attraction.funnel):
- the county is one of the city's units, the park one of its parks;
- the investor's place is a division of the national tree (ambiguous names are refused) or a
  country abroad; the industry a section or division of GB/T 4754—2017;
- the stages' actual dates follow their order (洽谈 ≤ 签约 ≤ 落地 ≤ 开工 ≤ 投产 ≤ 达产) and none
  is after today; a later stage needs a signing date; a signed project needs its contract
  investment;
- 到位资金 is cumulative since signing, as of the month its header or the title names
  ("截至6月底到位资金", "2025年1—6月…") or `month`; a year's figure ("1—6月到位资金") is refused
  for a project signed before the year, whose funds before it are not in it.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.timezone import localdate

from guanmo.accounts.models import User
from guanmo.attraction.columns import (
    PREPARATORY_COLUMNS,
    REGISTER_COLUMNS,
    STAGE_COLUMNS,
    Column,
)
from guanmo.attraction.industries import find_industry
from guanmo.attraction.models import Lead, LeadChange
from guanmo.attraction.origins import abroad_country, area_named, origin_region
from guanmo.attraction.places import unit_named
from guanmo.attraction.selectors import stage_dates
from guanmo.attraction.services import (
    STARTED_OR_LATER,
    LeadInput,
    corrected_on_page,
    link_faults,
    save_lead,
    start_faults,
)
from guanmo.attraction.stages import Stage, stage_faults
from guanmo.clock import today
from guanmo.documents.official import chinese_date
from guanmo.ledger.cells import month_end_note
from guanmo.ledger.services.ledger_import import CONFIRM_CHANGES
from guanmo.regions.models import Region
from guanmo.regions.services import (
    Division,
    divisions_named,
    full_name,
    units_of,
)
from guanmo.reporting.history import Source as ChangeSource
from guanmo.reporting.imports import Outcome, outcome_of, write_all_or_nothing
from guanmo.reporting.models import ImportRecord
from guanmo.sheets.advice import Channel
from guanmo.sheets.cells import format_wan
from guanmo.sheets.faults import ImportReport, SheetFault
from guanmo.sheets.header import (
    Expected,
    Header,
    months_text,
    read_label,
    spell_dates,
    spell_period,
)
from guanmo.sheets.repeats import refuse_repeats
from guanmo.sheets.table import Row, Table
from guanmo.sheets.workbook import SheetSpec, Source, begin_import, import_reason

SUBJECT = "个招商项目"
REGISTER_SHEET = SheetSpec(
    REGISTER_COLUMNS,
    used=frozenset(Column) - {Column.SERIAL},
    required=((Column.NAME,), (Column.COUNTY,), (Column.SIGNED, Column.NEGOTIATED)),
)
_TEXT_LIMITS = {
    column: Lead._meta.get_field(attribute).max_length
    for column, attribute in (
        (Column.NAME, "name"),
        (Column.INVESTOR, "investor"),
        (Column.CHAIN, "chain"),
        (Column.LEADER_IN_CHARGE, "leader_in_charge"),
    )
}


# A range of months in a header: "1-6月", "1至6月" (after spell_dates and spell_period).
_RANGE = re.compile(r"\d{1,2}月?\s*[-‐‑‒–—―−－~～至到]\s*\d{1,2}月")


# A title saying which month's end its figures are as of, anywhere in it: "…登记表（截至2025年
# 11月底）", "(截止11月末)", "（到位资金截至10月）" (tryout 16: read_label reads a period only
# where a label begins; tryout 22: 截至10月 with no 底 was not read).
_AS_OF = re.compile(r"(?:截至|截止)\s*(?:((?:19|20)\d\d)年)?(\d{1,2})月(?:底|末)?")


@dataclass(frozen=True)
class _FundsMonth:
    """Which month a sheet's 到位资金 is as of, and whether it is the year's figure (1—M月)."""

    year: int
    month: int
    of_the_year: bool
    said: str  # where the month was read: 表头, 标题, 导入时指定


@dataclass
class _Entry:
    row: Row
    given: LeadInput
    origin_division: Division | None = None  # created as the origin at write time
    notes: list[str] = field(default_factory=list)


def import_attraction(
    source: Source,
    *,
    city: Region,
    year: int,
    month: int | None = None,
    dry_run: bool = False,
    user: User | None = None,
    file_name: str = "",
    confirm_changes: bool = False,
    channel: Channel = Channel.COMMAND,
) -> ImportReport:
    """Load the register of `year` for `city`. `month` says which month's end 到位资金 is as of
    when neither its header nor the title says. Returns the report: with faults nothing was
    written; with `dry_run` nothing either, but the counts are what it would do. Each change
    to a stored lead is listed old → new; a value corrected on the lead's page since the last
    import is a fault naming it unless `confirm_changes` (the ledger's --confirm-changes).
    `channel` says where the import came from: the report advises confirming (and naming
    columns) the page's way on the web, the command's on the command line (`sheets.advice`)."""
    reading, report = begin_import(
        source,
        REGISTER_SHEET,
        Expected(year=year, channel=channel),
        subject=SUBJECT,
        dry_run=dry_run,
        file_name=file_name,
        month=month,
    )
    report.channel = channel
    if not report.ok:
        return report
    units = units_of(city)
    stored = {
        (lead.county_id, lead.name): lead
        for lead in Lead.objects.filter(city=city).prefetch_related("stages", "project__milestones")
    }
    entries = []
    for table in reading.tables:
        funds_month = _funds_month(table, year, month)
        report.notes += _funds_note(table, funds_month)
        for row in table.rows:
            entry = _entry(row, units, stored, funds_month)
            if entry is not None:
                entries.append(entry)
        funds_given = any(row.values.get(Column.FUNDS_IN_PLACE) is not None for row in table.rows)
        if isinstance(funds_month, SheetFault) and funds_given:
            table.faults.append(funds_month)
    refuse_repeats(
        entries,
        lambda entry: (entry.given.county.pk, entry.given.name),
        Column.NAME,
        "是同一县区的同名项目；同一项目只能填一行",
    )
    report.faults = [fault for row in reading.rows for fault in row.faults]
    report.faults += [fault for table in reading.tables for fault in table.faults]
    if not report.ok:
        return report
    report.notes += [note for entry in entries for note in entry.notes]

    corrected: list[SheetFault] = []

    def save(entry: _Entry, record: ImportRecord | None) -> Outcome:
        if entry.origin_division is not None:
            entry.given.values["origin"] = origin_region(entry.origin_division)
        saved = save_lead(
            city,
            year,
            entry.given,
            source=ChangeSource.IMPORT,
            user=user,
            reason=import_reason(report.file or source),
            import_record=record,
        )
        said = f"第{entry.row.number}行“{entry.given.name}”"
        if not saved.created and saved.lines:
            report.notes.append(f"{said}：{_changes_text(saved.lines)}")
        for page in corrected_on_page(saved) if not saved.created else []:
            corrected.append(
                SheetFault(
                    entry.row.sheet,
                    entry.row.number,
                    None,
                    f"“{entry.given.name}”的{page.field}已于{chinese_date(localdate(page.at))}在页面上由"
                    f"{page.old_value or '（空）'}更正为{page.new_value or '（空）'}"
                    f"（{page.reason or '未写原因'}），本次导入将改为"
                    f"{_new_value(saved.lines, page.field)}；{CONFIRM_CHANGES}",
                )
            )
        if saved.linked is not None:
            report.notes.append(f"{said}已开工，{saved.linked_words}")
        return outcome_of(saved.created, saved.changes)

    if not confirm_changes:  # a first pass, rolled back, finds the page's corrections
        notes, dry_run = list(report.notes), report.dry_run
        report.dry_run = True
        write_all_or_nothing(
            report, entries, save, city=city, kind=ImportRecord.Kind.ATTRACTION, user=user
        )
        report.notes, report.dry_run = notes, dry_run
        report.created = report.updated = report.unchanged = 0
        if corrected:
            report.faults += corrected
            return report
    write_all_or_nothing(
        report, entries, save, city=city, kind=ImportRecord.Kind.ATTRACTION, user=user
    )
    return report


def _changes_text(lines: Sequence[LeadChange]) -> str:
    """A lead's changes as an import report lists them: 2025年10月累计到位资金4000 → 5000."""
    return "；".join(
        f"{line.field}{line.old_value or '（空）'} → {line.new_value or '（空）'}" for line in lines
    )


def _new_value(lines: Sequence[LeadChange], field_name: str) -> str:
    return next((line.new_value for line in lines if line.field == field_name), "") or "（空）"


def _funds_month(table: Table, year: int, month: int | None) -> _FundsMonth | SheetFault | None:
    """The month the table's 到位资金 column is as of: its header's, else the title's, else
    `month`; a fault when the sheet has the column and nothing says, or when the title and
    `month` disagree (the ledger's check of a title against --month; tryout 22: 截至10月 in the
    title was not read); None without the column. A header naming a range of months
    ("1—6月到位资金", "上半年…") gives the year's figure."""
    header: Header = table.header
    index = next((i for i, c in header.columns.items() if c == Column.FUNDS_IN_PLACE), None)
    if index is None:
        return None
    text = next((r.text for r in header.readings if r.index == index), "")
    label = read_label(REGISTER_COLUMNS, text)
    if label is not None and label.months:
        ranged = bool(_RANGE.search(spell_period(spell_dates(text))))
        return _FundsMonth(label.year or year, label.months[1], of_the_year=ranged, said="表头")
    titled = _title_month(table, year)
    if titled is not None:
        if month is not None and (titled.year, titled.month) != (year, month):
            return SheetFault(
                table.sheet,
                None,
                None,
                f"标题写明到位资金截至{titled.year}年{titled.month}月，与导入时指定的"
                f"{year}年{month}月（--month {month}）不一致；请核对后再导入",
            )
        return titled
    if month is not None:
        return _FundsMonth(year, month, of_the_year=False, said="导入时指定")
    return SheetFault(
        table.sheet,
        header.rows[0],
        Column.FUNDS_IN_PLACE.value,
        "未写明到位资金截至哪个月；请在表头写明（如“截至6月底累计到位资金”）"
        "或导入时用 --month 指定",
    )


def _title_month(table: Table, year: int) -> _FundsMonth | None:
    """The month the table's title says its figures are as of ("2025年1—6月…", "（截至10月）"),
    None when it says none."""
    title = read_label(REGISTER_COLUMNS, table.title) if table.title else None
    if title is not None and title.months:
        return _FundsMonth(title.year or year, title.months[1], of_the_year=False, said="标题")
    found = _AS_OF.search(spell_dates(table.title)) if table.title else None
    if found and 1 <= int(found.group(2)) <= 12:
        named = int(found.group(1)) if found.group(1) else year
        return _FundsMonth(named, int(found.group(2)), of_the_year=False, said="标题")
    return None


def _funds_note(table: Table, funds_month: _FundsMonth | SheetFault | None) -> list[str]:
    if not isinstance(funds_month, _FundsMonth):
        return []
    as_of = f"{funds_month.year}年{funds_month.month}月底"
    if funds_month.of_the_year:
        months = months_text((1, funds_month.month))
        how = f"{funds_month.year}年{months}的数（本年签约项目即签约以来累计）"
    else:
        how = "签约以来累计"
    return [f"工作表「{table.sheet}」到位资金按截至{as_of}的{how}读取（据{funds_month.said}）"]


def _entry(
    row: Row,
    units: Sequence[Region],
    stored: dict[tuple[int, str], Lead],
    funds_month: _FundsMonth | SheetFault | None,
) -> _Entry | None:
    values = row.values
    name = values.get(Column.NAME, "")
    if not name and not row.failed(Column.NAME):
        row.fault(Column.NAME, "不能为空")
    for column, limit in _TEXT_LIMITS.items():
        if len(values.get(column, "")) > limit:
            row.fault(column, f"不能超过{limit}个字")
    named: list[str] = []
    county = unit_named(row, Column.COUNTY, units, named)
    if county is None and not row.failed(Column.COUNTY):
        row.fault(Column.COUNTY, "不能为空")
    park = unit_named(row, Column.PARK, units, named, parks_only=True, county=county)
    given_values: dict = {
        "investor": values.get(Column.INVESTOR) or None,
        "chain": values.get(Column.CHAIN) or None,
        "leader_in_charge": values.get(Column.LEADER_IN_CHARGE) or None,
        "contract_investment": values.get(Column.CONTRACT_INVESTMENT),
        "dropped_on": values.get(Column.DROPPED),
        "park": park,
    }
    industry_text = values.get(Column.INDUSTRY)
    if industry_text:
        industry = find_industry(industry_text)
        if industry is None:
            row.fault(
                Column.INDUSTRY,
                f"“{industry_text}”不是国民经济行业分类（GB/T 4754—2017）的门类或大类；"
                "请填写代码或名称，如“C39”或“计算机、通信和其他电子设备制造业”",
            )
        else:
            given_values["industry_code"] = industry.code
    entry = _Entry(row, LeadInput(name=name, county=county, values=given_values), notes=named)  # type: ignore[arg-type]
    _origin(row, entry)
    if row.faults or county is None:
        return None
    lead = stored.get((county.pk, name))
    _stages(row, entry, lead)
    _preparatory(row, entry)
    _funds(row, entry, lead, funds_month)
    return None if row.faults else entry


def _origin(row: Row, entry: _Entry) -> None:
    """The investor's place: a country abroad, else one division of the national tree or an
    area it does not code (雄安新区, `origins.area_named`)."""
    text = row.values.get(Column.ORIGIN)
    if not text:
        return
    country = abroad_country(text)
    if country is not None:
        entry.given.values.update(abroad=True, origin_abroad=country[:64], origin=None)
        return
    area = area_named(text)  # 雄安新区: no code of GB/T 2260 (tryout 22)
    found = [area] if area is not None else divisions_named(text)
    if not found:
        row.fault(
            Column.ORIGIN,
            f"“{text}”在全国行政区划中找不到，也不是常见的境外国家；境外投资方请写“境外：国家名”",
        )
    elif len(found) > 1:
        names = "、".join(full_name(d) for d in found[:5])
        row.fault(Column.ORIGIN, f"“{text}”有多个同名地区：{names}；请写明所属省市")
    else:
        entry.origin_division = found[0]
        entry.given.values.update(abroad=False, origin_abroad="")


def _stages(row: Row, entry: _Entry, lead: Lead | None) -> None:
    """Each stage's dates, in order and not after today; a later stage needs a signing date,
    a signed project its contract investment (given now or stored)."""
    values = row.values
    kept = {}
    if lead is not None:
        kept = {stage: day for stage, (_, day) in stage_dates(lead).items() if day}
    reached: dict[Stage, date] = dict(kept)
    for stage, (actual, planned) in STAGE_COLUMNS.items():
        day = values.get(actual)
        plan = values.get(planned) if planned else None
        if day is not None or plan is not None:
            entry.given.stages[stage] = (plan, day)
        if planned and (note := month_end_note(row.place(planned), plan)):
            entry.notes.append(note)
        if day is not None:
            reached[stage] = day
    given = {stage for stage, (_, day) in entry.given.stages.items() if day is not None}
    for stage, why in stage_faults(reached, given, today()):
        row.fault(STAGE_COLUMNS[stage][0], why)
    if lead is not None and lead.project_id is not None and Stage.STARTED in entry.given.stages:
        for why in start_faults(lead, *entry.given.stages[Stage.STARTED]):
            row.fault(STAGE_COLUMNS[Stage.STARTED][0], why)
    started = min((reached[stage] for stage in STARTED_OR_LATER if stage in reached), default=None)
    if (lead is None or lead.project_id is None) and started is not None:
        park, county = entry.given.values.get("park") or (lead and lead.park), entry.given.county
        host = park if park is not None and park.parent_id == county.parent_id else county
        for why in link_faults(county.parent, host, entry.given.name, started):
            row.fault(STAGE_COLUMNS[Stage.STARTED][0], why)
    investment = values.get(Column.CONTRACT_INVESTMENT)
    stored_investment = lead.contract_investment if lead is not None else None
    if Stage.SIGNED in reached and investment is None and stored_investment is None:
        pending = row.pending.get(Column.CONTRACT_INVESTMENT)
        why = f"填的是“{pending}”" if pending else "为空"
        row.fault(Column.CONTRACT_INVESTMENT, f"已签约项目应填写合同投资，此处{why}")


def _preparatory(row: Row, entry: _Entry) -> None:
    """The 前期 approvals' dates the row gives (a blank cell gives none); an actual date is not
    after today."""
    for column, (kind, attribute) in PREPARATORY_COLUMNS.items():
        day = row.values.get(column)
        if day is None:
            continue
        planned, reached = entry.given.milestones.get(kind, (None, None))
        if attribute == "planned":
            planned = day
            if note := month_end_note(row.place(column), day):
                entry.notes.append(note)
        else:
            reached = day
            if day > today():
                row.fault(column, f"{chinese_date(day)}晚于今天，实际日期不能是将来")
        entry.given.milestones[kind] = (planned, reached)


def _funds_out_of_order(lead: Lead, funds_month: _FundsMonth, amount: Decimal) -> str:
    """Why `amount` (万元, the cumulative since signing as of `funds_month`) cannot stand beside
    the lead's stored months: below an earlier month's figure or above a later month's (a
    cumulative never falls; tryout 33), naming the stored month; "" when it fits. The same
    month's stored figure is a correction, not compared."""
    at = (funds_month.year, funds_month.month)
    stored = sorted(((f.year, f.month), f.cumulative) for f in lead.funds.all())
    earlier = [(when, value) for when, value in stored if when < at and value > amount]
    later = [(when, value) for when, value in stored if when > at and value < amount]
    if not earlier and not later:
        return ""
    (year, month), value = earlier[-1] if earlier else later[0]
    side = "少于" if earlier else "多于"
    return (
        f"到位资金是签约以来累计，只增不减：本表{funds_month.year}年{funds_month.month}月为"
        f"{format_wan(amount)}万元，{side}{year}年{month}月已存的{format_wan(value)}万元；"
        "请核对（如已存数字有误，请先更正该月）"
    )


def _funds(
    row: Row,
    entry: _Entry,
    lead: Lead | None,
    funds_month: _FundsMonth | SheetFault | None,
) -> None:
    """到位资金 as of the sheet's month, for a signed project (see the module's rules)."""
    amount: Decimal | None = row.values.get(Column.FUNDS_IN_PLACE)
    if amount is None or funds_month is None:
        return
    if isinstance(funds_month, SheetFault):
        return  # the sheet's fault, said once (import_attraction)
    signed = entry.given.stages.get(Stage.SIGNED, (None, None))[1]
    if signed is None and lead is not None:
        signed = next(
            (s.reached for s in lead.stages.all() if s.stage == Stage.SIGNED and s.reached), None
        )
    if signed is None:
        row.fault(Column.FUNDS_IN_PLACE, "未签约项目不应有到位资金")
        return
    if funds_month.of_the_year and signed.year < funds_month.year:
        months = months_text((1, funds_month.month))
        row.fault(
            Column.FUNDS_IN_PLACE,
            f"表头所写{months}到位资金是本年的数，项目于{signed.year}年签约，签约以来累计到位资金"
            "不明；请改填累计到位资金",
        )
        return
    if lead is not None and (fall := _funds_out_of_order(lead, funds_month, amount)):
        row.fault(Column.FUNDS_IN_PLACE, fall)
        return
    investment = row.values.get(Column.CONTRACT_INVESTMENT)
    if investment is None and lead is not None:
        investment = lead.contract_investment
    entry.given.funds = (funds_month.year, funds_month.month, amount)
    if investment and amount > investment:
        entry.notes.append(
            f"第{row.number}行“{entry.given.name}”到位资金{format_wan(amount)}万元，"
            f"超过合同投资{format_wan(investment)}万元，按填报数保存"
        )
