import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from guanmo import bounds, clock
from guanmo.commissioners.models import Visit

MAX_PHOTOS = 20


class PhoneCameraInput(forms.FileInput):
    """Several photos at once; on a phone it opens the rear camera."""

    allow_multiple_selected = True


class PhotosField(forms.ImageField):
    """A list of images, each checked by Django's ImageField (Pillow must open it); every bad
    file is named."""

    widget = PhoneCameraInput(attrs={"accept": "image/*", "capture": "environment"})

    def clean(self, data, initial=None):
        uploads = [each for each in (data if isinstance(data, list | tuple) else [data]) if each]
        if not uploads:
            raise ValidationError("请上传至少一张现场照片")
        if len(uploads) > MAX_PHOTOS:
            raise ValidationError(f"一次最多上传{MAX_PHOTOS}张照片，本次选择了{len(uploads)}张")
        # Each photo within its own bound, so that MAX_PHOTOS of them fit in one request
        # (GUANMO_MAX_REQUEST_MB, the proxy's bound too; README: 设置).
        most = settings.GUANMO_PHOTO_MAX_MB
        errors = []
        for upload in uploads:
            if upload.size > most * 1024 * 1024:
                errors.append(f"「{upload.name}」超过{most}MB，请压缩后再上传")
                continue
            if fault := bounds.pixels_fault(upload, upload.name):
                errors.append(fault)  # refused from its header, never decoded
                continue
            try:
                super().clean(upload, initial)
            except ValidationError:
                errors.append(f"「{upload.name}」不是可识别的图片，请上传JPEG或PNG格式的照片")
        if errors:
            raise ValidationError(errors)
        return uploads


class VisitForm(forms.ModelForm):
    photos = PhotosField(label="现场照片", help_text=f"可多选，最多{MAX_PHOTOS}张")
    submission = forms.UUIDField(widget=forms.HiddenInput, required=False, initial=uuid.uuid4)

    class Meta:
        model = Visit
        fields = ["visited_on", "seen", "done"]
        formfield_callback = bounds.bounded_formfield
        widgets = {
            "visited_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "seen": forms.Textarea(
                attrs={"rows": 4, "placeholder": "施工进展、现场人员机械、存在困难"}
            ),
            "done": forms.Textarea(attrs={"rows": 3, "placeholder": "督促事项、协调事项"}),
        }

    def clean_visited_on(self):
        visited_on = self.cleaned_data["visited_on"]
        if visited_on > clock.today():
            raise ValidationError("走访日期不能晚于今天")
        if fault := bounds.window_fault(visited_on, clock.today(), "走访日期"):
            raise ValidationError(fault)
        return visited_on
