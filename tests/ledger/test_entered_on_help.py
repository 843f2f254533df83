"""`Project.entered_on` says what it is: the day the project entered the key-project list (a
started lead's 开工 date), from which month it reports and counts in its unit's totals; not
only the started leads' day (issue 14)."""

from guanmo.ledger.models import Project


def test_the_entered_on_help_text_says_what_the_day_is():
    field = Project._meta.get_field("entered_on")

    assert field.help_text.startswith("项目列入重点项目名录（转入台账）之日")
    assert "招商项目开工转入的，为其开工日期" in field.help_text
    assert "计入所在县区的年度计划和完成率" in field.help_text
