"""Guanmo's own format settings for zh-hans, over Django's (which apply for everything not
named here).

A form renders a date with the first input format, and a browser's date input takes only
YYYY-MM-DD: Django's zh_Hans puts "%Y/%m/%d" first, so every date field rendered empty in the
browser and a form saved unchanged wiped its dates (issue 10). ISO first; the other forms are
still read when typed into a plain text field.
"""

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
]
