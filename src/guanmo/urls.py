from django.contrib import admin
from django.urls import include, path

from guanmo.operations.views import health

admin.site.site_header = "观摩 · 重点项目管理"
admin.site.site_title = "观摩"
admin.site.index_title = "重点项目台账"

urlpatterns = [
    path("", include("guanmo.progress.urls")),
    path("", include("guanmo.ledger.urls")),
    path("reporting/", include("guanmo.reporting.urls")),
    path("indicators/", include("guanmo.indicators.urls")),
    path("observation/", include("guanmo.observation.urls")),
    path("supervision/", include("guanmo.supervision.urls")),
    path("attraction/", include("guanmo.attraction.urls")),
    path("documents/", include("guanmo.documents.urls")),
    path("assessment/", include("guanmo.assessment.urls")),
    path("commissioners/", include("guanmo.commissioners.urls")),
    path("public/", include("guanmo.disclosure.urls")),
    path("accounts/", include("guanmo.accounts.urls")),
    path("jobs/", include("guanmo.operations.urls")),
    path("admin/", admin.site.urls),
    path("healthz", health, name="health"),
]

handler500 = "guanmo.operations.views.server_error"
