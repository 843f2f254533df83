from django import forms

from guanmo import bounds
from guanmo.accounts.models import Role, User
from guanmo.ledger.models import Level, Project
from guanmo.ledger.services.editing import EDITABLE_FIELDS
from guanmo.sheets.forms import SheetFileField


class ProjectEditForm(forms.ModelForm):
    annual_plan = forms.DecimalField(
        label="本年度计划投资（万元）", max_digits=18, decimal_places=4, min_value=0, required=False
    )
    previous_year_end = forms.DecimalField(
        label="截至上年底累计完成投资（万元）",
        max_digits=18,
        decimal_places=4,
        min_value=0,
        required=False,
        help_text="本年只有开累数据时，本年累计由开累减去此数得出",
    )
    reason = bounds.bound_text(
        forms.CharField(label="修改原因", widget=forms.Textarea(attrs={"rows": 2})), 1000
    )

    class Meta:
        model = Project
        fields = EDITABLE_FIELDS
        formfield_callback = bounds.bounded_formfield
        widgets = {
            "scope": forms.Textarea(attrs={"rows": 3}),
            "planned_start": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, city, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        people = User.objects.filter(region=city, is_active=True)
        self.fields["leader"].queryset = people.filter(role=Role.LEADER)
        self.fields["commissioner"].queryset = people.filter(role=Role.COMMISSIONER)


class LedgerUploadForm(forms.Form):
    """The city office's ledger sheet, with the year and key list it is loaded for."""

    year = forms.IntegerField(label="台账年度", min_value=2000, max_value=2100)
    level = forms.ChoiceField(
        label="列入名录",
        choices=Level.choices,
        initial=Level.CITY,
        help_text="表中“重点级别”列有值时以该列为准",
    )
    sheet = SheetFileField(label="台账文件（Excel、WPS 或 CSV）")
