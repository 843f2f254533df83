"""The shared pager of paged lists keeps the filters in its links."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string


def test_the_pager_links_keep_the_filters():
    page = Paginator(list(range(25)), 10).page(2)
    html = render_to_string("includes/pager.html", {"page": page, "query": "county=1"})
    assert '<a href="?county=1&page=1">上一页</a>' in html
    assert "<span>第2/3页</span>" in html
    assert '<a href="?county=1&page=3">下一页</a>' in html


def test_a_single_page_has_no_links():
    page = Paginator([1, 2], 10).page(1)
    html = render_to_string("includes/pager.html", {"page": page, "query": ""})
    assert "第1/1页" in html and "上一页" not in html and "下一页" not in html
