"""How a progress row finds its ledger project: by code, else by name within its county (its
cell, else its location, the heading or sheet it stands under when the name has namesakes);
two candidates are a fault naming both, never the first found taken (issue 9, fresh-eyes
tryout fault 7)."""

from dataclasses import dataclass
from decimal import Decimal

from guanmo.ledger.columns import Field
from guanmo.ledger.models import Project
from guanmo.ledger.services.matching import CountyFinder, Placement, name_key, place
from guanmo.regions.models import Region
from guanmo.sheets.cells import format_wan
from guanmo.sheets.table import Row, Table


@dataclass(frozen=True)
class KnownProject:
    """What matching and checking need of a ledger project."""

    pk: int
    county_id: int
    total_investment: Decimal
    code: str = ""
    name: str = ""

    @property
    def described(self) -> str:
        """How a fault tells it from a namesake: "项目代码…" or "总投资33000万元"."""
        return (
            f"项目代码{self.code}"
            if self.code
            else f"总投资{format_wan(self.total_investment)}万元"
        )


class ProgressLedger:
    """The city's projects indexed for matching (one query), and the rows matched so far."""

    def __init__(self, city: Region, uploader: Region | None) -> None:
        self.counties = CountyFinder(city)
        self.uploader = uploader
        self.by_code: dict[str, KnownProject] = {}
        self.by_name: dict[tuple[int, str], list[KnownProject]] = {}
        self.by_name_anywhere: dict[str, list[KnownProject]] = {}
        # (county, name) → projects lying there besides their lead county (issue 9 §6)
        self.lying: dict[tuple[int, str], list[KnownProject]] = {}
        self.claimed: dict[int, Row] = {}
        # rows placed by the layout (a heading, the sheet's name) to tell namesakes apart
        self.laid_out: list[tuple[Row, Placement]] = []
        self.county_names = {unit.pk: unit.name for unit in self.counties.units}
        self.county_names[city.pk] = city.name
        rows = Project.objects.filter(city=city).order_by("id")
        by_id = {}
        for pk, county_id, code, name, total in rows.values_list(
            "pk", "county_id", "code", "name", "total_investment"
        ):
            known = KnownProject(pk, county_id, total, code, name)
            by_id[pk] = (known, name_key(name))
            if code:
                self.by_code[code] = known
            key = name_key(name)
            self.by_name.setdefault((county_id, key), []).append(known)
            self.by_name_anywhere.setdefault(key, []).append(known)
        through = Project.other_counties.through.objects.filter(project__city=city)
        for pk, region_id in through.order_by("project_id").values_list("project_id", "region_id"):
            known, key = by_id[pk]
            self.lying.setdefault((region_id, key), []).append(known)

    def project_of(self, row: Row, table: Table) -> KnownProject | None:
        """The row's project, or None with a fault on the row."""
        uploader = self.uploader
        county = self.counties.county_of(row, from_location=False)
        if uploader is not None and county not in (None, uploader):
            row.fault(Field.COUNTY, f"不属于{uploader.name}，只能填报本县区的项目")
        project = None if row.faults else self._find(row, table, county or uploader)
        identity = Field.NAME if row.values.get(Field.NAME) else Field.CODE
        if row.faults:
            return None
        if project is None:
            where = f"{(county or uploader).name}的" if county or uploader else ""
            row.fault(identity, f"{where}台账中没有这个项目，请先导入台账")
        elif uploader is not None and project.county_id != uploader.pk:
            row.fault(identity, f"这个项目不属于{uploader.name}，只能填报本县区的项目")
        elif project.pk in self.claimed:
            row.fault(identity, self._twice(row, project))
        else:
            self.claimed[project.pk] = row
            return project
        return None

    def _twice(self, row: Row, project: KnownProject) -> str:
        """Why a second row of one project is refused, naming the first row."""
        first = self.claimed[project.pk]
        if row.values.get(Field.CODE) in self.by_code:
            return f"与{place(row, first)}是同一项目"
        name = row.values.get(Field.NAME, "")
        return (
            f"与{place(row, first)}同名，都是台账中{self.county_names[project.county_id]}的"
            f"「{name}」；请删去重复的一行，或填写所在县区或项目代码区分"
        )

    def _of_code(
        self, row: Row, project: KnownProject, county: Region | None
    ) -> KnownProject | None:
        """The project of the row's code, unless the row's name is another stored project's:
        then a fault naming both (tryout 4 P35: the figures went to the project of a code copied
        from the row above, without a word). A name no stored project has is a spelling of the
        code's project's and does not stop the row."""
        name = row.values.get(Field.NAME, "")
        key = name_key(name)
        if not name or key == name_key(project.name):
            return project
        if county is not None:
            others = self.by_name.get((county.pk, key), [])
        else:
            others = self.by_name_anywhere.get(key, [])
        others = [each for each in others if each.pk != project.pk]
        if not others:
            return project
        described = "、".join(each.described for each in others)
        row.fault(
            Field.CODE,
            f"{project.code}是台账中「{project.name}」的项目代码，而项目名称「{name}」是台账中"
            f"另一个项目（{described}），无法确定是哪一个，未导入；请核对项目代码或项目名称",
        )
        return None

    def _find(self, row: Row, table: Table, county: Region | None) -> KnownProject | None:
        """By code, else by name within the county: led by it or lying in it besides its lead
        (解放区、温县 led by 温县); else in the whole city when it is unique, or when the heading
        or sheet the row stands under names the county of one of its namesakes. Two candidates
        are a fault naming both, never the first found taken (fresh-eyes tryout fault 7)."""
        code, name = row.values.get(Field.CODE, ""), row.values.get(Field.NAME, "")
        if code in self.by_code:
            return self._of_code(row, self.by_code[code], county)
        if not name:
            return None
        key = name_key(name)
        if county is not None:
            found = [*self.by_name.get((county.pk, key), [])]
            found += [each for each in self.lying.get((county.pk, key), []) if each not in found]
            if len(found) > 1:
                described = "、".join(each.described for each in found)
                row.fault(
                    Field.NAME,
                    f"{county.name}的台账中有{len(found)}个名为「{name}」的项目（{described}），"
                    "无法确定是哪一个；请填写项目代码",
                )
            return found[0] if len(found) == 1 else None
        namesakes = self.by_name_anywhere.get(key, [])
        if len(namesakes) < 2:
            return namesakes[0] if namesakes else None
        placed = self.counties.located(row) or self.counties.from_layout(row, table)
        if placed is not None:
            self.laid_out.append((row, placed))
            return self._find(row, table, placed.lead)
        counties = "、".join(self.county_names[each.county_id] for each in namesakes)
        row.fault(
            Field.NAME,
            f"台账中有{len(namesakes)}个名为「{name}」的项目（{counties}），无法确定是哪一个；"
            "请填写所在县区或项目代码",
        )
        return None
