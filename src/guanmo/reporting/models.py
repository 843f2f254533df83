"""Monthly reporting: periods the city opens, each county's report and its review, and the
history of every change to a reported or ledger figure.

A county's entries are its draft; approval copies them into `ledger.MonthlyProgress`, which is
all that bulletins and rankings ever read. So only approved figures count.
"""

import unicodedata

from django.conf import settings
from django.db import models

from guanmo import clock
from guanmo.ledger.models import Project, money_field
from guanmo.regions.models import Region
from guanmo.regions.names import unit_name


class Period(models.Model):
    """A reporting month, opened by the city project office with a deadline."""

    city = models.ForeignKey(
        Region, verbose_name="城市", on_delete=models.PROTECT, related_name="periods"
    )
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("月份")
    deadline = models.DateField("报送截止日期")
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="开启人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The application's moment (GUANMO_TODAY's day when set), as every stamp here: FieldChange.at
    opened_at = models.DateTimeField("开启时间", default=clock.now, editable=False)
    closed_at = models.DateTimeField("关闭时间", null=True, blank=True)

    class Meta:
        verbose_name = "填报期"
        verbose_name_plural = "填报期"
        ordering = ["-year", "-month"]
        constraints = [
            models.UniqueConstraint(fields=["city", "year", "month"], name="period_once"),
        ]

    def __str__(self) -> str:
        return f"{self.year}年{self.month}月"

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已提交"
    RETURNED = "returned", "已退回"
    APPROVED = "approved", "已通过"


class Reviewed(models.Model):
    """A form under review. `version` goes up with every save, so that a save made from an
    older copy of the page is refused instead of overwriting someone else's work. Concrete
    subclasses add `period` (reporting.Period) and their steps (related name `steps`)."""

    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField("版本", default=0)
    reopened = models.BooleanField("关闭后重新打开", default=False)
    updated_at = models.DateTimeField("最后修改时间", null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="最后修改人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_editable(self) -> bool:
        """Drafts and returned forms may be edited while the period is open, or after one was
        reopened with a reason."""
        if self.status not in (Status.DRAFT, Status.RETURNED):
            return False
        return not self.period.is_closed or self.reopened


class Step(models.Model):
    """A form's workflow as it happened: saved, submitted, returned (why), approved, reopened
    (why). Concrete subclasses add the form (related name `steps`)."""

    class Action(models.TextChoices):
        SAVE = "save", "保存草稿"
        UPLOAD = "upload", "上传表格"
        SUBMIT = "submit", "提交"
        RETURN = "return", "退回"
        APPROVE = "approve", "审核通过"
        REOPEN = "reopen", "重新打开"

    action = models.CharField("操作", max_length=16, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField("时间", default=clock.now, editable=False)
    reason = models.TextField("原因", blank=True, default="")

    class Meta:
        abstract = True


class CountyReport(Reviewed):
    """One county's report for a period, under review (`Reviewed`)."""

    period = models.ForeignKey(
        Period, verbose_name="填报期", on_delete=models.CASCADE, related_name="reports"
    )
    county = models.ForeignKey(
        Region, verbose_name="县区", on_delete=models.PROTECT, related_name="reports"
    )

    class Meta:
        verbose_name = "县区月报"
        verbose_name_plural = "县区月报"
        ordering = ["period", "county__sort_order", "county__code"]
        constraints = [
            models.UniqueConstraint(fields=["period", "county"], name="county_report_once"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_name}{self.period}月报"

    @property
    def unit_name(self) -> str:
        """Whose report it is: the county's name, or 市本级 for the city's own projects, which
        the city office reports."""
        return unit_name(self.county.name, is_city=self.county_id == self.period.city_id)


# What counties write under 存在问题 when there is none (compared after NFKC, without a final
# full stop): not a problem to assign (交办) nor to count.
NO_PROBLEM = frozenset({"", "无", "暂无", "无问题", "暂无问题", "没有", "/", "-", "--", "—", "——"})


def states_a_problem(text: str) -> bool:
    """True when a 存在问题 text names a problem; blank, 无, 暂无, 无问题, / and — do not."""
    said = unicodedata.normalize("NFKC", text or "").strip().rstrip("。.;；").strip()
    return said not in NO_PROBLEM


class ReportEntry(models.Model):
    """A project's line in its county's report. Both figures are kept; either may be typed, the
    other is derived from the last approved cumulative figure, as the importer does."""

    report = models.ForeignKey(CountyReport, on_delete=models.CASCADE, related_name="entries")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="report_entries")
    completed_this_month = money_field("本月完成投资（万元）", null=True, blank=True)
    cumulative_completed = money_field("累计完成投资（万元）", null=True, blank=True)
    visible_progress = models.TextField("形象进度", blank=True, default="")
    problems = models.TextField("存在问题", blank=True, default="")

    class Meta:
        verbose_name = "填报明细"
        verbose_name_plural = "填报明细"
        constraints = [
            models.UniqueConstraint(fields=["report", "project"], name="entry_once"),
        ]

    def __str__(self) -> str:
        return f"{self.report}：{self.project}"

    @property
    def is_reported(self) -> bool:
        return self.cumulative_completed is not None

    @property
    def states_problem(self) -> bool:
        """Whether its 存在问题 names a problem (not "无", "暂无", "/"): only then is it 交办."""
        return states_a_problem(self.problems)


class ReviewStep(Step):
    """The report's workflow as it happened: saved, submitted, returned (why), approved,
    reopened (why)."""

    report = models.ForeignKey(CountyReport, on_delete=models.CASCADE, related_name="steps")

    class Meta:
        verbose_name = "审核记录"
        verbose_name_plural = "审核记录"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.report} {self.get_action_display()}"


class ImportRecord(models.Model):
    """One sheet loaded into the ledger or a month's reports: the file and the import report
    that was the user's proof (issue 9 §8). The changes it made point to it."""

    class Kind(models.TextChoices):
        LEDGER = "ledger", "台账"
        PROGRESS = "progress", "月度进度"
        INDICATORS = "indicators", "指标数值"
        TARGETS = "targets", "指标目标"
        ATTRACTION = "attraction", "招商项目"
        LAND = "land", "用地台账"
        PARK_FIGURES = "park_figures", "园区主要指标"

    city = models.ForeignKey(
        Region, verbose_name="城市", on_delete=models.CASCADE, related_name="imports"
    )
    county = models.ForeignKey(
        Region,
        verbose_name="上报县区",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField("类别", max_length=16, choices=Kind.choices)
    file_name = models.CharField("文件", max_length=255)
    report = models.JSONField("导入报告", default=dict)
    text = models.TextField("导入报告（文本）", blank=True, default="")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="导入人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField("时间", default=clock.now, editable=False)

    class Meta:
        verbose_name = "表格导入记录"
        verbose_name_plural = "表格导入记录"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}《{self.file_name}》"

    @property
    def uploader_name(self) -> str:
        """Whose report the sheet was uploaded to: a county, 市本级, or "" for the ledger's."""
        if self.county is None:
            return ""
        return unit_name(self.county.name, is_city=self.county_id == self.city_id)


class ColumnMapping(models.Model):
    """A column a city's user has named: the header text (as compared) and the field it is
    read as, or "" to ignore it. Remembered for the next import of the same office (`unit`:
    a county office's namings for its county's uploads, the city office's, with no unit, for
    the city's imports; tryout 31, finding 6: a county's naming replaced the city's), on the
    command line and on the web alike, with the period of the import it was named in and the
    header of the sheet it was named on: applied only where it fits (guanmo.sheets.remembered)."""

    city = models.ForeignKey(
        Region, verbose_name="城市", on_delete=models.CASCADE, related_name="column_mappings"
    )
    # the county whose office named it; none for the city office's (the city's own imports)
    unit = models.ForeignKey(
        Region,
        verbose_name="单位",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    header = models.CharField("表头", max_length=200)
    field = models.CharField("字段", max_length=32, blank=True, default="")  # "" = 忽略
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="设置人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # stamped by Guanmo's clock (`reporting.imports.remember_mapping`), as every other stamp is
    updated_at = models.DateTimeField("设置时间", default=clock.now, editable=False)
    # the import's year and month (none for a ledger's) it was named in; none when kept before
    year = models.PositiveSmallIntegerField("指定时导入的年份", null=True, blank=True)
    month = models.PositiveSmallIntegerField("指定时导入的月份", null=True, blank=True)
    # every column's text of the sheet it was named on, "｜" between; "" when kept before
    sheet_header = models.TextField("指定时的表头", blank=True, default="")

    class Meta:
        verbose_name = "列对应"
        verbose_name_plural = "列对应"
        ordering = ["city", "header"]
        constraints = [
            models.UniqueConstraint(
                fields=["city", "header"],
                condition=models.Q(unit__isnull=True),
                name="column_mapping_once",
            ),
            models.UniqueConstraint(
                fields=["city", "unit", "header"],
                condition=models.Q(unit__isnull=False),
                name="column_mapping_once_per_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.header} → {self.field or '忽略'}"


def import_record_field(related_name: str) -> models.ForeignKey:
    """The import that made a change or a figure (none for one made on a page); kept when the
    record goes."""
    return models.ForeignKey(
        ImportRecord,
        verbose_name="导入记录",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
    )


class FieldChange(models.Model):
    """One changed field: which, old, new, from where, who, when; the shape of every subject's
    history (a project's figures, indicator values and targets, leads), each subject adding its
    own key and context."""

    field = models.CharField("项目", max_length=64)
    old_value = models.TextField("原值", blank=True, default="")
    new_value = models.TextField("新值", blank=True, default="")
    source = models.CharField("来源", max_length=32)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="修改人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The application's moment (GUANMO_TODAY's day when set), not the machine's: a change made
    # in the demo city is dated in its December 2025, as its bulletins and warnings are.
    at = models.DateTimeField("时间", default=clock.now, editable=False)

    class Meta:
        abstract = True
        ordering = ["-at", "-id"]


class FigureChange(FieldChange):
    """One changed value of a project's figure or ledger field: who, when, old, new, why.

    Written by the services that change figures (never by views), so nothing is overwritten
    without a trace."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="changes")
    year = models.PositiveSmallIntegerField("年度", null=True, blank=True)
    month = models.PositiveSmallIntegerField("月份", null=True, blank=True)
    reason = models.TextField("原因", blank=True, default="")
    import_record = import_record_field("changes")

    class Meta:
        verbose_name = "修改记录"
        verbose_name_plural = "修改记录"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["project", "at"])]

    def __str__(self) -> str:
        return f"{self.project} {self.field}：{self.old_value} → {self.new_value}"
