"""A tour's results in each output format: one small module per format.

`TEXT_FORMATS` render `(report) -> str`; `FILE_FORMATS` write `(report, output) -> None` to a
path or a binary stream. `report` is a `bulletin.TourReport`.
"""

from guanmo.observation.exporters.docx import write_docx
from guanmo.observation.exporters.json_output import render_json
from guanmo.observation.exporters.text import render_text
from guanmo.observation.exporters.xlsx import write_xlsx

TEXT_FORMATS = {"text": render_text, "json": render_json}
FILE_FORMATS = {"xlsx": write_xlsx, "docx": write_docx}
