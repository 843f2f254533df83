"""The progress report in each output format: one small module per format.

`TEXT_FORMATS` render `(report, city_name) -> str`; `FILE_FORMATS` write
`(report, city_name, output, *, sections=()) -> None` to a path or a binary stream, with the
sections other apps add to the bulletin (`guanmo.progress.sections`).
"""

from guanmo.progress.exporters.docx import write_docx
from guanmo.progress.exporters.json import render_json
from guanmo.progress.exporters.text import render_text
from guanmo.progress.exporters.xlsx import write_xlsx

TEXT_FORMATS = {"text": render_text, "json": render_json}
FILE_FORMATS = {"xlsx": write_xlsx, "docx": write_docx}
