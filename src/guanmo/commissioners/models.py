"""A site commissioner's log (驻工地专员工作日志): his visits to a project, with photos.

A photo's original file is kept byte for byte as evidence, with its SHA-256; what its EXIF says
(time, position) is stored beside it, and two shrunk copies serve the pages. Files live in the
default storage under MEDIA_ROOT and are served only by views that check the viewer's scope.
"""

from functools import cached_property
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils import timezone

from guanmo import clock
from guanmo.commissioners.checks import Flag, PhotoFacts, Position, photo_flags
from guanmo.ledger.models import Project


class Visit(models.Model):
    project = models.ForeignKey(
        Project, verbose_name="项目", on_delete=models.CASCADE, related_name="visits"
    )
    commissioner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="驻工地专员",
        on_delete=models.PROTECT,
        related_name="visits",
    )
    visited_on = models.DateField("走访日期")
    seen = models.TextField("现场情况")
    done = models.TextField("开展工作", blank=True, default="")
    created_at = models.DateTimeField("填写时间", default=clock.now, editable=False)
    # The form's own id, sent again by a double click or a resend: the visit is stored once.
    submission = models.UUIDField("提交编号", null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = "走访记录"
        verbose_name_plural = "走访记录"
        ordering = ["-visited_on", "-id"]
        indexes = [
            models.Index(fields=["project", "visited_on"]),
            models.Index(fields=["commissioner", "visited_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.visited_on:%Y-%m-%d}走访"


def evidence_path(photo: "Photo", filename: str) -> str:
    """Files of a project's photos under one folder; the service names them."""
    return f"commissioners/{photo.visit.project_id}/{PurePosixPath(filename).name}"


class Photo(models.Model):
    visit = models.ForeignKey(
        Visit, verbose_name="走访记录", on_delete=models.CASCADE, related_name="photos"
    )
    original = models.FileField("原始照片", upload_to=evidence_path, max_length=200)
    original_name = models.CharField("原文件名", max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64)
    size = models.PositiveBigIntegerField("文件大小（字节）")
    thumbnail = models.FileField("缩略图", upload_to=evidence_path, max_length=200)
    picture = models.FileField("显示图", upload_to=evidence_path, max_length=200)
    has_exif = models.BooleanField("有拍摄信息")
    taken_at = models.DateTimeField("拍摄时间", null=True, blank=True)
    latitude = models.DecimalField("纬度", max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField("经度", max_digits=9, decimal_places=6, null=True, blank=True)
    uploaded_at = models.DateTimeField("上传时间", default=clock.now, editable=False)

    class Meta:
        verbose_name = "现场照片"
        verbose_name_plural = "现场照片"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def facts(self) -> PhotoFacts:
        position = (
            None
            if self.latitude is None or self.longitude is None
            else Position(float(self.latitude), float(self.longitude))
        )
        taken_at = timezone.localtime(self.taken_at) if self.taken_at else None
        return PhotoFacts(has_exif=self.has_exif, taken_at=taken_at, position=position)

    @cached_property
    def flags(self) -> list[Flag]:
        """What is wrong with it as evidence of its visit (needs `visit__project` loaded)."""
        visit, project = self.visit, self.visit.project
        location = (
            None
            if project.latitude is None or project.longitude is None
            else Position(float(project.latitude), float(project.longitude))
        )
        return photo_flags(
            self.facts,
            year=visit.visited_on.year,
            month=visit.visited_on.month,
            project=location,
        )
