"""Editing a project by hand: its free text (建设规模及主要内容) and the reason are bounded."""

from guanmo.ledger.forms import ProjectEditForm


def test_an_overlong_scope_and_reason_are_refused_by_name(world):
    project = world.projects["武陟装备"]
    form = ProjectEditForm(
        {"scope": "建" * 2001, "reason": "因" * 1001}, instance=project, city=world.city
    )
    assert not form.is_valid()
    assert form.errors["scope"] == ["「建设规模及主要内容」不能超过2000字，现为2001字"]
    assert form.errors["reason"] == ["「修改原因」不能超过1000字，现为1001字"]
    assert form.fields["scope"].widget.attrs["maxlength"] == "2000"
