"""The public ledger as downloads: CSV with Chinese headers (UTF-8 with a byte-order mark, so
that Excel reads it), and JSON with the API's English keys."""

import csv
import io
import json

from guanmo.disclosure.records import PublicLedger, PublicProject
from guanmo.disclosure.schemas import ProjectOut
from guanmo.documents.formulas import csv_row


def ledger_csv(ledger: PublicLedger, projects: list[PublicProject]) -> bytes:
    """One row per project, one column per published field; formula-like text neutralised."""
    columns = ledger.columns
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(csv_row([column.label for column in columns]))
    for project in projects:
        writer.writerow(csv_row([column.text(project) for column in columns]))
    return output.getvalue().encode("utf-8-sig")


def ledger_json(ledger: PublicLedger, projects: list[PublicProject]) -> bytes:
    """The city, the month the figures are as of, the labels of the published fields, and the
    projects as the API gives them."""
    body = {
        "city": {"code": ledger.city_code, "name": ledger.city_name},
        "year": ledger.year,
        "month": ledger.month,
        "as_of": ledger.as_of,
        "fields": {column.key: column.label for column in ledger.columns},
        "projects": [ProjectOut.model_validate(p).model_dump(mode="json") for p in projects],
    }
    return json.dumps(body, ensure_ascii=False, indent=1).encode()
