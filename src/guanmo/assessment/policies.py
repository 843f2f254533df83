"""The city office's 差别化政策 by class (亩均效益评价 A–D) kept on its page: each class's lines
as the city lists them, every change written to the history (`ClassPolicyChange`) in the
transaction that makes it, and nothing written for a save that changes nothing."""

from collections.abc import Mapping, Sequence

from django.db import transaction

from guanmo.accounts.models import User
from guanmo.assessment.models import ClassPolicy, ClassPolicyChange
from guanmo.assessment.selectors import class_policies
from guanmo.regions.models import Region


def policy_lines(typed: str) -> list[str]:
    """A class's box as lines: one a line, each stripped, blank lines left out."""
    return [line.strip() for line in typed.splitlines() if line.strip()]


@transaction.atomic
def save_class_policies(
    city: Region, lines: Mapping[str, Sequence[str]], *, user: User | None = None
) -> list[str]:
    """Keep `city`'s lines of each class given ({A: [line, …]}, in order) where they differ
    from what it has now (`selectors.class_policies`: its own lines, or the shipped default
    for a class without; compared as the page shows them, `policy_lines`, so spaces around a
    stored line are no change): the class's lines replaced and one history entry written (old and
    new lines, one a line). Returns the classes changed, in order ([] when nothing was)."""
    now = class_policies(city)
    changed = []
    for grade, wanted in lines.items():
        held = now.get(grade, ())
        if list(wanted) == policy_lines("\n".join(held)):  # the lines as the page shows them
            continue
        ClassPolicy.objects.filter(city=city, grade=grade).delete()
        ClassPolicy.objects.bulk_create(
            ClassPolicy(city=city, grade=grade, sort_order=order, text=text)
            for order, text in enumerate(wanted, start=1)
        )
        ClassPolicyChange.objects.create(
            city=city,
            field=ClassPolicy.Grade(grade).label,
            old_value="\n".join(held),
            new_value="\n".join(wanted),
            source=ClassPolicyChange.PAGE,
            user=user,
        )
        changed.append(grade)
    return changed
