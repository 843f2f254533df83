"""Issued documents: the list (cut to scope), each as .docx or PDF, and the issuing office's
names for the city office to set."""

import io
from collections.abc import Callable
from datetime import date

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from guanmo import clock
from guanmo.accounts.scope import Scope
from guanmo.documents.models import IssuedDocument, IssuingOffice
from guanmo.documents.pdf import ConversionError, docx_to_pdf
from guanmo.documents.selectors import documents_for
from guanmo.documents.services import DocumentError, office_for, pdf_of

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTENT_TYPES = {"docx": DOCX, "pdf": "application/pdf", "xlsx": XLSX}


def file_response(content: bytes, extension: str, filename: str) -> FileResponse:
    """A .docx as an attachment, or its PDF (converted here: never inside a transaction)."""
    if extension == "pdf":
        content = _converted(lambda: docx_to_pdf(content))
        filename = filename.rsplit(".", 1)[0] + ".pdf"
    return _attachment(content, extension, filename)


def document_response(document: IssuedDocument, extension: str) -> FileResponse:
    """An issued document as kept (.docx), its PDF, or the workbook (.xlsx) issued with it
    (404 saying so for one issued without a workbook: never one rebuilt from today's data)."""
    if extension == "pdf":
        content = _converted(lambda: pdf_of(document))
        filename = f"{document.title}.pdf"
    elif extension == "xlsx":
        if document.workbook is None:
            raise Http404(f"{document.number}印发时未保存Excel表格")
        content, filename = bytes(document.workbook), f"{document.title}.xlsx"
    else:
        content, filename = bytes(document.content), document.filename
    return _attachment(content, extension, filename)


def _converted(convert) -> bytes:
    try:
        return convert()
    except ConversionError as failure:
        raise Http404(str(failure)) from failure


def _attachment(content: bytes, extension: str, filename: str) -> FileResponse:
    return FileResponse(
        io.BytesIO(content),
        as_attachment=True,
        filename=filename,
        content_type=CONTENT_TYPES[extension],
    )


def issue_posted(
    request: HttpRequest, issue: Callable[[date], IssuedDocument], back: HttpResponse
) -> HttpResponse:
    """Issue a document with the 成文日期 posted (today when none): say its 发文字号, or why
    it was refused, and go `back`."""
    try:
        dated = date.fromisoformat(request.POST.get("dated") or clock.today().isoformat())
    except ValueError:
        messages.error(request, "成文日期格式不正确")
        return back
    try:
        document = issue(dated)
    except DocumentError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"已印发{document.number}")
    return back


def document_list(request: HttpRequest) -> HttpResponse:
    scope: Scope = request.scope
    if not (scope.sees_city_totals or scope.county):
        raise Http404("没有已印发的文件")
    documents = (
        documents_for(scope)
        .defer("content", "pdf", "workbook")
        .annotate(
            kept_workbook=ExpressionWrapper(Q(workbook__isnull=False), output_field=BooleanField())
        )
    )
    return render(
        request,
        "documents/list.html",
        {"documents": documents, "may_edit_office": scope.is_city_office},
    )


def document_file(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    if extension not in CONTENT_TYPES:
        raise Http404("不支持的格式")
    document = get_object_or_404(documents_for(request.scope), pk=pk)
    return document_response(document, extension)


class IssuingOfficeForm(forms.ModelForm):
    class Meta:
        model = IssuingOffice
        fields = ["full_name", "short_name", "number_prefix", "signer", "addressee", "copy_to"]


def office_settings(request: HttpRequest) -> HttpResponse:
    """The city's issuing office: the names every document uses."""
    scope: Scope = request.scope
    if not scope.is_city_office:
        raise PermissionDenied("只有市项目办可以设置发文机关")
    form = IssuingOfficeForm(request.POST or None, instance=office_for(scope.city))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "发文机关设置已保存，此后印发的文件均使用这些名称")
        return redirect("document_list")
    return render(request, "documents/office.html", {"form": form})
