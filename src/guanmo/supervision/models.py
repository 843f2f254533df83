"""Supervision (督查督办): problems that block key projects, followed until solved.

A problem is assigned to a department with a deadline. Past its deadline it climbs one level at
a time (county office → city project office → the project's leader in charge); every step of
its life is a `ProblemStep`. The city office may issue a supervision order (督办单) for it, and
the decisions of a special coordination meeting (专题推进会) are problems of their own.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from guanmo import clock
from guanmo.accounts.models import Department
from guanmo.documents.models import Kind
from guanmo.documents.official import chinese_date
from guanmo.documents.services import number_of, office_for
from guanmo.ledger.models import Project
from guanmo.regions.models import Region
from guanmo.reporting.models import ReportEntry
from guanmo.supervision.deadlines import DEFAULT_DAYS, DEFAULT_ESCALATION_DAYS


class ProblemType(models.TextChoices):
    LAND = "land", "用地"
    FUNDS = "funds", "资金"
    ENVIRONMENT = "environment", "环评"
    PLANNING = "planning", "规划"
    UTILITIES = "utilities", "水电气"
    RESETTLEMENT = "resettlement", "征迁安置"
    OTHER = "other", "其他"


class Level(models.IntegerChoices):
    """Who is answerable for pushing a problem: the department alone until the deadline, then
    one level higher for each overdue period."""

    DEPARTMENT = 0, "责任部门"
    COUNTY_OFFICE = 1, "县区项目办"
    CITY_OFFICE = 2, "市项目办"
    LEADER = 3, "包抓领导"


AT_LEAST_A_DAY = [MinValueValidator(1)]


class SupervisionRules(models.Model):
    """A city's deadlines: days allowed per problem type, and the overdue period after which a
    problem climbs one more level. A city without a row uses the defaults."""

    city = models.OneToOneField(
        Region, verbose_name="城市", on_delete=models.CASCADE, related_name="supervision_rules"
    )
    land_days = models.PositiveSmallIntegerField(
        "用地问题办理时限（天）", validators=AT_LEAST_A_DAY, default=DEFAULT_DAYS["land"]
    )
    funds_days = models.PositiveSmallIntegerField(
        "资金问题办理时限（天）", validators=AT_LEAST_A_DAY, default=DEFAULT_DAYS["funds"]
    )
    environment_days = models.PositiveSmallIntegerField(
        "环评问题办理时限（天）", validators=AT_LEAST_A_DAY, default=DEFAULT_DAYS["environment"]
    )
    planning_days = models.PositiveSmallIntegerField(
        "规划问题办理时限（天）", validators=AT_LEAST_A_DAY, default=DEFAULT_DAYS["planning"]
    )
    utilities_days = models.PositiveSmallIntegerField(
        "水电气问题办理时限（天）", validators=AT_LEAST_A_DAY, default=DEFAULT_DAYS["utilities"]
    )
    resettlement_days = models.PositiveSmallIntegerField(
        "征迁安置问题办理时限（天）",
        validators=AT_LEAST_A_DAY,
        default=DEFAULT_DAYS["resettlement"],
    )
    other_days = models.PositiveSmallIntegerField(
        "其他问题办理时限（天）", validators=AT_LEAST_A_DAY, default=DEFAULT_DAYS["other"]
    )
    escalation_days = models.PositiveSmallIntegerField(
        "逾期升级周期（天）",
        default=DEFAULT_ESCALATION_DAYS,
        validators=AT_LEAST_A_DAY,
        help_text="逾期次日升级至县区项目办，此后每满此天数再升一级",
    )

    class Meta:
        verbose_name = "督办时限"
        verbose_name_plural = "督办时限"

    def __str__(self) -> str:
        return f"{self.city}督办时限"

    def days_for(self, problem_type: str) -> int:
        return getattr(self, f"{problem_type}_days")


class Meeting(models.Model):
    """A special coordination meeting (专题推进会) chaired by a leader; its decisions are
    problems with `meeting` set."""

    city = models.ForeignKey(
        Region, verbose_name="城市", on_delete=models.PROTECT, related_name="meetings"
    )
    held_on = models.DateField("会议日期")
    topic = models.CharField("会议议题", max_length=200)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="主持领导",
        on_delete=models.PROTECT,
        related_name="chaired_meetings",
    )
    attendees = models.TextField("参会人员", blank=True, default="")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="记录人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The form's own id, sent again by a double click: the meeting is recorded once.
    submission = models.UUIDField("提交编号", null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = "专题推进会"
        verbose_name_plural = "专题推进会"
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{chinese_date(self.held_on)}{self.topic}"


class Problem(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "办理中"
        SOLVED = "solved", "待确认"
        CONFIRMED = "confirmed", "已解决"

    class Source(models.TextChoices):
        REPORT = "report", "月报存在问题"
        COMMISSIONER = "commissioner", "驻工地专员"
        COUNTY_OFFICE = "county_office", "县区项目办"
        CITY_OFFICE = "city_office", "市项目办"
        MEETING = "meeting", "专题推进会"

    project = models.ForeignKey(
        Project, verbose_name="项目", on_delete=models.CASCADE, related_name="supervised_problems"
    )
    problem_type = models.CharField("问题类型", max_length=16, choices=ProblemType.choices)
    text = models.TextField("问题描述")
    department = models.ForeignKey(
        Department, verbose_name="责任部门", on_delete=models.PROTECT, related_name="problems"
    )
    deadline = models.DateField("办理时限")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.OPEN)
    level = models.PositiveSmallIntegerField(
        "督办层级", choices=Level.choices, default=Level.DEPARTMENT
    )
    source = models.CharField("来源", max_length=16, choices=Source.choices)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="交办人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="raised_problems",
    )
    raised_on = models.DateField("交办日期")
    report_entry = models.ForeignKey(
        ReportEntry,
        verbose_name="来自月报",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supervised_problems",
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name="来自专题推进会",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    solved_on = models.DateField("办结日期", null=True, blank=True)
    confirmed_on = models.DateField("确认日期", null=True, blank=True)

    class Meta:
        verbose_name = "督办问题"
        verbose_name_plural = "督办问题"
        ordering = ["deadline", "pk"]
        indexes = [
            models.Index(fields=["status", "deadline"]),
            models.Index(fields=["department", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.project}：{self.text[:30]}"


class ProblemStep(models.Model):
    """One step of a problem's life: who did what, when, at which level, and why."""

    class Action(models.TextChoices):
        RAISE = "raise", "交办"
        ANSWER = "answer", "报送办理情况"
        SOLVE = "solve", "办结"
        CONFIRM = "confirm", "确认解决"
        REOPEN = "reopen", "重新交办"
        ESCALATE = "escalate", "逾期升级"
        ORDER = "order", "下发督办单"
        INSTRUCT = "instruct", "领导批示"

    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField("操作", max_length=16, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField("时间", default=clock.now)
    on = models.DateField("日期")
    level = models.PositiveSmallIntegerField("督办层级", choices=Level.choices)
    note = models.TextField("说明", blank=True, default="")

    class Meta:
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"
        ordering = ["on", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.problem} {self.get_action_display()}"


class SupervisionOrder(models.Model):
    """A supervision order (督办单) issued by the city office, numbered per city and year."""

    problem = models.ForeignKey(
        Problem, verbose_name="督办问题", on_delete=models.CASCADE, related_name="orders"
    )
    city = models.ForeignKey(
        Region, verbose_name="城市", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    sequence = models.PositiveIntegerField("序号")
    requirements = models.TextField("督办要求")
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="签发人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issued_on = models.DateField("签发日期")
    # The order's own deadline: the problem's may have passed when the order is issued (that
    # is why it is issued), and an order dated 14 December cannot order completion by the 4th.
    deadline = models.DateField("办结时限")

    class Meta:
        verbose_name = "督办单"
        verbose_name_plural = "督办单"
        ordering = ["-year", "-sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["city", "year", "sequence"], name="supervision_order_number_once"
            ),
            models.CheckConstraint(
                condition=models.Q(deadline__gte=models.F("issued_on")),
                name="supervision_order_due_after_its_date",
                violation_error_message="办结时限不得早于督办单日期",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def number(self) -> str:
        """The city's 发文字号 prefix, 督 and the year's number: 焦作项目办督〔2025〕3号."""
        return number_of(office_for(self.city), Kind.SUPERVISION_ORDER, self.year, self.sequence)
