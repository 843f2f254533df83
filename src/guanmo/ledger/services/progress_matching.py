"""How a progress row finds its ledger project: by code, else by name within its county, which
the one rule of `guanmo.sheets.county_sources` takes from its cell, code, heading, sheet name
and title (tryout 7 of issue 9); the project found must lie there. Two candidates are a fault
naming both, never the first found taken (issue 9, fresh-eyes tryout fault 7)."""

from dataclasses import dataclass
from decimal import Decimal

from guanmo.ledger.columns import Field
from guanmo.ledger.models import Project
from guanmo.ledger.services.matching import (
    BY_CODE,
    CountyFinder,
    Placement,
    name_key,
    place,
)
from guanmo.regions.models import Region
from guanmo.sheets.cells import format_wan
from guanmo.sheets.county_sources import stated
from guanmo.sheets.faults import SheetFault, row_place
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
        self.others: dict[int, list[int]] = {}  # project → the counties it lies in besides
        self.claimed: dict[int, Row] = {}
        # rows placed by the layout (a heading, the sheet's name…), and those of namesakes
        self.placed: list[tuple[Row, Placement]] = []
        self.laid_out: list[tuple[Row, Placement]] = []
        # rows with no county of their own found by their name alone, with their county's name
        self.named_only: list[tuple[Row, str]] = []
        # rows of projects lying in several counties placed in one that does not lead them
        self.not_led: list[tuple[Row, KnownProject]] = []
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
            self.others.setdefault(pk, []).append(region_id)

    def project_of(self, row: Row, table: Table) -> KnownProject | None:
        """The row's project, or None with a fault on the row: its county's (from the row's
        sources, else the uploader's), and lying where the sources place it."""
        uploader = self.uploader
        placement = self.counties.placement_of(row, table, from_location=False)
        if row.faults:
            return None
        county = placement.lead if placement else None
        # A county known from the code alone is checked on the project the code finds.
        if placement and placement.source != BY_CODE and uploader not in (None, county):
            self._not_uploaders(row, table, placement)
            return None
        project = self._find(row, county or uploader)
        identity = Field.NAME if row.values.get(Field.NAME) else Field.CODE
        if row.faults:
            return None
        laid_out = placement is not None and placement.source != ""
        if project is None and laid_out:
            self._elsewhere(row, table, self.by_name_anywhere.get(self._key(row), []))
        elif (
            project is None
            and (placement or uploader)
            and (elsewhere := self.by_name_anywhere.get(self._key(row)))
        ):
            cell = Field.COUNTY if Field.COUNTY in table.header.fields else Field.LOCATION
            self._not_there(row, identity, cell, county if placement else None, elsewhere)
        elif project is None:
            typed = county if placement else uploader
            where = f"{typed.name}的" if typed else ""
            row.fault(identity, f"{where}台账中没有这个项目，请先导入台账")
        elif placement and placement.lead.pk not in self._counties_of(project):
            self._elsewhere(row, table, [project])
        elif uploader is not None and project.county_id != uploader.pk:
            row.fault(identity, self._not_led_by(uploader, project))
        elif project.pk in self.claimed:
            row.fault(identity, self._twice(row, project))
        else:
            self.claimed[project.pk] = row
            if placement and placement.lead.pk != project.county_id:
                self.not_led.append((row, project))
            if (
                placement is None
                and uploader is None
                and project.code != row.values.get(Field.CODE)
            ):
                self.named_only.append((row, self.county_names[project.county_id]))
            if laid_out:
                self.placed.append((row, placement))
                if len(self.by_name_anywhere.get(self._key(row), [])) > 1:
                    self.laid_out.append((row, placement))
            return project
        return None

    def named_only_notes(self) -> list[str]:
        """Rows no county was given for, found in the ledger by their name alone (unique in the
        city): "工作表「逐月」第3、4行未填所在县区，按项目名称在台账中找到唯一的同名项目，县区取自
        台账（温县、孟州市）" (tryout 10, P07: the assumption is said)."""
        by_sheet: dict[str, list[tuple[Row, str]]] = {}
        for row, county in self.named_only:
            by_sheet.setdefault(row.sheet, []).append((row, county))
        notes = []
        for sheet, found in by_sheet.items():
            shown = "、".join(str(row.number) for row, _ in found[:10])
            more = f"等{len(found)}行" if len(found) > 10 else "行"
            counties = "、".join(dict.fromkeys(county for _, county in found))
            notes.append(
                f"工作表「{sheet}」第{shown}{more}未填所在县区，按项目名称在台账中找到唯一的"
                f"同名项目，县区取自台账（{counties}）"
            )
        return notes

    def not_led_notes(self) -> list[str]:
        """Rows of a project lying in several counties that the sheet places in one not leading
        it: the figures are the project's, counted by its lead (issue 9 §6; tryout 11, P10):
        "工作表「温县」第3行「沿黄快速通道」：该项目由武陟县牵头、温县参与，按项目记入（…）"."""
        notes = []
        for row, project in self.not_led:
            lead = self.county_names[project.county_id]
            others = "、".join(self.county_names[pk] for pk in self.others[project.pk])
            notes.append(
                f"{row_place(row.sheet, row.number)}「{project.name}」：该项目由{lead}牵头、"
                f"{others}参与，按项目记入（一条月度进度，由牵头的{lead}计入县区排名）"
            )
        return notes

    def _not_led_by(self, uploader: Region, project: KnownProject) -> str:
        """Why a county's own upload may not hold a project it does not lead: one lying in
        another county only, "这个项目不属于温县，只能填报本县区的项目"; one lying in the uploader
        too but led by another county, "该项目位于温县、武陟县，由牵头县区温县报送，请删去这一行"
        (tryout 31, finding 3: "不属于武陟县" was false and contradicted the project list)."""
        counties = self._counties_of(project)
        if uploader.pk not in counties:
            return f"这个项目不属于{uploader.name}，只能填报本县区的项目"
        lies = "、".join(self.county_names[pk] for pk in counties)
        lead = self.county_names[project.county_id]
        return f"该项目位于{lies}，由牵头县区{lead}报送，请删去这一行"

    def _not_uploaders(self, row: Row, table: Table, placement: Placement) -> None:
        """A row placed in another county than the uploader's: "第3行「所在县区」：不属于温县，…",
        or naming the layout that places it: "第3行：工作表名为武陟县，不属于温县，…"."""
        message = f"不属于{self.uploader.name}，只能填报本县区的项目"
        if not placement.source:
            row.fault(Field.COUNTY, message)
            return
        sources = stated(self.counties.sources_of(row, table, from_location=False)[1])
        row.faults.append(SheetFault(row.sheet, row.number, None, f"{sources}，{message}"))

    def _elsewhere(self, row: Row, table: Table, projects: list[KnownProject]) -> None:
        """A row the sheet places in one county whose project the ledger has in another:
        "第3行：工作表名为温县，而台账中的「甲项目」在武陟县，不一致，未写入任何数据"; with no
        such project anywhere, "台账中没有这个项目"."""
        identity = Field.NAME if row.values.get(Field.NAME) else Field.CODE
        if not projects:
            row.fault(identity, "台账中没有这个项目，请先导入台账")
            return
        sources = stated(self.counties.sources_of(row, table, from_location=False)[1])
        lies = "、".join(
            dict.fromkeys(
                self.county_names[pk] for each in projects for pk in self._counties_of(each)
            )
        )
        row.faults.append(
            SheetFault(
                row.sheet,
                row.number,
                None,
                f"{sources}，而台账中的「{projects[0].name}」在{lies}，不一致，未写入任何数据",
            )
        )

    def _not_there(
        self,
        row: Row,
        identity: Field,
        cell: Field,
        typed: Region | None,
        projects: list[KnownProject],
    ) -> None:
        """A row whose own county cell (`typed`), else the uploader, is not where the ledger
        has its project: the fault says where the ledger has it, naming both counties, never
        "没有这个项目，请先导入台账", which invites a duplicate (tryout 11 P6)."""
        lies = "、".join(
            dict.fromkeys(
                self.county_names[pk] for each in projects for pk in self._counties_of(each)
            )
        )
        stored = f"台账中的「{projects[0].name}」在{lies}"
        if typed is None:
            uploader = self.uploader.name if self.uploader else ""
            row.fault(identity, f"{stored}，不属于{uploader}，只能填报本县区的项目")
            return
        row.fault(
            cell,
            f"填写为{typed.name}，而{stored}，不一致；请改正所在县区后再导入"
            f"（不要在{typed.name}另建同名项目），未写入任何数据",
        )

    def _counties_of(self, project: KnownProject) -> list[int]:
        """The ids of the counties a stored project lies in, the lead first."""
        return [project.county_id, *self.others.get(project.pk, [])]

    @staticmethod
    def _key(row: Row) -> str:
        return name_key(row.values.get(Field.NAME, ""))

    def _twice(self, row: Row, project: KnownProject) -> str:
        """Why a second row of one project is refused, naming the first row."""
        first = self.claimed[project.pk]
        if row.values.get(Field.CODE) in self.by_code:
            return f"与{place(row, first)}是同一项目"
        name = row.values.get(Field.NAME, "")
        lead = self.county_names[project.county_id]
        counties = self._counties_of(project)
        if len(counties) > 1:
            # Two counties each reporting their part: no county cell or code can tell the rows
            # apart, they are one project (tryout 25 [5]: the advice to fill 所在县区 was followed
            # and refused the same).
            lies = "、".join(dict.fromkeys(self.county_names[pk] for pk in counties))
            return (
                f"与{place(row, first)}同为台账中的跨县项目「{name}」（位于{lies}）；跨县项目由"
                f"牵头县区{lead}报送全项目数字，请将各县区的数字合计后填在一行、删去另一行后再导入"
            )
        return (
            f"与{place(row, first)}同名，都是台账中{lead}的"
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

    def _find(self, row: Row, county: Region | None) -> KnownProject | None:
        """By code, else by name within the county: led by it or lying in it besides its lead
        (解放区、温县 led by 温县); else, with no county, in the whole city when it is unique. Two
        candidates are a fault naming both, never the first found taken (fresh-eyes tryout
        fault 7)."""
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
        located = self.counties.located(row)
        if located is not None:
            self.laid_out.append((row, located))
            return self._find(row, located.lead)
        counties = "、".join(self.county_names[each.county_id] for each in namesakes)
        row.fault(
            Field.NAME,
            f"台账中有{len(namesakes)}个名为「{name}」的项目（{counties}），无法确定是哪一个；"
            "请填写所在县区或项目代码",
        )
        return None
