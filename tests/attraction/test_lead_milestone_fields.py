"""A lead's 前期 approval (LeadMilestone) is a ledger milestone of a lead: the same fields from
one abstract base (ledger.models.AbstractMilestone), its kinds only the 前期 ones, so the two
cannot drift (review R22)."""

from guanmo.attraction.models import LeadMilestone
from guanmo.ledger.models import Milestone


def _fields(model) -> dict[str, tuple]:
    """Each field but the key and the owner: its type, label, length and whether it may be
    left empty."""
    return {
        field.name: (type(field), field.verbose_name, field.max_length, field.null, field.blank)
        for field in model._meta.fields
        if field.name not in {"id", "project", "lead"}
    }


def test_a_leads_approval_has_a_project_milestones_fields():
    assert _fields(LeadMilestone) == _fields(Milestone)
    assert set(_fields(Milestone)) == {"kind", "planned", "reached"}


def test_a_leads_approval_is_one_of_the_five_preparatory_kinds():
    kinds = [value for value, _ in LeadMilestone._meta.get_field("kind").choices]
    assert kinds == ["立项", "用地", "规划", "环评", "施工许可"]
    assert len(Milestone._meta.get_field("kind").choices) == 10
