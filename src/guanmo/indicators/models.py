"""Indicators (指标) and targets: a city's catalogue of indicators, the peer groups its regions
are ranked in, the values per region and period, and annual targets with their breakdown.

Values are stored in their indicator's unit (亿元, 万人, 批, % for a ratio) as the source gives
them, exact to six decimals; rates in %. The arithmetic on them is in `arithmetic` and
`targets`, plain functions; the models only keep the figures and refuse impossible ones.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from guanmo import clock
from guanmo.accounts.models import Department
from guanmo.indicators.arithmetic import Rule, check_period
from guanmo.indicators.choices import Direction, Frequency, Kind, Profile, RankBy
from guanmo.regions.models import Region
from guanmo.reporting.models import FieldChange, Period, Reviewed, Step, import_record_field

MAX_PLACES = 6
MONTH_IN_RANGE = Q(month__gte=1, month__lte=12)


def figure_field(verbose_name: str, **kwargs) -> models.DecimalField:
    """A value in its indicator's unit: twelve digits before the point, six after (100元 in
    亿元). SQLite keeps 15 significant digits exactly, PostgreSQL all 18."""
    return models.DecimalField(verbose_name, max_digits=18, decimal_places=MAX_PLACES, **kwargs)


def rate_field(verbose_name: str, **kwargs) -> models.DecimalField:
    """A percentage as given (9.0 for 9.0%), to four decimals."""
    return models.DecimalField(verbose_name, max_digits=10, decimal_places=4, **kwargs)


class Indicator(models.Model):
    """One indicator of a city's catalogue (地区生产总值, 脱贫人口, 赴京访批次, …)."""

    city = models.ForeignKey(
        Region, verbose_name="城市", on_delete=models.PROTECT, related_name="indicators"
    )
    name = models.CharField("指标名称", max_length=64)
    unit = models.CharField("计量单位", max_length=16, help_text="亿元、万人、批、亩、%……")
    kind = models.CharField("类型", max_length=16, choices=Kind.choices, default=Kind.AMOUNT)
    direction = models.CharField(
        "方向", max_length=8, choices=Direction.choices, default=Direction.HIGHER
    )
    rank_by = models.CharField(
        "排名依据", max_length=8, choices=RankBy.choices, default=RankBy.GROWTH
    )
    frequency = models.CharField(
        "频度", max_length=16, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    places = models.PositiveSmallIntegerField(
        "小数位数",
        default=2,
        validators=[MaxValueValidator(MAX_PLACES)],
        help_text="数值显示和目标分解到的小数位数",
    )
    supplier = models.CharField(
        "数据来源单位", max_length=64, blank=True, default="", help_text="如市统计局"
    )
    department = models.ForeignKey(
        Department,
        verbose_name="填报部门",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
        help_text="在网页上填报本指标的部门",
    )
    comparable_prices = models.BooleanField(
        "增速按可比价",
        default=False,
        help_text="增速按可比价格计算（地区生产总值、规模以上工业增加值），以统计部门公布的为准",
    )
    note = models.TextField("说明", blank=True, default="")
    sort_order = models.PositiveIntegerField("排序", default=0)

    class Meta:
        verbose_name = "指标"
        verbose_name_plural = "指标"
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["city", "name"], name="indicator_once_per_city"),
            models.CheckConstraint(
                condition=Q(places__lte=MAX_PLACES), name="indicator_places_in_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.unit}）"

    @property
    def rule(self) -> Rule:
        """What the arithmetic needs to compare this indicator's figures."""
        return Rule(
            kind=Kind(self.kind),
            direction=Direction(self.direction),
            rank_by=RankBy(self.rank_by),
            places=self.places,
            unit=self.unit,
        )


class PeerGroup(models.Model):
    """A named set of regions ranked among themselves (比较组): the city's counties and zones,
    全省18个省辖市, 全省工业发展推进县, a hand-picked 同类县 list across city and province lines.
    `short_name` is what sentences say: 居全省第3位, 居同类县第1位."""

    city = models.ForeignKey(
        Region, verbose_name="所属城市", on_delete=models.CASCADE, related_name="peer_groups"
    )
    name = models.CharField("比较组名称", max_length=64)
    short_name = models.CharField("简称", max_length=16, help_text="用于表述，如全市、全省、同类县")
    members = models.ManyToManyField(
        Region, verbose_name="成员", blank=True, related_name="peer_group_memberships"
    )
    sort_order = models.PositiveIntegerField("排序", default=0)

    class Meta:
        verbose_name = "比较组"
        verbose_name_plural = "比较组"
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["city", "name"], name="peer_group_once_per_city"),
        ]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    """A region's figures for an indicator and period: the cumulative value (1—M月), the same
    period of last year, the growth (%) and rank (位次) as the source reported them; at least
    the value or the growth. A reported growth always wins over one derived from the amounts
    (`arithmetic.growth`)."""

    indicator = models.ForeignKey(
        Indicator, verbose_name="指标", on_delete=models.PROTECT, related_name="values"
    )
    region = models.ForeignKey(
        Region, verbose_name="地区", on_delete=models.PROTECT, related_name="indicator_values"
    )
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField(
        "月份", validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    # Null when the source gives only the rate (county 规上工业增加值 is often published as 增速
    # alone): a figure not given is never stored as zero.
    value = figure_field("本期累计值", null=True, blank=True)
    last_year_value = figure_field("上年同期值", null=True, blank=True)
    reported_growth = rate_field("同比增长（%，报送）", null=True, blank=True)
    reported_rank = models.PositiveSmallIntegerField(
        "位次（报送）", null=True, blank=True, validators=[MinValueValidator(1)]
    )
    # The peer group the reported 位次 is a place in, where the import found the sheet to be a
    # whole group (tryout 21 (7): a 全市 place shown in the 同类县 table); None: not known, shown
    # only in the top's own group.
    rank_group = models.ForeignKey(
        PeerGroup,
        verbose_name="报送位次所在比较组",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    import_record = import_record_field("indicator_values")
    # stamped by Guanmo's clock on each save (`save`; `services.store_values` for a bulk update)
    updated_at = models.DateTimeField("最后修改时间", default=clock.now, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="最后修改人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "指标数值"
        verbose_name_plural = "指标数值"
        ordering = ["indicator", "year", "month", "region__sort_order", "region__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "region", "year", "month"], name="indicator_value_once"
            ),
            models.CheckConstraint(condition=MONTH_IN_RANGE, name="indicator_value_month"),
            models.CheckConstraint(
                condition=Q(value__isnull=False) | Q(reported_growth__isnull=False),
                name="indicator_value_or_growth",
            ),
            models.CheckConstraint(
                condition=Q(reported_rank__isnull=True) | Q(reported_rank__gte=1),
                name="indicator_value_rank_from_one",
            ),
        ]
        indexes = [models.Index(fields=["indicator", "year", "month"])]

    def __str__(self) -> str:
        return f"{self.region}{self.indicator.name}{self.year}年1—{self.month}月"

    def save(self, *args, **kwargs) -> None:
        """Saved with the moment of saving by Guanmo's clock (`guanmo.clock.now`), as auto_now
        did with the machine's."""
        self.updated_at = clock.now()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.indicator_id and self.month:
            try:
                check_period(self.month, Frequency(self.indicator.frequency))
            except ValueError as error:
                raise ValidationError({"month": str(error)}) from error


class ValueChange(FieldChange):
    """One changed figure of an indicator value: who, when, old, new, from where. Written only
    by `services.store_values` and `services.clear_value`, so no indicator figure is
    overwritten without a trace. It names its subject (indicator, region, period) itself: a
    value cleared away takes its row (a row holds a value or a growth) but never its history,
    which a figure entered again for the same subject continues."""

    value = models.ForeignKey(
        IndicatorValue,
        verbose_name="指标数值",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="changes",
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name="指标", on_delete=models.PROTECT, related_name="value_changes"
    )
    region = models.ForeignKey(
        Region, verbose_name="地区", on_delete=models.PROTECT, related_name="indicator_changes"
    )
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("月份")
    reason = models.TextField("原因", blank=True, default="")
    import_record = import_record_field("indicator_changes")

    class Meta(FieldChange.Meta):
        verbose_name = "指标修改记录"
        verbose_name_plural = "指标修改记录"

    def __str__(self) -> str:
        return f"{self.value} {self.field}：{self.old_value} → {self.new_value}"


class Target(models.Model):
    """A region's annual target for an indicator: an amount in the indicator's unit (脱贫人口
    7.38万人, 新植枸杞9万亩) or a growth rate in % (固定资产投资增长10%), never both. An amount
    target is broken down into nodes by its profile (by hand: its `nodes`)."""

    indicator = models.ForeignKey(
        Indicator, verbose_name="指标", on_delete=models.PROTECT, related_name="targets"
    )
    region = models.ForeignKey(
        Region, verbose_name="地区", on_delete=models.PROTECT, related_name="indicator_targets"
    )
    year = models.PositiveSmallIntegerField("年度")
    amount = figure_field("目标数额", null=True, blank=True)
    growth = rate_field("目标增速（%）", null=True, blank=True)
    profile = models.CharField(
        "分解方式", max_length=16, choices=Profile.choices, default=Profile.EQUAL
    )
    note = models.TextField("说明", blank=True, default="")

    class Meta:
        verbose_name = "年度目标"
        verbose_name_plural = "年度目标"
        ordering = ["indicator", "year", "region__sort_order", "region__code"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "region", "year"], name="target_once"),
            models.CheckConstraint(
                condition=Q(amount__isnull=False, growth__isnull=True)
                | Q(amount__isnull=True, growth__isnull=False),
                name="target_amount_or_growth",
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="target_amount_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region}{self.year}年{self.indicator.name}目标"


class TargetNode(models.Model):
    """A month's amount of a target broken down by hand (the twelve sum to the target)."""

    target = models.ForeignKey(
        Target, verbose_name="年度目标", on_delete=models.CASCADE, related_name="nodes"
    )
    month = models.PositiveSmallIntegerField(
        "月份", validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    amount = figure_field("当月分解数额", validators=[MinValueValidator(0)])

    class Meta:
        verbose_name = "手工分解节点"
        verbose_name_plural = "手工分解节点"
        ordering = ["target", "month"]
        constraints = [
            models.UniqueConstraint(fields=["target", "month"], name="target_node_once"),
            models.CheckConstraint(condition=MONTH_IN_RANGE, name="target_node_month"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="target_node_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.target} {self.month}月"


class TargetChange(FieldChange):
    """One changed field of an annual target: who, when, old, new, why. Written only by
    `services.set_targets`, so no target is replaced without a trace."""

    target = models.ForeignKey(
        Target, verbose_name="年度目标", on_delete=models.CASCADE, related_name="changes"
    )
    reason = models.TextField("原因", blank=True, default="")

    class Meta(FieldChange.Meta):
        verbose_name = "目标修改记录"
        verbose_name_plural = "目标修改记录"

    def __str__(self) -> str:
        return f"{self.target} {self.field}：{self.old_value} → {self.new_value}"


class Submission(Reviewed):
    """A department's or a county's indicator figures for a reporting month, entered on the
    web and reviewed by the city office as monthly reports are (`reporting.review`): a
    department enters its indicators (`Indicator.department`) for every unit of the city, a
    county its own figures of the indicators no department supplies. Approval stores them
    (`services.store_values`)."""

    period = models.ForeignKey(
        Period, verbose_name="填报期", on_delete=models.CASCADE, related_name="indicator_forms"
    )
    department = models.ForeignKey(
        Department,
        verbose_name="填报部门",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicator_forms",
    )
    county = models.ForeignKey(
        Region,
        verbose_name="填报县区",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicator_forms",
    )

    class Meta:
        verbose_name = "指标填报"
        verbose_name_plural = "指标填报"
        ordering = ["period", "department", "county__sort_order", "county__code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(department__isnull=True, county__isnull=False)
                | Q(department__isnull=False, county__isnull=True),
                name="indicator_form_department_or_county",
            ),
            models.UniqueConstraint(
                fields=["period", "department"],
                condition=Q(department__isnull=False),
                name="indicator_form_once_per_department",
            ),
            models.UniqueConstraint(
                fields=["period", "county"],
                condition=Q(county__isnull=False),
                name="indicator_form_once_per_county",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sender}{self.period}指标填报"

    @property
    def sender(self) -> str:
        """Who enters the figures: the department's or the county's name."""
        return self.department.name if self.department_id else self.county.name


class SubmittedValue(models.Model):
    """One region's figures for one indicator as entered in a `Submission` (the draft); None
    where not given, never zero."""

    submission = models.ForeignKey(
        Submission, verbose_name="指标填报", on_delete=models.CASCADE, related_name="values"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name="指标", on_delete=models.CASCADE, related_name="+"
    )
    region = models.ForeignKey(
        Region, verbose_name="地区", on_delete=models.PROTECT, related_name="+"
    )
    value = figure_field("本期累计值", null=True, blank=True)
    last_year_value = figure_field("上年同期值", null=True, blank=True)
    reported_growth = rate_field("同比增长（%）", null=True, blank=True)

    class Meta:
        verbose_name = "指标填报明细"
        verbose_name_plural = "指标填报明细"
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "indicator", "region"], name="submitted_value_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.submission}：{self.region}{self.indicator.name}"

    @property
    def is_given(self) -> bool:
        return self.value is not None or self.reported_growth is not None


class SubmissionStep(Step):
    """The indicator form's workflow as it happened (saved, submitted, returned, approved,
    reopened)."""

    submission = models.ForeignKey(
        Submission, verbose_name="指标填报", on_delete=models.CASCADE, related_name="steps"
    )

    class Meta:
        verbose_name = "指标填报审核记录"
        verbose_name_plural = "指标填报审核记录"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.submission} {self.get_action_display()}"
