"""Indicator pages: 指标调度 for the city and a county's own places (the web entry is in
`submission_views`). Figures come from `report.build_report`, as `guanmo indicator-report` gives
them, and are shown through `report_output` (the one formatter)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from guanmo import clock
from guanmo.accounts.scope import Scope
from guanmo.documents.views import file_response, issue_posted
from guanmo.figures.arithmetic import period_label
from guanmo.figures.changes import rank_move_cell
from guanmo.figures.formatting import display_for, points, rate
from guanmo.indicators.choices import BREAKDOWN_GRAINS, Kind, RankBy
from guanmo.indicators.issuing import (
    changed_after_issue,
    issue_report,
    issued_report,
    report_docx,
    report_xlsx,
)
from guanmo.indicators.models import PeerGroup
from guanmo.indicators.report import (
    IndicatorReport,
    ReportError,
    TargetLine,
    build_report,
    performance_sentences,
    target_lines,
    target_sentences,
)
from guanmo.indicators.report_output import (
    TARGET_HEADERS,
    as_dict,
    as_xlsx,
    headers,
    table_note,
    table_title,
    target_rows,
    text_rows,
)
from guanmo.indicators.selectors import (
    TargetNodes,
    group_members,
    latest_month,
    target_nodes_of,
)
from guanmo.indicators.sentences import (
    half_missed_lines,
    half_note,
    places_summary,
    rank_disagreement,
    rank_disagreement_reason,
)
from guanmo.regions.models import Region
from guanmo.regions.services import whole_word


def _month(request: HttpRequest, city: Region) -> tuple[int, int]:
    """The month asked for with ?year=&month=, else the latest with figures, else today's."""
    year, month = request.GET.get("year", ""), request.GET.get("month", "")
    if year.isdigit() and month.isdigit() and len(year) == 4 and 1 <= int(month) <= 12:
        return int(year), int(month)
    today = clock.today()
    return latest_month(city) or (today.year, today.month)


def _tables(report: IndicatorReport) -> list[dict]:
    """Each indicator's table as `indicator-report` prints it: title, headers, rows; with each
    row's reported 位次 that disagrees with the computed rank (`rank_disagreement`, "" when
    none) and the table's reason for marking it."""
    tables = []
    for table in report.indicators:
        rows = [
            {"cells": cells, "disagrees": rank_disagreement(line.reported_rank, line.rank)}
            for cells, line in zip(text_rows(table), table.lines, strict=True)
        ]
        tables.append(
            {
                "table": table,
                "title": table_title(report, table),
                "headers": headers(report, table),
                "rows": rows,
                "note": table_note(report, table),
                "disagrees": any(row["disagrees"] for row in rows),
                "reason": rank_disagreement_reason(
                    RankBy(table.indicator.rank_by), Kind(table.indicator.kind), report.group.name
                ),
            }
        )
    return tables


def _target_table(targets: list[TargetLine]) -> list[dict]:
    """The targets table's rows (`target_rows`), each cell with its header (its label when the
    table is stacked on a phone), and the row's pace (`targets.Pace`: ahead, level, behind — a
    ceiling used faster than its pace is behind), the class its share and its distances from
    the pace are marked with."""
    return [
        {
            "cells": list(zip(TARGET_HEADERS, cells, strict=True)),
            "pace": target.standing.pace or "",
            "half_note": half_note(target.standing),
            "node_note": target.standing.unbroken,
        }
        for target, cells in zip(targets, target_rows(targets), strict=True)
    ]


QUARTERS = "一二三四"


def _members(report: IndicatorReport) -> list[Region]:
    """The regions whose targets the report follows (`build_report`)."""
    return [report.region] if report.region else group_members(report.group)


def _node_tables(found: list[TargetNodes]) -> list[dict]:
    """Each target's breakdown nodes as the page shows them: a caption (region, indicator,
    the year's amount and profile) and per month its 旬 and month nodes (cumulative, in the
    unit), 序时进度 and, at the nodes reached, what was done, its share and 较序时, and why a
    node's figures are "—" (`targets.Node.why`: 未到该节点, 该月无累计数…). The
    figures are shown in the unit the caption names, by the tables' rule (`display_for`: a
    town's year of 0.30万人 in 人)."""
    tables = []
    for each in found:
        target, places = each.target, each.target.indicator.places
        figures = [target.amount]
        for node in each.nodes:
            figures += [*node.ten_days[:2], node.planned, node.done]
        shown = display_for(target.indicator.unit, places, figures)
        tables.append(
            {
                "caption": f"{target.region.name}·{target.indicator.name}（全年"
                f"{shown.text(target.amount)}{shown.unit}，{target.get_profile_display()}）",
                "rows": [
                    {
                        "month": f"{node.month}月"
                        + (f"（{QUARTERS[node.quarter - 1]}季度末）" if node.quarter else ""),
                        "ten_days": "/".join(shown.text(day) for day in node.ten_days[:2]),
                        "planned": shown.text(node.planned),
                        "progress": rate(node.progress),
                        "done": shown.text(node.done),
                        "rate": rate(node.completion_rate),
                        "vs_node": points(node.vs_node),
                        "reached": node.done is not None,
                        "why": node.why,
                    }
                    for node in each.nodes
                ],
            }
        )
    return tables


def _board_sentences(report: IndicatorReport, city_places: list[dict]) -> list[str]:
    """The group's sentences on the board, without the performance of an indicator the city's
    own place block already says (全市…增速居全省第3位): one sentence per figure (tryout 17:
    said twice, disagreeing on the growth)."""
    said_above = {name for place in city_places for name in place["indicators"]}
    if report.region is not None or report.group.short_name != whole_word(report.city):
        return report.sentences  # another group's subject (全省) is not the city's
    performance = performance_sentences(report)
    left_out = {
        sentence
        for table, sentence in zip(report.indicators, performance, strict=True)
        if sentence and table.indicator.name in said_above
    }
    return [sentence for sentence in report.sentences if sentence not in left_out]


def _half_missed(targets: list[TargetLine], order: list[str]) -> list[str]:
    """Per region that missed 双过半, the indicators it missed (`half_missed_lines`)."""
    return half_missed_lines(
        [(target.region, target.indicator.name, target.standing) for target in targets], order
    )


def _chart(report: IndicatorReport) -> dict:
    """The charts' figures: the report as `--format json` gives it, each target marked whether
    it is a ceiling (drawn as the share of its 控制数 used, not as a completion to reach)."""
    chart = as_dict(report)
    for shown, target in zip(chart["targets"], report.targets, strict=True):
        shown["ceiling"] = target.standing.ceiling
    return chart


def sized(name: str, size: int) -> str:
    """A peer group's name with its size, unless the name says it already: 焦作市各县（市、区）
    （11个）, but 全省18个省辖市 alone, never 全省18个省辖市（18个） (tryout 17)."""
    return name if f"{size}个" in name else f"{name}（{size}个）"


def _city_places(city: Region, year: int, month: int) -> list[dict]:
    """The city's own place in each peer group it is a member of (全省18个省辖市), as
    `indicator-report --group NAME --region CITY` says it (`performance_sentences`): the group,
    its size and the sentences with a place (全市…增速居全省第3位 / 并列全省第2位)."""
    places = []
    for group in PeerGroup.objects.filter(city=city, members=city):
        try:
            report = build_report(city, year, month, group=group.name, region=city.name)
        except ReportError:
            continue
        performance = performance_sentences(report)  # one per indicator, the city's own
        said = [sentence for sentence in performance if sentence]
        if said:
            size = len(group_members(group))
            places.append(
                {
                    "group": group,
                    "size": size,
                    "named": sized(group.name, size),
                    "sentences": said,
                    "indicators": {
                        table.indicator.name
                        for table, sentence in zip(report.indicators, performance, strict=True)
                        if sentence
                    },
                }
            )
    return places


def indicator_board(request: HttpRequest) -> HttpResponse:
    """指标调度: the regions × indicators of a peer group for a month, the targets, charts. A
    county office, which may not see the other counties' figures, is shown its own places."""
    scope: Scope = request.scope
    if not scope.sees_city_totals:
        if scope.county is None:
            raise Http404("没有这个页面")
        return county_places(request)
    year, month = _month(request, scope.city)
    groups = PeerGroup.objects.filter(city=scope.city)
    report, problem = None, ""
    try:
        report = build_report(scope.city, year, month, group=request.GET.get("group") or None)
    except ReportError as error:
        problem = str(error)
    city_places = _city_places(scope.city, year, month)
    issued = issued_report(scope.city, report) if report else None
    return render(
        request,
        "indicators/board.html",
        {
            "year": year,
            "month": month,
            "may_set_targets": scope.is_city_office,
            "groups": groups,
            "report": report,
            "problem": problem,
            "tables": _tables(report) if report else [],
            "targets": _target_table(report.targets) if report else [],
            "half_missed": _half_missed(report.targets, report.regions) if report else [],
            "city_places": city_places,
            "sentences": _board_sentences(report, city_places) if report else [],
            "node_tables": _node_tables(target_nodes_of(scope.city, year, month, _members(report)))
            if report
            else [],
            "breakdown_grains": BREAKDOWN_GRAINS,
            "target_headers": TARGET_HEADERS,
            "chart": _chart(report) if report else None,
            "completion_chart": report is not None
            and any(t.standing.completion_rate is not None for t in report.targets),
            "issued": issued,
            "changed_after_issue": issued is not None
            and changed_after_issue(scope.city, report.year, report.month, issued),
            "today": clock.today(),
        },
    )


def _asked_report(request: HttpRequest, city: Region) -> IndicatorReport:
    """The report of the month and group asked for (?year=&month=&group=), or 404 saying why."""
    year, month = _month(request, city)
    try:
        return build_report(city, year, month, group=request.GET.get("group") or None)
    except ReportError as error:
        raise Http404(str(error)) from error


@require_POST
def indicator_board_issue(request: HttpRequest) -> HttpResponse:
    """The city office issues the month's report of a group: numbered, with the 成文日期 posted."""
    scope: Scope = request.scope
    if not scope.sees_city_totals:
        raise Http404("没有这个页面")
    if not scope.is_city_office:
        raise PermissionDenied("只有市项目办可以印发")
    report = _asked_report(request, scope.city)
    back = redirect(f"{reverse('indicator_board')}?{request.GET.urlencode()}")
    return issue_posted(
        request,
        lambda dated: issue_report(
            scope.city, report, dated=dated, user=request.user, today=clock.today()
        ),
        back,
    )


def indicator_board_file(request: HttpRequest, extension: str) -> HttpResponse:
    """The 指标调度 report as .xlsx or .docx, as `indicator-report --format` writes it: as
    issued once the group's report has been issued; with ?current=1 the .xlsx of the figures
    as they stand."""
    scope: Scope = request.scope
    if not scope.sees_city_totals or extension not in ("xlsx", "docx"):
        raise Http404("没有这个文件")
    report = _asked_report(request, scope.city)
    # ?current=1: the figures as they stand, beside the issued workbook, once they changed
    # after issue (tryout 26 item 5)
    current = extension == "xlsx" and request.GET.get("current") == "1"
    write = report_xlsx if extension == "xlsx" else report_docx
    content = as_xlsx(report) if current else write(scope.city, report)
    which = "（当前数字）" if current else ""
    name = f"{scope.city.name}{report.label}主要指标调度情况{which}.{extension}"
    return file_response(content, extension, name)


def county_places(request: HttpRequest) -> HttpResponse:
    """A county's own page: its place in each of its peer groups for every indicator, the
    changes of rank and its targets. A county office sees its own county; those who see the
    city's totals choose a unit with ?region=."""
    scope: Scope = request.scope
    if scope.county is not None:
        county = scope.county
    elif scope.sees_city_totals:
        units = scope.units()
        chosen = request.GET.get("region", "")
        county = next((u for u in units if str(u.pk) == chosen), units[0] if units else None)
    else:
        county = None
    if county is None:
        raise Http404("没有这个页面")
    year, month = _month(request, scope.city)
    groups = PeerGroup.objects.filter(city=scope.city, members=county)
    places = []
    for group in groups:
        try:
            report = build_report(scope.city, year, month, group=group.name, region=county.name)
        except ReportError:
            continue
        size = len(group_members(group))
        places.append(
            {"group": group, "size": size, "named": sized(group.name, size), "report": report}
        )
    first = places[0]["report"] if places else None
    targets = target_lines(scope.city, year, month, [county])
    rows = _place_rows(places)
    return render(
        request,
        "indicators/county_places.html",
        {
            "county": county,
            "year": year,
            "month": month,
            "units": scope.units() if scope.sees_city_totals else [],
            "places": places,
            "rows": rows,
            "summary": [
                places_summary(
                    place["group"].name,
                    [
                        (row["groups"][at]["line"], row["groups"][at]["among"])
                        for row in rows
                        if row["groups"][at]["line"]
                    ],
                )
                for at, place in enumerate(places)
            ],
            "targets": _target_table(targets),
            "half_missed": _half_missed(targets, [county.name]),
            "node_tables": _node_tables(target_nodes_of(scope.city, year, month, [county])),
            "breakdown_grains": BREAKDOWN_GRAINS,
            "target_headers": TARGET_HEADERS,
            "sentences": first.sentences if first else target_sentences(targets, named=True),
            "label": first.label if first else f"{year}年{period_label(month)}",
        },
    )


def _place_rows(places: list[dict]) -> list[dict]:
    """Per indicator: its value and growth (the same in every group) and, per group, the
    cell's label (全市位次) and the county's line (rank, changes; None where the group has no
    figure of it), with `among` those with a figure when not all of the group have one."""
    rows: dict[int, dict] = {}
    for at, place in enumerate(places):
        for table in place["report"].indicators:
            row = rows.setdefault(
                table.indicator.pk,
                {
                    "indicator": table.indicator,
                    "unit": table.shown.unit,
                    "cells": text_rows(table)[0],
                    "groups": {},
                },
            )
            line = table.lines[0]
            row["groups"][at] = {
                "line": line,
                "among": table.among,
                # no move where the regions ranked differ (`arithmetic.moves_comparable`)
                "move": "不可比" if line.move_note else rank_move_cell(line.rank_change),
                "move_year": "不可比"
                if line.move_note_year
                else rank_move_cell(line.rank_change_year),
            }
    labels = [f"{place['group'].short_name}位次" for place in places]
    return [
        {
            **row,
            "groups": [
                {"label": label, "line": None, **row["groups"].get(at, {})}
                for at, label in enumerate(labels)
            ],
        }
        for row in rows.values()
    ]
