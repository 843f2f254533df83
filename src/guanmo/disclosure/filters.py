"""Search and filters over a public ledger: one plain function for the pages, the downloads
and the API, and the form that reads them from a page's query string."""

from dataclasses import dataclass, fields

from django import forms

from guanmo.disclosure.records import PublicLedger, PublicProject
from guanmo.ledger.models import Level, Stage


@dataclass(frozen=True)
class Criteria:
    q: str = ""  # words in the name, owner, responsible unit, scope, or a published code/place
    county: str = ""  # the county's code
    industry: str = ""
    stage: str = ""
    level: str = ""


def matching(projects: tuple[PublicProject, ...], criteria: Criteria) -> list[PublicProject]:
    """The projects that meet every given criterion, in the ledger's order. Only published
    values are searched, so a search cannot find a project by a private field."""
    text = criteria.q.strip().casefold()
    found = []
    for project in projects:
        if criteria.county and project.county_code != criteria.county:
            continue
        if criteria.industry and project.industry != criteria.industry:
            continue
        if criteria.stage and project.stage != criteria.stage:
            continue
        if criteria.level and criteria.level not in project.levels:
            continue
        if text and not any(text in value.casefold() for value in _searched(project)):
            continue
        found.append(project)
    return found


def _searched(project: PublicProject) -> tuple[str, ...]:
    return (
        project.name,
        project.owner,
        project.responsible_unit,
        project.scope,
        project.code or "",
        project.location or "",
    )


class PublicFilterForm(forms.Form):
    q = forms.CharField(label="搜索", required=False, max_length=100)
    county = forms.ChoiceField(label="县区", required=False)
    industry = forms.ChoiceField(label="产业类别", required=False)
    stage = forms.ChoiceField(
        label="建设性质", choices=[("", "全部"), *Stage.choices], required=False
    )
    level = forms.ChoiceField(label="级别", choices=[("", "全部"), *Level.choices], required=False)

    def __init__(self, data, *, ledger: PublicLedger) -> None:
        super().__init__(data)
        self.fields["county"].choices = [("", "全部"), *ledger.counties]
        self.fields["industry"].choices = [("", "全部"), *((i, i) for i in ledger.industries)]
        self.fields["q"].widget.attrs["placeholder"] = "项目名称、建设单位、建设内容"

    def criteria(self) -> Criteria:
        """The valid criteria; a value that is not one of the choices is ignored."""
        self.is_valid()
        values = getattr(self, "cleaned_data", {})
        return Criteria(**{f.name: values.get(f.name) or "" for f in fields(Criteria)})
