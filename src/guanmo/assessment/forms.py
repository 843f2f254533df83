"""The objection and decision forms of a published result."""

from django import forms


class ObjectionForm(forms.Form):
    indicator = forms.ChoiceField(label="指标")
    value = forms.DecimalField(label="应为数值", max_digits=24, decimal_places=8)
    reason = forms.CharField(
        label="理由", max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    attachment = forms.FileField(label="附件（可选）", required=False)

    def __init__(self, *args, indicators: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [(name, name) for name in indicators]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="处理", choices=[("accept", "采纳"), ("reject", "不予采纳")], widget=forms.RadioSelect
    )
    reason = forms.CharField(label="处理理由", max_length=2000, required=False)


class WhatIfForm(forms.Form):
    """假设分析 on the results page (GET: nothing is written): one unit's value supposed."""

    unit = forms.ChoiceField(label="单位")
    indicator = forms.ChoiceField(label="指标")
    value = forms.DecimalField(label="假设数值", max_digits=24, decimal_places=8)

    def __init__(self, *args, units: list[str], indicators: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(name, name) for name in units]
        self.fields["indicator"].choices = [(name, name) for name in indicators]
