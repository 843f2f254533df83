from django.contrib import admin

from guanmo.documents.models import IssuedDocument, IssuingOffice


@admin.register(IssuingOffice)
class IssuingOfficeAdmin(admin.ModelAdmin):
    list_display = ["city", "full_name", "short_name", "number_prefix", "signer"]


@admin.register(IssuedDocument)
class IssuedDocumentAdmin(admin.ModelAdmin):
    """Issued documents are a record: seen here, never edited."""

    list_display = ["number", "title", "kind", "dated", "issued_by", "issued_at"]
    list_filter = ["kind", "year"]
    search_fields = ["number", "title"]
    exclude = ["content", "pdf", "workbook"]
    readonly_fields = [
        "city",
        "county",
        "kind",
        "subject",
        "title",
        "number",
        "year",
        "sequence",
        "dated",
        "issued_by",
        "issued_at",
        "sha256",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
