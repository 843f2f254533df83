"""The attachment an objection is made with (issue 13: "with a reason and attachment"): a
small real PDF, as a county's letter would be uploaded."""

from django.core.files.uploadedfile import SimpleUploadedFile

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def letter(name: str = "情况说明.pdf") -> SimpleUploadedFile:
    """A fresh upload of a one-object PDF named `name`."""
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")
