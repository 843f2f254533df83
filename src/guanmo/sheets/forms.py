"""The upload field every sheet upload uses: the same formats and size bound as the reader."""

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from guanmo.sheets.sheet import ACCEPT, EXTENSIONS

FORMATS_SAID = "Excel（.xlsx、.xls）、WPS（.et）、OpenDocument（.ods）或 CSV 表格"


class SheetFileField(forms.FileField):
    """A spreadsheet upload: a known extension and within GUANMO_SHEET_MAX_UPLOAD_MB.

    The extension only catches a wrong file chosen by mistake; the reader decides the format
    by the content (an .xlsx named .xls is read as .xlsx).
    """

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None) -> UploadedFile:
        upload = super().clean(data, initial)
        if upload and not upload.name.lower().endswith(EXTENSIONS):
            raise forms.ValidationError(f"请上传{FORMATS_SAID}")
        limit = settings.GUANMO_SHEET_MAX_UPLOAD_MB
        if upload and upload.size > limit * 1024 * 1024:
            raise forms.ValidationError(f"文件超过{limit}MB，请删去无关的工作表或分成几个文件上传")
        return upload
