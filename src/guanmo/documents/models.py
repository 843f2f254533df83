"""The issuing office's names (one set per city, used by every document) and the documents
it has issued, kept as issued."""

import hashlib

from django.conf import settings
from django.db import models

from guanmo import clock
from guanmo.regions.models import Region


class IssuingOffice(models.Model):
    """The city's project office as its documents name it: 发文机关署名, 发文机关标志, the
    发文字号's prefix, the 签发人 (a person), and the usual 主送机关 and 抄送.

    A city without a row is named by `office_for` from the city's own name."""

    city = models.OneToOneField(
        Region, verbose_name="城市", on_delete=models.CASCADE, related_name="issuing_office"
    )
    full_name = models.CharField(
        "发文机关全称", max_length=60, help_text="署名用，如：焦作市重点项目建设办公室"
    )
    short_name = models.CharField("发文机关简称", max_length=30, help_text="如：焦作市项目办")
    number_prefix = models.CharField(
        "发文字号机关代字",
        max_length=20,
        help_text="如：焦作项目办，发文字号为焦作项目办〔2025〕12号",
    )
    signer = models.CharField("签发人", max_length=20, blank=True, help_text="签发人姓名")
    addressee = models.CharField(
        "主送机关",
        max_length=200,
        default="各县（市、区）人民政府，市城乡一体化示范区、高新区管委会，市直有关单位",
    )
    copy_to = models.CharField(
        "抄送", max_length=200, blank=True, default="市委办公室，市人大常委会办公室，市政协办公室"
    )

    class Meta:
        verbose_name = "发文机关"
        verbose_name_plural = "发文机关"

    def __str__(self) -> str:
        return self.full_name

    @property
    def mark(self) -> str:
        """发文机关标志: the full name followed by 文件."""
        return f"{self.full_name}文件"

    def number(self, year: int, sequence: int) -> str:
        """焦作项目办〔2025〕12号: the year in full in 〔〕, no 第, no leading zeros."""
        return f"{self.number_prefix}〔{year}〕{sequence}号"


class Kind(models.TextChoices):
    PROGRESS_BULLETIN = "progress_bulletin", "月度进展通报"
    TOUR_BULLETIN = "tour_bulletin", "观摩评比结果通报"
    SUPERVISION_ORDER = "supervision_order", "督办单"
    TOUR_SCHEDULE = "tour_schedule", "观摩日程安排"
    ASSESSMENT_BULLETIN = "assessment_bulletin", "综合考核结果通报"
    INDICATOR_BULLETIN = "indicator_bulletin", "主要指标调度情况通报"


class IssuedDocument(models.Model):
    """A document as issued: its number, 成文日期, who issued it and the .docx itself with its
    SHA-256, and the workbook (.xlsx) issued with it, if any. Downloading either again gives
    these bytes, whatever has changed since."""

    city = models.ForeignKey(
        Region, verbose_name="城市", on_delete=models.PROTECT, related_name="issued_documents"
    )
    county = models.ForeignKey(
        Region,
        verbose_name="涉及县区",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="只涉及一个县区的文件（督办单）；空为全市",
    )
    kind = models.CharField("文种", max_length=24, choices=Kind.choices)
    subject = models.CharField("对象", max_length=40, help_text="如 2025-11、tour-3、order-7")
    title = models.CharField("标题", max_length=200)
    number = models.CharField("发文字号", max_length=40)
    year = models.PositiveSmallIntegerField("年度")
    sequence = models.PositiveIntegerField("序号")
    dated = models.DateField("成文日期")
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="印发人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # the application's moment (GUANMO_TODAY's day when set), as the 成文日期's bounds are
    issued_at = models.DateTimeField("印发时间", default=clock.now)
    content = models.BinaryField("文件（.docx）")
    sha256 = models.CharField("SHA-256", max_length=64)
    pdf = models.BinaryField("PDF", null=True, blank=True)
    # The workbook issued with it (a bulletin's tables as .xlsx), kept as issued like the .docx;
    # none for a document without one or issued before workbooks were kept.
    workbook = models.BinaryField("表格（.xlsx）", null=True, blank=True)

    class Meta:
        verbose_name = "已印发文件"
        verbose_name_plural = "已印发文件"
        ordering = ["-dated", "-year", "-sequence"]
        constraints = [
            models.UniqueConstraint(fields=["city", "number"], name="document_number_once"),
            models.UniqueConstraint(
                fields=["city", "kind", "subject"], name="document_issued_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def filename(self) -> str:
        return f"{self.title}.docx"

    def store(self, content: bytes) -> None:
        self.content = content
        self.sha256 = hashlib.sha256(content).hexdigest()
