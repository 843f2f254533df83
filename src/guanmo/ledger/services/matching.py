"""How a sheet row finds its county and its project: the rules both imports share."""

from guanmo.regions.models import Region
from guanmo.regions.names import clean_text, match_region
from guanmo.regions.services import units_of
from guanmo.sheets.header import Field
from guanmo.sheets.table import Row

BATCH_SIZE = 1000


def name_key(name: str) -> str:
    """What two project names are compared by: NFKC, no white space."""
    return clean_text(name)


class CountyFinder:
    """The city's counties and zones by the names sheets give them, looked up once per name."""

    def __init__(self, city: Region) -> None:
        self.city = city
        self.units = units_of(city)
        self._found: dict[str, Region | None] = {}

    def find(self, text: str) -> Region | None:
        if text not in self._found:
            self._found[text] = match_region(text, self.units)
        return self._found[text]

    def county_of(self, row: Row, *, from_location: bool) -> Region | None:
        """The row's county from its county cell, else (when allowed) from its location.

        Records a fault on the row when a county is named but not found.
        """
        typed = row.values.get(Field.COUNTY, "")
        if typed:
            county = self.find(typed)
            if county is None:
                row.fault(Field.COUNTY, f"{self.city.name}没有「{typed}」这个县区")
            return county
        location = row.values.get(Field.LOCATION, "") if from_location else ""
        if location:
            county = self.find(location)
            if county is None:
                row.fault(Field.LOCATION, f"无法从「{location}」确定所在县区，请填写所在县区")
            return county
        return None


def place(row: Row, other: Row) -> str:
    """How a fault names another row: "第12行", or with its sheet when that differs."""
    sheet = f"工作表「{other.sheet}」" if other.sheet != row.sheet else ""
    return f"{sheet}第{other.number}行"
