"""Assessment schemes and issued results, frozen (issue 13: "a result can always be recomputed
exactly as issued").

A `Scheme` holds a cycle's 考核办法 as the JSON of `guanmo.assessment.definition.Definition`,
with its units and a hash of the definition; a `Result` holds its own copy of the definition
(as it stood when issued), the cycle's inputs, the simulation's runs, seed and threshold, and
the JSON it issued. The arithmetic is in the plain modules; the models only keep it.
"""

from django.conf import settings
from django.db import models

from guanmo.regions.models import Region

HASH_LENGTH = 64  # SHA-256 in hex


class Scheme(models.Model):
    """An assessment scheme (考核办法) for one cycle of a city: the units assessed and the
    indicator tree, weights, 加分/扣分, 一票否决 and method, frozen as JSON with its hash."""

    city = models.ForeignKey(
        Region, verbose_name="城市", on_delete=models.PROTECT, related_name="assessment_schemes"
    )
    name = models.CharField("考核办法", max_length=128)
    cycle = models.CharField("考核周期", max_length=32, help_text="如“2025年度”“2025年第一季度”")
    units = models.JSONField("参评单位", default=list, help_text="单位名称，按排列顺序")
    definition = models.JSONField("指标体系及计分方法")
    definition_hash = models.CharField("指标体系哈希值", max_length=HASH_LENGTH)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "考核办法"
        ordering = ["city", "-cycle", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["city", "cycle", "name"], name="assessment_scheme_once_a_cycle"
            )
        ]

    def __str__(self) -> str:
        return f"{self.cycle}{self.name}"


class Result(models.Model):
    """A result as issued: the scheme's definition as it stood, the inputs, the simulation's
    runs, seed and naming threshold, and the issued JSON (`Outcome.as_json`)."""

    scheme = models.ForeignKey(
        Scheme, verbose_name="考核办法", on_delete=models.PROTECT, related_name="results"
    )
    definition = models.JSONField("签发时的指标体系及计分方法")
    definition_hash = models.CharField("指标体系哈希值", max_length=HASH_LENGTH)
    inputs = models.JSONField("指标数值、加减分、一票否决及上期位次")
    runs = models.PositiveIntegerField("模拟次数")
    seed = models.BigIntegerField("随机数种子")
    threshold = models.DecimalField("认定末位的概率", max_digits=5, decimal_places=4)
    output = models.JSONField("签发结果")
    issued_at = models.DateTimeField("签发时间", auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="签发人",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = verbose_name_plural = "考核结果"
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return f"{self.scheme}结果（{self.issued_at:%Y-%m-%d}）"
