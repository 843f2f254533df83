"""An assessment's result in each output format: one small module per format.

`TEXT_FORMATS` render `(outcome) -> str`; `FILE_FORMATS` write `(outcome, output) -> None` to
a path or a binary stream. `outcome` is a `guanmo.assessment.outcome.Outcome`.
"""

import json

from guanmo.assessment.exporters.docx import write_docx
from guanmo.assessment.exporters.text import render_text
from guanmo.assessment.exporters.xlsx import write_xlsx
from guanmo.assessment.outcome import Outcome


def render_json(outcome: Outcome) -> str:
    """The one JSON object of issue 13 (`Outcome.as_json`), indented, Chinese as written."""
    return json.dumps(outcome.as_json(), ensure_ascii=False, indent=2)


TEXT_FORMATS = {"text": render_text, "json": render_json}
FILE_FORMATS = {"xlsx": write_xlsx, "docx": write_docx}
