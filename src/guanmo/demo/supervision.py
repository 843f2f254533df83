"""The demo city's supervision (督查督办), so that every problem page has something to show.

Six city departments, one user each; three dozen problems over the year, raised from monthly
reports' 存在问题, by site commissioners, county offices and the city office: solved on time or
late and confirmed, solved and waiting for confirmation, open within their deadline, or overdue
and escalated to the county office, the city office and the leader in charge; one reopened; two
supervision orders; and a special coordination meeting whose three decisions are problems.

Every step goes through supervision's own services, day by day up to the demo's today, with the
daily escalation run before each day's work as the `escalate-problems` command does in real use.
"""

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import groupby

from django.db import transaction

from guanmo.accounts.models import Department, Role, User
from guanmo.demo.city import TODAY, YEAR
from guanmo.demo.people import DemoLogin, demo_login
from guanmo.demo.problem_lives import ORDERED, OUTCOMES, PLAN, Event, Outcome
from guanmo.documents.models import IssuedDocument, Kind
from guanmo.ledger.models import Project
from guanmo.regions.models import Region
from guanmo.reporting.models import Period, ReportEntry
from guanmo.supervision import services
from guanmo.supervision.deadlines import level_due_on
from guanmo.supervision.models import Level, Meeting, Problem, ProblemType, SupervisionRules
from guanmo.supervision.selectors import rules_for

Source = Problem.Source

LAND = "市自然资源和规划局"
ENVIRONMENT = "市生态环境局"
DEVELOPMENT = "市发展和改革委员会"
FINANCE = "市财政局"
HOUSING = "市住房和城乡建设局"
POWER = "国网焦作供电公司"
DEPARTMENT_USERS = {  # department: (username, the person who answers for it)
    LAND: ("zrzyj", "刘振国"),
    ENVIRONMENT: ("sthjj", "陈晓燕"),
    DEVELOPMENT: ("fgw", "王立新"),
    FINANCE: ("czj", "张海峰"),
    HOUSING: ("zjj", "李卫红"),
    POWER: ("gdgs", "赵志刚"),
}

# What each of the demo reports' 存在问题 (`city.PROBLEMS`, every one) is, and who answers for it.
REPORTED = {
    "土地报批手续尚未完成": ("land", LAND),
    "配套资金未完全到位": ("funds", FINANCE),
    "环评批复待下达": ("environment", ENVIRONMENT),
    "电力外线接入需协调": ("utilities", POWER),
    "征迁工作进展缓慢": ("resettlement", HOUSING),
}

# Problems raised by hand: type, department, what is wrong.
RAISED = (
    ("land", LAND, "项目二期用地指标尚未落实，影响厂房开工"),
    ("land", LAND, "土地组卷报批材料被退回补正，需指导完善"),
    ("land", LAND, "占用林地手续未办理，影响道路路基施工"),
    ("planning", LAND, "规划设计方案调整未批复，无法办理工程规划许可"),
    ("planning", HOUSING, "施工图审查意见未闭合，施工许可证无法办理"),
    ("environment", ENVIRONMENT, "环评报告书技术评估意见尚未出具"),
    ("environment", ENVIRONMENT, "重污染天气管控期间停工，需明确错峰施工安排"),
    ("environment", ENVIRONMENT, "排污许可证申领材料待审核"),
    ("funds", FINANCE, "市级配套资金2000万元尚未拨付"),
    ("funds", DEVELOPMENT, "专项债券资金申报未通过初审，需指导完善申报材料"),
    ("funds", FINANCE, "工程款拨付审核周期长，施工单位资金紧张"),
    ("utilities", POWER, "施工临时用电容量不足，需尽快增容"),
    ("utilities", POWER, "高压线路迁改未实施，影响塔吊作业"),
    ("utilities", POWER, "110千伏变电站间隔扩建方案未批复，影响设备调试"),
    ("resettlement", HOUSING, "3户房屋征收补偿协议未签订，影响道路贯通"),
    ("resettlement", HOUSING, "安置房建设滞后，群众搬迁意愿不强"),
    ("other", DEVELOPMENT, "项目可研批复需调整，投资规模需重新核定"),
    ("other", DEVELOPMENT, "节能审查意见尚未出具"),
    ("other", HOUSING, "施工许可证办理进度较慢"),
)
REOPENED = ("utilities", POWER, "10千伏专线尚未接入，新建生产线无法带电调试")
REOPEN_REASON = "经现场核实，专线杆塔已立但尚未架线送电，生产线仍无法调试，问题未解决，请继续办理"

PROGRESS = {  # what a department reports before it is done
    "land": "已与县区自然资源部门对接，正在完善组卷材料",
    "planning": "已组织专家审查，正在按意见修改完善",
    "environment": "已安排技术评估，正在组织现场核查",
    "funds": "已纳入资金拨付计划，正在履行审核程序",
    "utilities": "已完成现场踏勘，正在编制接入方案",
    "resettlement": "已成立工作专班，正在逐户做思想工作",
    "other": "已受理，正在按程序办理",
}
SOLUTIONS = {  # what a department reports when it is done
    "land": "已完成用地组卷并报省自然资源厅批复，用地手续办结",
    "planning": "规划方案已批复，工程规划许可证已核发",
    "environment": "环评批复已下达，项目可依法开工建设",
    "funds": "资金已拨付到项目单位账户",
    "utilities": "已完成线路架设并送电，满足施工和调试用电",
    "resettlement": "补偿协议已全部签订，房屋已完成拆除，场地已交付",
    "other": "相关手续已办结，证照已送达项目单位",
}
CONFIRMATIONS = ("经现场核实，问题已解决", "已核实，同意办结", "项目单位确认问题已解决")

MEETING_DAY = date(YEAR, 11, 20)
MEETING_TOPIC = "包抓重点项目要素保障专题推进会"
MEETING_ATTENDEES = (
    "市项目办、市自然资源和规划局、市财政局、国网焦作供电公司负责同志，有关县区政府分管负责同志"
)
DECISIONS = (  # type, department, decision, deadline, what happened to it by the demo's today
    (
        "land",
        LAND,
        "市自然资源和规划局牵头，完成项目剩余45亩用地组卷报批",
        date(YEAR, 12, 10),
        ((date(YEAR, 11, 28), "answer"), (date(YEAR, 12, 8), "solve"), (TODAY, "confirm")),
    ),
    (
        "utilities",
        POWER,
        "国网焦作供电公司完成35千伏专线接入工程，确保年底前送电",
        date(YEAR, 12, 25),
        ((date(YEAR, 12, 12), "solve"),),
    ),
    (
        "funds",
        FINANCE,
        "市财政局年底前拨付市级配套资金3000万元",
        date(YEAR, 12, 31),
        ((date(YEAR, 12, 5), "answer"),),
    ),
)


@dataclass
class Case:
    """One demo problem: what it is, who raised it, and what happens to it when."""

    project: Project
    problem_type: str
    department: Department
    text: str
    source: str
    raised_by: User
    raised_on: date
    events: list[Event] = field(default_factory=list)
    deadline: date | None = None  # None: the type's default
    report_entry: ReportEntry | None = None
    meeting: Meeting | None = None
    ordered: bool = False  # the city office issues a supervision order once it has climbed


@dataclass(frozen=True)
class DemoSupervision:
    logins: list[DemoLogin]  # the departments' users
    problems: int
    escalated: int  # open, overdue and climbed past the department
    meeting: Meeting


@transaction.atomic
def create_demo_supervision(city: Region, seed: int) -> DemoSupervision:
    """(Re)create the departments with their users, the year's problems and the meeting."""
    Meeting.objects.filter(city=city).delete()
    Problem.objects.filter(project__city=city).delete()
    # The orders' issued files go with them (their numbers start again from 1).
    IssuedDocument.objects.filter(city=city, kind=Kind.SUPERVISION_ORDER).delete()
    SupervisionRules.objects.filter(city=city).delete()  # the default deadlines, as planned
    rng = random.Random(seed)
    departments, answerers, logins = _departments(city)
    cases = _Cases(city, rng, departments)
    for outcome, source, count in PLAN:
        for number in range(count):
            cases.plan(outcome, source, ordered=(outcome, source) in ORDERED and not number)
    meeting = cases.plan_meeting()
    _live(cases, answerers, rng)
    problems = Problem.objects.filter(project__city=city)
    return DemoSupervision(
        logins=logins,
        problems=problems.count(),
        escalated=problems.filter(status=Problem.Status.OPEN, level__gt=Level.DEPARTMENT).count(),
        meeting=meeting,
    )


def _departments(city: Region) -> tuple[dict[str, Department], dict[int, User], list[DemoLogin]]:
    """The departments by name, the user answering for each (by the department's key), and
    their logins."""
    departments, answerers, logins = {}, {}, []
    for name, (username, person) in DEPARTMENT_USERS.items():
        department, _ = Department.objects.get_or_create(city=city, name=name)
        user, printed = demo_login(
            username,
            Role.DEPARTMENT,
            city,
            name,
            full_name=person,
            unit=name,
            department=department,
        )
        departments[name], answerers[department.pk] = department, user
        logins.append(printed)
    return departments, answerers, logins


class _Cases:
    """Plans the problems: picks their projects (each once), texts, raisers and days."""

    def __init__(self, city: Region, rng: random.Random, departments: dict[str, Department]):
        self.city, self.rng, self.departments = city, rng, departments
        self.planned: list[Case] = []
        self.used: set[int] = set()
        rules = rules_for(city)
        self.days = {kind: rules.days_for(kind) for kind, _ in ProblemType.choices}
        self.escalation_days = rules.escalation_days
        self.projects = list(
            Project.objects.filter(city=city).select_related("commissioner").order_by("pk")
        )
        self.office = User.objects.get(role=Role.CITY_OFFICE, region=city)
        self.county_offices = {
            user.region_id: user
            for user in User.objects.filter(role=Role.COUNTY_OFFICE, region__parent=city)
        }
        self.deadlines = dict(
            Period.objects.filter(city=city, year=YEAR).values_list("month", "deadline")
        )
        self.reported = defaultdict(list)  # (month, 存在问题): the report lines saying it
        entries = ReportEntry.objects.filter(
            report__period__city=city, report__period__year=YEAR, problems__in=list(REPORTED)
        ).select_related("report__period", "project")
        for entry in entries.order_by("report__period__month", "project_id"):
            self.reported[entry.report.period.month, entry.problems].append(entry)
        self.texts = list(RAISED)
        rng.shuffle(self.texts)

    def plan(self, outcome: str, source: str, *, ordered: bool = False) -> None:
        life = OUTCOMES[outcome]
        if source == Source.REPORT:
            case = self._from_report(life)
        else:
            kind, department, text = REOPENED if outcome == "reopened" else self._next_text()
            raised_on, events = life(self.rng, self.days[kind])
            project = self._project(
                commissioned=source == Source.COMMISSIONER, led=outcome == "leader"
            )
            case = Case(
                project,
                kind,
                self.departments[department],
                text,
                source,
                self._raiser(source, project),
                raised_on,
                events,
            )
        case.ordered = ordered
        self._keep(case)

    def plan_meeting(self) -> Meeting:
        """The leader in charge's meeting on his projects; each decision is a problem."""
        meeting = services.record_meeting(
            self.city,
            held_on=MEETING_DAY,
            topic=MEETING_TOPIC,
            chair=User.objects.filter(role=Role.LEADER, region=self.city).order_by("pk").first(),
            attendees=MEETING_ATTENDEES,
            user=self.office,
        )
        for kind, department, decision, deadline, events in DECISIONS:
            case = Case(
                self._project(led=True),
                kind,
                self.departments[department],
                decision,
                Source.MEETING,
                self.office,
                MEETING_DAY,
                list(events),
                deadline=deadline,
                meeting=meeting,
            )
            self._keep(case)
        return meeting

    def _keep(self, case: Case) -> None:
        self.used.add(case.project.pk)
        self.planned.append(case)

    def _next_text(self) -> tuple[str, str, str]:
        text = self.texts.pop(0)
        self.texts.append(text)
        return text

    def _from_report(self, life: Outcome) -> Case:
        """A county office raises a line's 存在问题 from the latest report due before the day."""
        for _ in range(100):
            said = self.rng.choice(sorted(REPORTED))
            kind, department = REPORTED[said]
            raised_on, events = life(self.rng, self.days[kind])
            month = max(m for m, deadline in self.deadlines.items() if deadline < raised_on)
            lines = [e for e in self.reported[month, said] if e.project_id not in self.used]
            if lines:
                entry = self.rng.choice(lines)
                return Case(
                    entry.project,
                    kind,
                    self.departments[department],
                    said,
                    Source.REPORT,
                    self.county_offices[entry.project.county_id],
                    raised_on,
                    events,
                    report_entry=entry,
                )
        raise ValueError("演示月报中找不到可交办的存在问题")

    def _project(self, *, commissioned: bool = False, led: bool = False) -> Project:
        """A project not yet picked; one with a commissioner, or a leader in charge, if asked."""
        candidates = [
            p
            for p in self.projects
            if p.pk not in self.used
            and (p.commissioner_id or not commissioned)
            and (p.leader_id or not led)
        ]
        return self.rng.choice(candidates)

    def _raiser(self, source: str, project: Project) -> User:
        if source == Source.COMMISSIONER:
            return project.commissioner
        if source == Source.CITY_OFFICE:
            return self.office
        return self.county_offices[project.county_id]


def _live(cases: "_Cases", answerers: dict[int, User], rng: random.Random) -> None:
    """Raise the planned problems, then go through their days in order: the daily escalation
    first, then the day's answers, confirmations, reopenings and orders; last, today's
    escalation."""
    city, office = cases.city, cases.office
    events = []
    for case in sorted(cases.planned, key=lambda case: case.raised_on):
        problem = _raise(case)
        if case.ordered:  # soon after it has climbed to the city office
            climbed = level_due_on(problem.deadline, Level.CITY_OFFICE, cases.escalation_days)
            case.events.append((min(climbed + timedelta(days=rng.randint(0, 2)), TODAY), "order"))
        events += [(day, what, problem) for day, what in case.events]
    events.sort(key=lambda event: event[0])
    for day, todays in groupby(events, key=lambda event: event[0]):
        services.escalate_overdue(city, today=day)
        for _, what, problem in todays:
            if what in ("answer", "solve"):
                notes = SOLUTIONS if what == "solve" else PROGRESS
                services.answer(
                    problem,
                    user=answerers[problem.department_id],
                    note=notes[problem.problem_type],
                    solved=what == "solve",
                    today=day,
                )
            elif what == "confirm":
                note = rng.choice(CONFIRMATIONS)
                services.confirm(problem, user=problem.raised_by, note=note, today=day)
            elif what == "reopen":
                services.reopen(problem, user=problem.raised_by, reason=REOPEN_REASON, today=day)
            elif what == "order":
                services.issue_order(
                    problem,
                    user=office,
                    requirements=_requirements(problem),
                    deadline=day + timedelta(days=7),
                    today=day,
                )
    services.escalate_overdue(city, today=TODAY)


def _raise(case: Case) -> Problem:
    if case.meeting is not None:
        return services.add_decision(
            case.meeting,
            case.project,
            problem_type=case.problem_type,
            text=case.text,
            department=case.department,
            deadline=case.deadline,
            user=case.raised_by,
        )
    return services.raise_problem(
        case.project,
        problem_type=case.problem_type,
        text=case.text,
        department=case.department,
        user=case.raised_by,
        source=case.source,
        raised_on=case.raised_on,
        deadline=case.deadline,
        report_entry=case.report_entry,
    )


def _requirements(problem: Problem) -> str:
    """The order's requirements; its deadline (a week after the order) is the order's own
    field, stated once in its text, so the two can never disagree."""
    return (
        f"请{problem.department}高度重视，明确责任人，倒排工期，按期办结，"
        "并将办理情况书面报送市重点项目建设办公室。"
    )
