from django import forms


class PeriodForm(forms.Form):
    """The period of the funnel page: a year up to a month."""

    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    month = forms.IntegerField(label="截至月份", min_value=1, max_value=12)
