from django.contrib import admin

from guanmo.assessment.models import ClassPolicy


@admin.register(ClassPolicy)
class ClassPolicyAdmin(admin.ModelAdmin):
    """The city's 差别化政策 by class, edited line by line; a class without lines follows the
    shipped default (`firms.POLICIES`)."""

    list_display = ["city", "grade", "sort_order", "text"]
    list_filter = ["city", "grade"]
    list_editable = ["sort_order", "text"]
