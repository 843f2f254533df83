"""A rendered HTML form read back as a browser would submit it, unchanged.

`rendered_forms(html)` finds every `<form method="post">`; `RenderedForm.values()` gives what
the browser sends when the user presses its (first, or named) submit button without touching
anything: text, hidden and number inputs with their value, checked boxes and radios, the
selected options of selects (the first option when none is marked), textareas' text. A value
the browser's own input refuses is sent blank, as Chromium does: a date input takes only
YYYY-MM-DD, a number input only a plain number. So a form that renders a value its input
cannot hold loses it here exactly as it does in the browser.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NUMBER = re.compile(r"^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")
UNSENT_TYPES = {"submit", "button", "reset", "file", "image"}


@dataclass
class Button:
    name: str
    value: str
    text: str = ""


@dataclass
class RenderedForm:
    action: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)
    date_values: list[tuple[str, str]] = field(default_factory=list)  # (name, value as rendered)

    def values(self, button: str | None = None) -> dict[str, list[str]]:
        """The submission, name → values; `button` names the submit button pressed (its value
        or text), the first one otherwise."""
        data: dict[str, list[str]] = {}
        for name, value in self.fields:
            data.setdefault(name, []).append(value)
        pressed = next(
            (b for b in self.buttons if button in (None, b.value, b.text)),
            None,
        )
        if pressed is not None and pressed.name:
            data.setdefault(pressed.name, []).append(pressed.value)
        return data


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[RenderedForm] = []
        self.form: RenderedForm | None = None
        self.select: tuple[str, list[tuple[str, bool]], bool] | None = None
        self.option: list | None = None
        self.textarea: list | None = None
        self.button: Button | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value if value is not None else "" for key, value in attrs}
        if tag == "form" and a.get("method", "get").lower() == "post":
            self.form = RenderedForm(action=a.get("action", ""))
            self.forms.append(self.form)
            return
        if self.form is None or "disabled" in a:
            return
        name = a.get("name", "")
        kind = a.get("type", "text").lower()
        if tag == "input":
            if kind in ("submit", "image"):
                self.form.buttons.append(Button(name, a.get("value", ""), a.get("value", "")))
            elif kind in ("checkbox", "radio"):
                if "checked" in a and name:
                    self.form.fields.append((name, a.get("value", "on")))
            elif kind not in UNSENT_TYPES and name:
                value = a.get("value", "")
                if kind == "date":
                    self.form.date_values.append((name, value))
                    value = value if DATE.match(value) else ""
                elif kind == "number" and not NUMBER.match(value):
                    value = ""
                self.form.fields.append((name, value))
        elif tag == "button" and kind == "submit":
            self.button = Button(name, a.get("value", ""))
            self.form.buttons.append(self.button)
        elif tag == "select" and name:
            self.select = (name, [], "multiple" in a)
        elif tag == "option" and self.select is not None:
            self.option = [a.get("value"), "selected" in a, ""]
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data: str) -> None:
        if self.option is not None:
            self.option[2] += data
        if self.textarea is not None:
            self.textarea[1] += data
        if self.button is not None:
            self.button.text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.form = None
        elif tag == "option" and self.option is not None and self.select is not None:
            value, selected, text = self.option
            self.select[1].append((value if value is not None else text.strip(), selected))
            self.option = None
        elif tag == "select" and self.select is not None and self.form is not None:
            name, options, multiple = self.select
            chosen = [value for value, selected in options if selected]
            if not chosen and not multiple:
                chosen = [value for value, _ in options[:1]]
            self.form.fields.extend((name, value) for value in chosen)
            self.select = None
        elif tag == "textarea" and self.textarea is not None and self.form is not None:
            name, text = self.textarea
            # The HTML parser drops one newline right after <textarea>.
            self.form.fields.append((name, text.removeprefix("\n")))
            self.textarea = None
        elif tag == "button" and self.button is not None:
            self.button.text = self.button.text.strip()
            self.button = None


def rendered_forms(html: str) -> list[RenderedForm]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms
