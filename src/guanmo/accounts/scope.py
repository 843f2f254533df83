"""What a user may see and do: the one place that cuts querysets to a user's scope.

A user's scope is a node of the administrative tree plus his role. Every view reaches projects,
reports and figures through these functions; an object outside the scope is a 404, exactly as
if it did not exist.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from guanmo.accounts.models import Department, Role, User
from guanmo.ledger.models import Project
from guanmo.regions.models import Region
from guanmo.regions.services import resolve_city, top_of, units_of


@dataclass(frozen=True)
class Scope:
    user: User
    city: Region

    @property
    def role(self) -> str:
        return Role.ADMIN if self.user.is_superuser else self.user.role

    @property
    def is_city_office(self) -> bool:
        """The city project office (and the system administrator): the whole city, reviews
        reports, opens and closes periods, edits the ledger."""
        return self.role in (Role.ADMIN, Role.CITY_OFFICE)

    @property
    def county(self) -> Region | None:
        """The county of a county project office."""
        return self.user.region if self.role == Role.COUNTY_OFFICE else None

    @property
    def reporting_unit(self) -> Region | None:
        """The unit whose monthly report he fills in: a county office its county's, the city
        office the city's own projects' (市本级, which no county reports)."""
        return self.city if self.is_city_office else self.county

    @property
    def department(self) -> Department | None:
        """The department of a department user, whose problem queue is his to answer."""
        return self.user.department if self.role == Role.DEPARTMENT else None

    @property
    def sees_city_totals(self) -> bool:
        """Whether the city's totals and the ranking of all counties are his to see."""
        return self.role in (Role.ADMIN, Role.CITY_OFFICE, Role.LEADER)

    @property
    def sees_bulletins(self) -> bool:
        """Whether the city's monthly bulletins are his to read: those who see the city's
        totals, and the county offices the bulletins rank."""
        return self.sees_city_totals or self.county is not None

    def enters_for(self, unit: Region) -> bool:
        """Whether he enters what a unit of the city records (a lead's stages, a park's own
        figures): the city office for every unit, a county office (a park's office) for its
        own."""
        if self.is_city_office:
            return True
        return self.county is not None and self.county == unit

    def projects(self) -> QuerySet[Project]:
        projects = Project.objects.filter(city=self.city)
        match self.role:
            case Role.ADMIN | Role.CITY_OFFICE:
                return projects
            case Role.COUNTY_OFFICE:
                return projects.filter(county=self.user.region)
            case Role.LEADER:
                return projects.filter(leader=self.user)
            case Role.COMMISSIONER:
                return projects.filter(commissioner=self.user)
        return projects.none()

    def readable_projects(self) -> QuerySet[Project]:
        """The projects whose page, figures and place on the map he may read: his projects,
        and for a county office also those lying in its county that another county leads,
        reports and counts (Project.other_counties; issue 9 §6). Reporting, warnings and totals
        stay with `projects()`."""
        if self.county is None:
            return self.projects()
        lying_here = Project.other_counties.through.objects.filter(region=self.county)
        return Project.objects.filter(city=self.city).filter(
            Q(county=self.county) | Q(pk__in=lying_here.values("project_id"))
        )

    def lead_mark(self, county_id: int, county_name: str) -> str:
        """How a project's county is shown to him: "牵头：温县" for a county office reading a
        project another county leads, else the county's name."""
        if self.county is not None and county_id != self.county.pk:
            return f"牵头：{county_name}"
        return county_name

    def fact_projects(self) -> QuerySet[Project]:
        """The projects whose basic facts (not figures) he may read: his projects, and for a
        department those with a problem assigned to it, so it knows what it is solving."""
        if self.department is not None:
            return Project.objects.filter(
                city=self.city, supervised_problems__department=self.department
            ).distinct()
        return self.projects()

    def units(self) -> list[Region]:
        """The counties and zones whose totals he may see."""
        if self.sees_city_totals:
            return units_of(self.city)
        return [self.county] if self.county is not None else []

    def project(self, pk: int) -> Project:
        """One project of his, or 404."""
        return self._one(self.projects(), pk)

    def readable_project(self, pk: int) -> Project:
        """One project he may read (`readable_projects`), or 404."""
        return self._one(self.readable_projects(), pk)

    def project_facts(self, pk: int) -> Project:
        """One project whose basic facts he may read (`fact_projects`), or 404."""
        return self._one(self.fact_projects(), pk)

    @staticmethod
    def _one(projects: QuerySet[Project], pk: int) -> Project:
        try:
            return projects.select_related("county").get(pk=pk)
        except Project.DoesNotExist:
            raise Http404("没有这个项目") from None

    @property
    def landing(self) -> str:
        """The URL name of the page his work starts on after signing in: a department's queue
        of problems, the dashboard for everyone else (a leader's shows his projects first)."""
        return "department_queue" if self.department is not None else "dashboard"


def city_of(user: User) -> Region:
    """The top a user works in (`regions.services.top_of`): his region's city, or the county
    at the top of a county installation (the only top, for an administrator without one)."""
    if user.region is None:
        return resolve_city(None)
    return top_of(user.region)


def scope_of(user: User) -> Scope:
    return Scope(user=user, city=city_of(user))
