"""The city office's page of its 差别化政策 by class (亩均效益评价): each class's lines, edited
in the class's box, saved with their history (`policies.save_class_policies`)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from guanmo.accounts.scope import Scope
from guanmo.assessment.forms import ClassPoliciesForm
from guanmo.assessment.models import ClassPolicy, ClassPolicyChange
from guanmo.assessment.policies import save_class_policies
from guanmo.assessment.selectors import class_policies


def class_policy_page(request: HttpRequest) -> HttpResponse:
    """GET: each class's lines (the shipped default for a class without its own) and the
    history; POST: save them, saying which classes changed or 没有改动. The city office's
    alone, as its other edits (403 for anyone else)."""
    scope: Scope = request.scope
    if not scope.is_city_office:
        raise PermissionDenied("只有市项目办可以修改企业差别化政策")
    city = scope.city
    form = ClassPoliciesForm(request.POST or None, initial_lines=class_policies(city))
    if request.method == "POST" and form.is_valid():
        changed = save_class_policies(city, form.lines, user=request.user)
        if changed:
            named = "、".join(ClassPolicy.Grade(grade).label for grade in changed)
            messages.success(request, f"已修改{named}企业的差别化政策，已记入修改记录")
        else:
            messages.info(request, "没有改动")
        return redirect("assessment_class_policies")
    changes = ClassPolicyChange.objects.filter(city=city).select_related("user")[:50]
    return render(
        request,
        "assessment/class_policies.html",
        {"form": form, "city": city, "changes": changes},
    )
