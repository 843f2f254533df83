from decimal import Decimal

from django.db import models

from guanmo.regions.models import Region


class WarningRules(models.Model):
    """A city's early-warning thresholds; a city without a row uses the defaults."""

    city = models.OneToOneField(
        Region, verbose_name="城市", on_delete=models.CASCADE, related_name="warning_rules"
    )
    yellow_points = models.DecimalField(
        "黄色预警：落后时间进度（百分点）", max_digits=5, decimal_places=2, default=Decimal(10)
    )
    red_points = models.DecimalField(
        "红色预警：落后时间进度（百分点）", max_digits=5, decimal_places=2, default=Decimal(20)
    )

    class Meta:
        verbose_name = "预警规则"
        verbose_name_plural = "预警规则"

    def __str__(self) -> str:
        return f"{self.city}预警规则"
