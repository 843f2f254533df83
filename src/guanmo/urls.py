from django.contrib import admin
from django.urls import path

admin.site.site_header = "观摩 · 重点项目管理"
admin.site.site_title = "观摩"
admin.site.index_title = "重点项目台账"

urlpatterns = [
    path("admin/", admin.site.urls),
]
