"""The attraction register (招商引资): leads and signed projects, the dates of their stages,
their funds in place by month, and the history of every change to them.

Money is in 万元 as exact decimals (ledger.models.money_field). A lead's source is a region of
the national tree (regions.Region, created for it as a region kept to compare with) or a
country abroad; its industry a code of GB/T 4754—2017 (attraction.industries).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from guanmo.attraction.industries import industries
from guanmo.attraction.parcel_outline import OutlineError, read_outline
from guanmo.attraction.stages import Stage
from guanmo.ledger.models import (
    AbstractMilestone,
    MilestoneKind,
    Project,
    milestone_kind_field,
    money_field,
)
from guanmo.regions.models import Region
from guanmo.reporting.models import FieldChange, import_record_field


class Lead(models.Model):
    """A lead (洽谈) or signed project of a city, hosted by one of its counties (and a park),
    followed to full output; once started it is (or links to) a ledger project."""

    city = models.ForeignKey(
        Region, verbose_name="城市", on_delete=models.PROTECT, related_name="attraction_leads"
    )
    register_year = models.PositiveSmallIntegerField("登记年度")
    name = models.CharField("项目名称", max_length=200)
    investor = models.CharField("投资方", max_length=200, blank=True, default="")
    origin = models.ForeignKey(
        Region,
        verbose_name="投资方所在地",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    origin_abroad = models.CharField(
        "投资方所在国家（地区）", max_length=64, blank=True, default="", help_text="境外投资方"
    )
    abroad = models.BooleanField("境外投资方", default=False)
    industry_code = models.CharField(
        "行业代码", max_length=2, blank=True, default="", help_text="GB/T 4754—2017 门类或大类"
    )
    chain = models.CharField("所属产业链", max_length=64, blank=True, default="")
    contract_investment = money_field("合同投资（万元）", null=True, blank=True)
    county = models.ForeignKey(
        Region, verbose_name="所在县区", on_delete=models.PROTECT, related_name="hosted_leads"
    )
    park = models.ForeignKey(
        Region,
        verbose_name="所在园区",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="parked_leads",
    )
    leader_in_charge = models.CharField("包抓领导", max_length=100, blank=True, default="")
    dropped_on = models.DateField("终止洽谈日期", null=True, blank=True)
    project = models.OneToOneField(
        Project,
        verbose_name="重点项目",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attraction_lead",
    )

    class Meta:
        verbose_name = "招商项目"
        verbose_name_plural = "招商项目"
        ordering = ["county__sort_order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["city", "county", "name"], name="lead_named_once_per_county"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def industry_name(self) -> str:
        industry = industries().get(self.industry_code)
        return industry.name if industry else ""

    @property
    def industry_label(self) -> str:
        """Its industry with the code, as tables print it: "C38 电气机械和器材制造业"."""
        industry = industries().get(self.industry_code)
        return industry.label if industry else ""


class StageDate(models.Model):
    """A stage of a lead's life with its planned and actual date (either may be unknown)."""

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="stages")
    stage = models.CharField("阶段", max_length=4, choices=Stage.choices)
    planned = models.DateField("计划日期", null=True, blank=True)
    reached = models.DateField("实际日期", null=True, blank=True)

    class Meta:
        verbose_name = "项目阶段"
        verbose_name_plural = "项目阶段"
        constraints = [
            models.UniqueConstraint(fields=["lead", "stage"], name="stage_once_per_lead"),
        ]

    def __str__(self) -> str:
        return f"{self.lead} {self.stage}"


class FundsInPlace(models.Model):
    """Funds in place (资金到位) as reported for a month: cumulative since signing, in 万元."""

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="funds")
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField(
        "月份", validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    cumulative = money_field("累计到位资金（万元）")

    class Meta:
        verbose_name = "到位资金"
        verbose_name_plural = "到位资金"
        ordering = ["lead", "year", "month"]
        constraints = [
            models.UniqueConstraint(
                fields=["lead", "year", "month"], name="funds_once_per_lead_month"
            ),
            models.CheckConstraint(
                condition=models.Q(month__gte=1, month__lte=12), name="funds_month_in_year"
            ),
            models.CheckConstraint(
                condition=models.Q(cumulative__gte=0), name="funds_in_place_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.lead} {self.year}年{self.month}月"


# The approvals a lead gets before it starts (前期手续), kept on the lead until it becomes a
# ledger project, then carried into the project's milestones (services.link_to_ledger).
PREPARATORY: tuple[MilestoneKind, ...] = (
    MilestoneKind.APPROVAL,
    MilestoneKind.LAND,
    MilestoneKind.PLANNING,
    MilestoneKind.ENVIRONMENT,
    MilestoneKind.PERMIT,
)


class LeadMilestone(AbstractMilestone):
    """A 前期 approval of a lead not yet in the ledger, with its planned and actual date: a
    ledger milestone's fields (ledger.models.AbstractMilestone), its kind one of PREPARATORY."""

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="milestones")
    kind = milestone_kind_field([(kind.value, kind.label) for kind in PREPARATORY])

    class Meta:
        verbose_name = "招商项目前期手续"
        verbose_name_plural = "招商项目前期手续"
        constraints = [
            models.UniqueConstraint(fields=["lead", "kind"], name="lead_milestone_once"),
        ]

    def __str__(self) -> str:
        return f"{self.lead} {self.kind}"


class LeadChange(FieldChange):
    """One changed value of a lead: who, when, old, new, why, and the import that made it
    (none for a change made on its page); written only by the services."""

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="changes")
    reason = models.TextField("原因", blank=True, default="")
    import_record = import_record_field("lead_changes")

    class Meta(FieldChange.Meta):
        verbose_name = "招商项目修改记录"
        verbose_name_plural = "招商项目修改记录"

    def __str__(self) -> str:
        return f"{self.lead} {self.field}：{self.old_value} → {self.new_value}"


class Parcel(models.Model):
    """A parcel of land (宗地) a project or a firm holds, in 亩, with the dates the idle-land
    rules count from (attraction.land) and what it yields."""

    city = models.ForeignKey(
        Region, verbose_name="城市", on_delete=models.PROTECT, related_name="parcels"
    )
    name = models.CharField("地块名称（宗地编号）", max_length=200)
    holder = models.CharField("用地单位", max_length=200, blank=True, default="")
    county = models.ForeignKey(
        Region, verbose_name="所在县区", on_delete=models.PROTECT, related_name="county_parcels"
    )
    park = models.ForeignKey(
        Region,
        verbose_name="所在园区",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="park_parcels",
    )
    project = models.ForeignKey(
        Project,
        verbose_name="重点项目",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parcels",
    )
    lead = models.ForeignKey(
        Lead,
        verbose_name="招商项目",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parcels",
    )
    area = models.DecimalField("面积（亩）", max_digits=14, decimal_places=4)
    supplied_on = models.DateField("供地日期", null=True, blank=True)
    agreed_start_on = models.DateField("约定动工日期", null=True, blank=True)
    started_on = models.DateField("实际动工日期", null=True, blank=True)
    plot_ratio = models.DecimalField(
        "容积率", max_digits=6, decimal_places=2, null=True, blank=True
    )
    building_density = models.DecimalField(
        "建筑密度（%）", max_digits=5, decimal_places=2, null=True, blank=True
    )
    investment = money_field("固定资产投资（万元）", null=True, blank=True)
    tax = money_field("税收（万元）", null=True, blank=True)
    # A project built in phases holds a parcel for each (attraction.phases): 1 for 一期, and
    # the day that phase was built, so a first phase built with no second is found.
    phase = models.PositiveSmallIntegerField(
        "期次", null=True, blank=True, help_text="分期建设的项目：1为一期，2为二期；不分期的留空"
    )
    completed_on = models.DateField("本期建成日期", null=True, blank=True)
    # Where it lies (WGS-84, as the project map's points): a point, for the map of parcels,
    # and its outline when given (a GeoJSON Polygon, attraction.parcel_outline), drawn instead.
    latitude = models.DecimalField("纬度", max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField("经度", max_digits=9, decimal_places=6, null=True, blank=True)
    outline = models.JSONField(
        "地块范围",
        null=True,
        blank=True,
        help_text="GeoJSON多边形（Polygon），顶点为WGS-84的[经度, 纬度]",
    )

    class Meta:
        verbose_name = "用地地块"
        verbose_name_plural = "用地地块"
        ordering = ["county__sort_order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["city", "county", "name"], name="parcel_named_once_per_county"
            ),
            models.CheckConstraint(condition=models.Q(area__gt=0), name="parcel_area_positive"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """An outline entered (in the admin) is checked as the land sheet's is."""
        if self.outline in (None, ""):
            self.outline = None
            return
        try:
            self.outline = read_outline(self.outline)
        except OutlineError as error:
            raise ValidationError({"outline": str(error)}) from error


class ParcelChange(FieldChange):
    """One changed value of a parcel: who, when, old, new, why, and the import that made it;
    written only by the land import (attraction.land_import)."""

    parcel = models.ForeignKey(Parcel, on_delete=models.CASCADE, related_name="changes")
    reason = models.TextField("原因", blank=True, default="")
    import_record = import_record_field("parcel_changes")

    class Meta(FieldChange.Meta):
        verbose_name = "用地地块修改记录"
        verbose_name_plural = "用地地块修改记录"

    def __str__(self) -> str:
        return f"{self.parcel} {self.field}：{self.old_value} → {self.new_value}"


class ParkStandard(models.Model):
    """A park's land standards: investment intensity (万元/亩) and minimum plot ratio."""

    park = models.OneToOneField(
        Region, verbose_name="园区", on_delete=models.CASCADE, related_name="land_standard"
    )
    investment_intensity = models.DecimalField(
        "投资强度标准（万元/亩）", max_digits=10, decimal_places=2, null=True, blank=True
    )
    min_plot_ratio = models.DecimalField(
        "容积率下限", max_digits=6, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = "园区用地标准"
        verbose_name_plural = "园区用地标准"

    def __str__(self) -> str:
        return f"{self.park}用地标准"


class ParkFigures(models.Model):
    """A park's own figures for a period (a year up to a month), as entered or imported."""

    park = models.ForeignKey(
        Region, verbose_name="园区", on_delete=models.CASCADE, related_name="park_figures"
    )
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField(
        "截至月份", validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    revenue = money_field("主营业务收入（万元）", null=True, blank=True)
    leading_industries = models.CharField("主导产业", max_length=200, blank=True, default="")
    leading_revenue = money_field("其中主导产业（万元）", null=True, blank=True)
    leading_share_target = models.DecimalField(
        "主导产业占比目标（%）",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="未填写时按70%",
    )
    enterprises_above_size = models.PositiveIntegerField("规上企业（家）", null=True, blank=True)
    high_tech_enterprises = models.PositiveIntegerField("高新技术企业（家）", null=True, blank=True)
    service_platforms = models.PositiveIntegerField("公共服务平台（个）", null=True, blank=True)
    employees = models.PositiveIntegerField("从业人员（人）", null=True, blank=True)
    planned_area = models.DecimalField(
        "规划面积（平方公里）", max_digits=10, decimal_places=4, null=True, blank=True
    )
    built_area = models.DecimalField(
        "建成面积（平方公里）", max_digits=10, decimal_places=4, null=True, blank=True
    )

    class Meta:
        verbose_name = "园区主要指标"
        verbose_name_plural = "园区主要指标"
        ordering = ["park__sort_order", "-year", "-month"]
        constraints = [
            models.UniqueConstraint(
                fields=["park", "year", "month"], name="park_figures_once_per_period"
            ),
            models.CheckConstraint(
                condition=models.Q(month__gte=1, month__lte=12), name="park_figures_month_in_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.park}{self.year}年{self.month}月"


class ParkFiguresChange(FieldChange):
    """One changed figure of a park's period: who, when, old, new, why, and the import that
    made it; written only by attraction.park_services."""

    figures = models.ForeignKey(ParkFigures, on_delete=models.CASCADE, related_name="changes")
    reason = models.TextField("原因", blank=True, default="")
    import_record = import_record_field("park_figure_changes")

    class Meta(FieldChange.Meta):
        verbose_name = "园区主要指标修改记录"
        verbose_name_plural = "园区主要指标修改记录"

    def __str__(self) -> str:
        return f"{self.figures} {self.field}：{self.old_value} → {self.new_value}"
