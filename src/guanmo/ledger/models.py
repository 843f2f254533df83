"""The ledger (台账): key projects, their key-list memberships, annual plans and monthly progress.

Money is stored in 万元 as exact decimals; four places keep 亿元 sheets exact after conversion.
"""

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from guanmo.ledger.due import due_in
from guanmo.ledger.key_lists import entries_listed_in
from guanmo.regions.models import Region


def money_field(verbose_name: str, **kwargs) -> models.DecimalField:
    return models.DecimalField(verbose_name, max_digits=18, decimal_places=4, **kwargs)


class Stage(models.TextChoices):
    NEW_START = "新开工", "新开工"
    CONTINUING = "续建", "续建"
    COMPLETED = "竣工", "竣工"
    PREPARATORY = "前期", "前期"


class ConstructionNature(models.TextChoices):
    """建设性质 as investment statistics has it, beside (not instead of) the key-project stage."""

    NEW = "新建", "新建"
    EXTENSION = "扩建", "扩建"
    RECONSTRUCTION = "改建", "改建"
    RELOCATION = "迁建", "迁建"
    RESTORATION = "恢复", "恢复"


class Level(models.TextChoices):
    PROVINCE = "省", "省重点"
    CITY = "市", "市重点"
    COUNTY = "县", "县重点"


class ProjectQuerySet(models.QuerySet):
    def in_ledger(
        self, year: int, *, month: int | None = None, level: str | None = None
    ) -> "ProjectQuerySet":
        """The projects on a key list of `year` (at `level` if given), each once; with
        `month`, only those still counted in that month: a project taken off a list
        (调出重点项目名录) counts to the end of the month it left (`ledger.key_lists`). Every
        count, list and warning of projects in the ledger goes through here; pages of history
        (a project's page, the bulletin of the month it left) read the project itself."""
        lists = KeyListEntry.objects.filter(project=models.OuterRef("pk"), year=year)
        if level:
            lists = lists.filter(level=level)
        if month is not None:
            lists = lists.filter(entries_listed_in(year, month))
        return self.filter(models.Exists(lists))

    def due_to_report(self, year: int, month: int) -> "ProjectQuerySet":
        """Those due to report the month: entered the ledger by its end (`ledger.due`)."""
        return self.filter(due_in(year, month))


class Project(models.Model):
    """A key project. `county` is the unit that counts it in rankings: its only county, the
    lead county of a project lying in several (`other_counties` holds the rest), or the city
    itself for a city-level project (全市, 市直), which is in the city's total but not ranked."""

    city = models.ForeignKey(
        Region, verbose_name="城市", on_delete=models.PROTECT, related_name="city_projects"
    )
    county = models.ForeignKey(
        Region, verbose_name="所在县区", on_delete=models.PROTECT, related_name="projects"
    )
    other_counties = models.ManyToManyField(
        Region, verbose_name="其他所在县区", blank=True, related_name="shared_projects"
    )
    name = models.CharField("项目名称", max_length=200)
    code = models.CharField("项目代码", max_length=32, blank=True, default="")
    owner = models.CharField("建设单位", max_length=200, blank=True, default="")
    industry = models.CharField("产业类别", max_length=64, blank=True, default="")
    stage = models.CharField(
        "建设性质", max_length=8, choices=Stage.choices, blank=True, default=""
    )
    construction_nature = models.CharField(
        "建设性质（统计）", max_length=8, choices=ConstructionNature.choices, blank=True, default=""
    )
    category = models.CharField("项目类型", max_length=64, blank=True, default="")
    scope = models.TextField("建设规模及主要内容", blank=True, default="")
    start_year = models.PositiveSmallIntegerField("开工年份", null=True, blank=True)
    end_year = models.PositiveSmallIntegerField("竣工年份", null=True, blank=True)
    total_investment = money_field("总投资（万元）", default=0)
    responsible_unit = models.CharField("责任单位", max_length=200, blank=True, default="")
    leader_in_charge = models.CharField("包抓领导", max_length=100, blank=True, default="")
    site_commissioner = models.CharField("驻工地专员", max_length=100, blank=True, default="")
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="包抓领导账号",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_projects",
    )
    commissioner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="驻工地专员账号",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stationed_projects",
    )
    location = models.CharField("建设地点", max_length=200, blank=True, default="")
    latitude = models.DecimalField("纬度", max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField("经度", max_digits=9, decimal_places=6, null=True, blank=True)
    # The day the project entered the key-project list: a started lead on its start
    # (attraction.services.link_to_ledger), a project an import creates on the first day of the
    # import's month. It reports and counts in its unit's totals from that month, never for the
    # months before (ledger.due).
    entered_on = models.DateField(
        "转入台账日期",
        null=True,
        blank=True,
        help_text=(
            "项目列入重点项目名录（转入台账）之日，自当月起报送进度、计入所在县区的年度计划和"
            "完成率；招商项目开工转入的，为其开工日期；为空则全年报送和计入"
        ),
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = "重点项目"
        verbose_name_plural = "重点项目"
        ordering = ["county__sort_order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["city", "code"],
                condition=~models.Q(code=""),
                name="project_code_unique_in_city",
            ),
        ]
        indexes = [models.Index(fields=["county", "name"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_city_level(self) -> bool:
        """A project of the city itself (全市, 市直): counted in the city's total, not ranked."""
        return self.county_id == self.city_id

    @property
    def planned_start(self) -> date | None:
        """计划开工: the 开工 milestone's planned date, the one place it is kept."""
        milestone = self.milestones.filter(kind=MilestoneKind.STARTED).first()
        return milestone.planned if milestone else None

    def counties_named(self) -> str:
        """Every county it lies in, the lead first: "武陟县、温县"."""
        return "、".join([self.county.name, *(c.name for c in self.other_counties.all())])


class KeyListEntry(models.Model):
    """A project's place on a key list of one year and level; one project may be on several.

    A project taken off the list (调出重点项目名录) keeps its entry, with the day it left and
    why, so its history and figures stay and the bulletin of that month can name it."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="key_lists")
    year = models.PositiveSmallIntegerField("年度")
    level = models.CharField("级别", max_length=2, choices=Level.choices)
    removed_on = models.DateField("调出名录日期", null=True, blank=True)
    removal_reason = models.TextField("调出原因", blank=True, default="")

    class Meta:
        verbose_name = "重点项目名录"
        verbose_name_plural = "重点项目名录"
        constraints = [
            models.UniqueConstraint(fields=["project", "year", "level"], name="key_list_once"),
        ]
        indexes = [models.Index(fields=["year", "level"])]

    def __str__(self) -> str:
        return f"{self.year}年{self.get_level_display()}：{self.project}"


class MilestoneKind(models.TextChoices):
    """A project's milestones in the order it passes them: 前期手续 (立项 to 施工许可), then
    开工, 入统, 主体完工, 竣工, 投产 (source: issue 14, "Milestones and planned curves")."""

    APPROVAL = "立项", "立项"
    LAND = "用地", "用地"
    PLANNING = "规划", "规划"
    ENVIRONMENT = "环评", "环评"
    PERMIT = "施工许可", "施工许可"
    STARTED = "开工", "开工"
    ENROLLED = "入统", "入统"
    STRUCTURE = "主体完工", "主体完工"
    COMPLETED = "竣工", "竣工"
    PRODUCING = "投产", "投产"


class Milestone(models.Model):
    """A milestone of a project with its planned and actual date (either may be unknown). The
    one place each date is kept: 计划开工 is the 开工 milestone's planned date."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField("节点", max_length=8, choices=MilestoneKind.choices)
    planned = models.DateField("计划日期", null=True, blank=True)
    reached = models.DateField("实际日期", null=True, blank=True)

    class Meta:
        verbose_name = "项目节点"
        verbose_name_plural = "项目节点"
        constraints = [
            models.UniqueConstraint(fields=["project", "kind"], name="milestone_once"),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.kind}"


class AnnualPlan(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="annual_plans")
    year = models.PositiveSmallIntegerField("年度")
    planned_investment = money_field("年度计划投资（万元）")

    class Meta:
        verbose_name = "年度计划投资"
        verbose_name_plural = "年度计划投资"
        constraints = [
            models.UniqueConstraint(fields=["project", "year"], name="annual_plan_once"),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.year}年计划 {self.planned_investment} 万元"


class MonthlyPlan(models.Model):
    """A month's share of a project's annual plan as the office set it (the project's curve);
    a year without them follows the city's seasonal shape (ledger.curve)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="monthly_plans")
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField(
        "月份", validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    planned_investment = money_field("月度计划投资（万元）", validators=[MinValueValidator(0)])

    class Meta:
        verbose_name = "月度计划投资"
        verbose_name_plural = "月度计划投资"
        ordering = ["year", "month"]
        constraints = [
            models.UniqueConstraint(fields=["project", "year", "month"], name="monthly_plan_once"),
            models.CheckConstraint(
                condition=models.Q(month__gte=1, month__lte=12), name="monthly_plan_month_in_year"
            ),
            models.CheckConstraint(
                condition=models.Q(planned_investment__gte=0), name="monthly_plan_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.year}年{self.month}月计划 {self.planned_investment} 万元"


class CompletedBeforeYear(models.Model):
    """截至上年底累计完成投资: what a project had completed since its start up to the end of the
    year before `year`. A sheet giving only the since-start cumulative (开累) gives the year's
    cumulative as 开累 minus this figure, and only so (issue 9 §3)."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="completed_before_years"
    )
    year = models.PositiveSmallIntegerField("年度")
    completed = money_field("截至上年底累计完成投资（万元）", validators=[MinValueValidator(0)])

    class Meta:
        verbose_name = "截至上年底累计完成投资"
        verbose_name_plural = "截至上年底累计完成投资"
        constraints = [
            models.UniqueConstraint(fields=["project", "year"], name="completed_before_year_once"),
            models.CheckConstraint(
                condition=models.Q(completed__gte=0), name="completed_before_year_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} 截至{self.year - 1}年底累计 {self.completed} 万元"


class MonthlyProgress(models.Model):
    """One month's report for a project; `cumulative_completed` is the year to date (1—M月)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="monthly_progress")
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField(
        "月份", validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    completed_this_month = money_field("本月完成投资（万元）", default=0)
    cumulative_completed = money_field("累计完成投资（万元）", default=0)
    visible_progress = models.TextField("形象进度", blank=True, default="")
    problems = models.TextField("存在问题", blank=True, default="")

    class Meta:
        verbose_name = "月度进度"
        verbose_name_plural = "月度进度"
        ordering = ["year", "month"]
        constraints = [
            models.UniqueConstraint(fields=["project", "year", "month"], name="progress_once"),
            models.CheckConstraint(
                condition=models.Q(month__gte=1, month__lte=12), name="progress_month_in_year"
            ),
        ]
        indexes = [models.Index(fields=["year", "month"])]

    def __str__(self) -> str:
        return f"{self.project} {self.year}年{self.month}月"
