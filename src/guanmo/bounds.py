"""Bounds on what people send, set once in settings: the length of free text, how far ahead or
back a date may lie, an image's pixels (read from its header, before anything is decoded).

Each check returns the Chinese message naming the field, or None when the value is within
bounds; forms add the message to the field, services raise it.
"""

import warnings
from datetime import date, timedelta
from typing import IO

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from PIL import Image, UnidentifiedImageError

from guanmo.documents.official import chinese_date


def text_limit() -> int:
    """The longest free text taken, in characters (settings.GUANMO_TEXT_MAX_CHARS)."""
    return settings.GUANMO_TEXT_MAX_CHARS


def text_fault(text: str, label: str, limit: int | None = None) -> str | None:
    """Why `text` is too long for the field `label`, or None."""
    limit = limit or text_limit()
    if len(text) <= limit:
        return None
    return f"「{label}」不能超过{limit}字，现为{len(text)}字"


class BoundedText(MaxLengthValidator):
    """Django's length check with the message in the office's words."""

    def __init__(self, label: str, limit: int | None = None) -> None:
        self.label = label
        super().__init__(limit or text_limit())

    def __call__(self, value: str) -> None:
        if fault := text_fault(value, self.label, self.limit_value):
            raise forms.ValidationError(fault, code="max_length")


def bound_text(field: forms.CharField, limit: int | None = None) -> forms.CharField:
    """The form field with the text limit (the browser's maxlength too); returned for chaining."""
    limit = limit or field.max_length or text_limit()
    field.max_length = limit
    field.validators = [
        each for each in field.validators if not isinstance(each, MaxLengthValidator)
    ]
    field.validators.append(BoundedText(str(field.label or ""), limit))
    field.widget.attrs["maxlength"] = str(limit)
    return field


def bounded_formfield(model_field: models.Field, **kwargs) -> forms.Field | None:
    """`formfield_callback` for model forms: a TextField's form field gets the text limit,
    since the database column has none."""
    formfield = model_field.formfield(**kwargs)
    if isinstance(model_field, models.TextField) and isinstance(formfield, forms.CharField):
        bound_text(formfield)
    return formfield


def horizon() -> timedelta:
    """How far ahead a deadline may lie (settings.GUANMO_DEADLINE_HORIZON_DAYS)."""
    return timedelta(days=settings.GUANMO_DEADLINE_HORIZON_DAYS)


def horizon_fault(day: date, start: date, label: str) -> str | None:
    """Why `day` lies too far after `start` for the field `label`, or None."""
    latest = start + horizon()
    if day <= latest:
        return None
    within = f"{chinese_date(start)}起{horizon().days}天以内"
    return f"「{label}」不能晚于{chinese_date(latest)}（{within}）"


def past_fault(day: date, start: date, label: str, start_words: str) -> str | None:
    """Why `day` lies too far before `start` (named `start_words` in the message) for the field
    `label`, or None: not more than settings.GUANMO_DATE_PAST_DAYS before it."""
    past = settings.GUANMO_DATE_PAST_DAYS
    earliest = start - timedelta(days=past)
    if day >= earliest:
        return None
    return f"「{label}」不能早于{chinese_date(earliest)}（{start_words}前{past}天以内）"


def window_fault(day: date, today: date, label: str) -> str | None:
    """Why the recorded date `day` of the field `label` (a visit, a meeting, a tour's first
    day) lies outside its window, or None: not more than settings.GUANMO_DATE_PAST_DAYS before
    `today`, nor further ahead than the horizon."""
    return past_fault(day, today, label, f"{chinese_date(today)}") or horizon_fault(
        day, today, label
    )


def pixels_fault(image: IO[bytes], name: str) -> str | None:
    """Why the image file `name` is too large in pixels, or None. Only the header is read
    (Pillow opens lazily), so a small file declaring a huge picture is refused undecoded;
    the file is left at its start. A file Pillow cannot identify is left to the image check."""
    limit = settings.GUANMO_IMAGE_MAX_PIXELS
    refusal = f"单张照片不能超过{limit / 1e4:.0f}万像素，请缩小后再上传"
    image.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow's own bomb warning: the check below says it in the office's words.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(image) as opened:
                width, height = opened.size
    except Image.DecompressionBombError:
        return f"「{name}」像素过多，{refusal}"
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    finally:
        image.seek(0)
    if width * height <= limit:
        return None
    return f"「{name}」像素过多（{width}×{height}，约{width * height / 1e4:.0f}万像素），{refusal}"
