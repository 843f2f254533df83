from django import forms

from guanmo import bounds
from guanmo.accounts.models import Role, User
from guanmo.ledger.models import Project
from guanmo.ledger.services.editing import EDITABLE_FIELDS


class ProjectEditForm(forms.ModelForm):
    annual_plan = forms.DecimalField(
        label="本年度计划投资（万元）", max_digits=18, decimal_places=4, min_value=0, required=False
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
