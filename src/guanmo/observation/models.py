"""Observation tours (观摩): the tour, its sites picked from the ledger, its rubric, its judges
and their scores. Results are never stored: they are computed from the scores by
`guanmo.observation.results`, the same functions the paper-tour command uses."""

import secrets
from datetime import time
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from guanmo import clock
from guanmo.ledger.models import Project
from guanmo.observation.results import Method
from guanmo.observation.rubric import SCORE_STEP, step_fault
from guanmo.observation.rubric import Criterion as RubricCriterion
from guanmo.regions.models import Region


def validate_step(step: Decimal) -> None:
    if fault := step_fault(step):
        raise ValidationError(fault)


def _judge_token() -> str:
    return secrets.token_urlsafe(24)


class Tour(models.Model):
    """One observation tour of a city: its days, the counties taking part, the route's
    settings and the scoring rules."""

    class Status(models.TextChoices):
        PREPARING = "preparing", "筹备中"
        SCORING = "scoring", "评分中"
        CLOSED = "closed", "已结束"

    city = models.ForeignKey(
        Region, verbose_name="城市", on_delete=models.PROTECT, related_name="tours"
    )
    name = models.CharField("观摩活动名称", max_length=200)
    first_day = models.DateField("开始日期")
    days = models.PositiveSmallIntegerField(
        "天数", default=1, validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    counties = models.ManyToManyField(Region, verbose_name="参加县区", related_name="+")
    status = models.CharField(
        "状态", max_length=16, choices=Status.choices, default=Status.PREPARING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("创建时间", default=clock.now, editable=False)
    # The new-tour form's own id, sent again by a double click: the tour is made once.
    submission = models.UUIDField("提交编号", null=True, blank=True, unique=True, editable=False)

    # The route: each day's hours and lunch, where the panel sets out, how travel is timed.
    day_start = models.TimeField("每日出发时间", default=time(8))
    day_end = models.TimeField("每日结束时间", default=time(18))
    lunch_from = models.TimeField("午餐时段起", default=time(12))
    lunch_to = models.TimeField("午餐时段止", default=time(13, 30))
    lunch_minutes = models.PositiveSmallIntegerField("午餐时长（分钟）", default=60)
    start_name = models.CharField("出发地点", max_length=100, default="市政府")
    start_latitude = models.DecimalField(
        "出发地点纬度", max_digits=9, decimal_places=6, null=True, blank=True
    )
    start_longitude = models.DecimalField(
        "出发地点经度", max_digits=9, decimal_places=6, null=True, blank=True
    )
    road_factor = models.DecimalField(
        "道路系数", max_digits=4, decimal_places=2, default=Decimal("1.3")
    )
    speed_kmh = models.DecimalField(
        "车速（公里/小时）", max_digits=5, decimal_places=1, default=Decimal(40)
    )
    # Minutes (and km) between places as read from an uploaded sheet; None: from coordinates.
    travel_matrix = models.JSONField("行车时间表", null=True, blank=True)

    # Scoring.
    recusal = models.BooleanField("评委回避本县区观摩点", default=True)
    method = models.CharField(
        "计分方法",
        max_length=16,
        choices=[(method.value, method.label) for method in Method],
        default=Method.TRIMMED.value,
    )
    drop_high = models.PositiveSmallIntegerField(
        "去掉最高分个数", null=True, blank=True, help_text="留空：评委不少于5人时各去掉1个"
    )
    drop_low = models.PositiveSmallIntegerField("去掉最低分个数", null=True, blank=True)
    score_step = models.DecimalField(
        "打分单位（分）",
        max_digits=3,
        decimal_places=1,
        default=SCORE_STEP,
        validators=[validate_step],
        help_text="评委打分须为它的整数倍，如0.5、0.2或0.1",
    )

    class Meta:
        verbose_name = "观摩活动"
        verbose_name_plural = "观摩活动"
        ordering = ["-first_day", "-pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class Criterion(models.Model):
    """One line of the tour's rubric."""

    tour = models.ForeignKey(Tour, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField("评分项目", max_length=50)
    maximum = models.DecimalField("满分", max_digits=5, decimal_places=1)
    description = models.CharField("评分说明", max_length=300, blank=True, default="")
    position = models.PositiveSmallIntegerField("顺序", default=0)

    class Meta:
        verbose_name = "评分项目"
        verbose_name_plural = "评分项目"
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["tour", "name"], name="criterion_once"),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.maximum:g}分）"

    def as_rubric(self) -> RubricCriterion:
        """The criterion as the plain scoring functions take it."""
        return RubricCriterion(self.name, self.maximum, self.description)


class Site(models.Model):
    """A project the panel visits: picked by the city office, or proposed by its county and
    approved. Its place on the route is its day and position."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "待审核"
        APPROVED = "approved", "已确定"
        REJECTED = "rejected", "未采纳"

    tour = models.ForeignKey(Tour, on_delete=models.CASCADE, related_name="sites")
    project = models.ForeignKey(
        Project, verbose_name="项目", on_delete=models.PROTECT, related_name="observation_sites"
    )
    status = models.CharField("状态", max_length=16, choices=Status.choices)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="推荐人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    introduction = models.TextField("观摩点简介", blank=True, default="")
    stay_minutes = models.PositiveSmallIntegerField(
        "停留时间（分钟）", default=20, validators=[MinValueValidator(1)]
    )
    pinned_day = models.PositiveSmallIntegerField("指定第几天", null=True, blank=True)
    day = models.PositiveSmallIntegerField("安排在第几天", null=True, blank=True)
    position = models.PositiveSmallIntegerField("当天顺序", null=True, blank=True)
    closed_at = models.DateTimeField("评分截止时间", null=True, blank=True)

    class Meta:
        verbose_name = "观摩点"
        verbose_name_plural = "观摩点"
        ordering = ["day", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["tour", "project"], name="site_once_per_tour"),
        ]

    def __str__(self) -> str:
        return self.project.name

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class Judge(models.Model):
    """A member of the panel. He signs in with his personal link, for this tour only."""

    tour = models.ForeignKey(Tour, on_delete=models.CASCADE, related_name="judges")
    name = models.CharField("姓名", max_length=50)
    unit = models.CharField("单位", max_length=100, blank=True, default="")
    county = models.ForeignKey(
        Region,
        verbose_name="所属县区",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    token = models.CharField(max_length=64, unique=True, default=_judge_token, editable=False)

    class Meta:
        verbose_name = "评委"
        verbose_name_plural = "评委"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["tour", "name"], name="judge_once_per_tour"),
        ]

    def __str__(self) -> str:
        return self.name


class ScoreForm(models.Model):
    """One judge's scores for one site. `submission` is the phone's id for the submission, so
    that a resend after a dropped connection is recognised and stored once."""

    judge = models.ForeignKey(Judge, on_delete=models.CASCADE, related_name="score_forms")
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="score_forms")
    remark = models.TextField("评语", blank=True, default="")
    submission = models.UUIDField("提交编号")
    submitted_at = models.DateTimeField("提交时间")
    times_changed = models.PositiveIntegerField("修改次数", default=0)

    class Meta:
        verbose_name = "评分表"
        verbose_name_plural = "评分表"
        constraints = [
            models.UniqueConstraint(fields=["judge", "site"], name="one_score_form_per_site"),
        ]

    def __str__(self) -> str:
        return f"{self.judge}对{self.site}的评分"


class Score(models.Model):
    form = models.ForeignKey(ScoreForm, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    points = models.DecimalField("得分", max_digits=5, decimal_places=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["form", "criterion"], name="score_once"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion.name}{self.points}分"
