"""The Content-Security-Policy forbids inline script: no template may carry any (a <script>
without src that is not JSON data, an on…= handler, a javascript: link), or its page breaks."""

import re
from pathlib import Path

import guanmo

TEMPLATES = sorted(Path(guanmo.__file__).parent.rglob("templates/**/*.html"))
_SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
_HANDLER = re.compile(r"\son[a-z]+\s*=\s*[\"']", re.IGNORECASE)
_JAVASCRIPT_URL = re.compile(r"(href|src|action)\s*=\s*[\"']\s*javascript:", re.IGNORECASE)


def test_there_are_templates_to_check():
    assert len(TEMPLATES) > 40


def test_no_template_has_inline_script():
    offenders = []
    for template in TEMPLATES:
        text = template.read_text(encoding="utf-8")
        for match in _SCRIPT.finditer(text):
            attributes = match.group(1)
            if "src=" not in attributes and "application/json" not in attributes:
                offenders.append(f"{template.name}: <script{attributes}>")
        offenders += [f"{template.name}: {m.group().strip()}" for m in _HANDLER.finditer(text)]
        offenders += [f"{template.name}: {m.group()}" for m in _JAVASCRIPT_URL.finditer(text)]
    assert offenders == []
