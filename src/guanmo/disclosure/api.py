"""The read-only open-data API (django-ninja) at /public/api/: cities and their published key
projects, paged, limited in rate per client address, described at /public/api/openapi.json.

Everything is read from the cached public ledger (`selectors.public_ledger`), the same records
the pages and downloads show, so the API can show nothing they do not.
"""

import math

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.errors import HttpError, Throttled, ValidationError
from ninja.pagination import PageNumberPagination, paginate
from ninja.throttling import SimpleRateThrottle

from guanmo.disclosure.filters import Criteria, matching
from guanmo.disclosure.records import PublicLedger, PublicProject
from guanmo.disclosure.schemas import CityOut, Invalid, Message, ProjectFilters, ProjectOut
from guanmo.disclosure.selectors import public_ledger
from guanmo.regions.services import served_cities

PAGE_SIZE = 50
FILTERS = Query(...)
CITY_CODE = Path(
    ..., description="城市行政区划代码（6位），见 /cities", pattern=r"^\d{6}$", examples=["410800"]
)


class ClientRateThrottle(SimpleRateThrottle):
    """GUANMO_PUBLIC_API_RATE requests per client address ("60/min"); the rate is read at each
    request so that a deployment's settings (or a test's) apply without a restart."""

    def __init__(self) -> None:
        super().__init__(rate=settings.GUANMO_PUBLIC_API_RATE)

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = settings.GUANMO_PUBLIC_API_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request: HttpRequest) -> str:
        return f"disclosure:throttle:{self.get_ident(request)}"


class Pages(PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=100_000, description="页码，从1开始")
        page_size: int | None = Field(
            None, ge=1, le=100, description=f"每页条数，默认{PAGE_SIZE}，最多100"
        )

    class Output(Schema):
        items: list = Field(description="本页的项目，按县区、编号排列")
        count: int = Field(description="符合条件的项目总数")


api = NinjaAPI(
    title="重点项目公示开放数据接口",
    version="1",
    description=(
        "各市公示的重点项目：名称、建设规模及主要内容、年度计划、建设单位、所在县区、责任单位、"
        "驻工地专员和截至最近关闭月份的进度。只含已关闭月份审核通过的数据和城市公开的字段。"
        "只读；每个客户端地址的请求次数有限制，超过时返回 429。"
    ),
    urls_namespace="public_api",
    throttle=[ClientRateThrottle()],
    openapi_url="openapi.json",
    docs_url="docs",
)


@api.exception_handler(Throttled)
def too_many_requests(request: HttpRequest, error: Throttled) -> HttpResponse:
    wait = f"请{math.ceil(error.wait)}秒后再试" if error.wait else "请稍后再试"
    return api.create_response(request, {"detail": f"请求过于频繁，{wait}"}, status=429)


def chinese_reason(error: dict) -> str:
    """What pydantic says of a bad parameter, in Chinese (its own messages are English)."""
    limits = error.get("ctx") or {}
    match error.get("type"):
        case "missing":
            return "缺少此参数"
        case "int_parsing" | "int_type" | "int_from_float":
            return "应为整数"
        case "greater_than_equal":
            return f"应不小于{limits.get('ge')}"
        case "greater_than":
            return f"应大于{limits.get('gt')}"
        case "less_than_equal":
            return f"应不大于{limits.get('le')}"
        case "less_than":
            return f"应小于{limits.get('lt')}"
        case "string_too_long":
            return f"不能超过{limits.get('max_length')}个字"
        case "string_too_short":
            return f"至少{limits.get('min_length')}个字"
        case "bool_parsing":
            return "应为 true 或 false"
    return "取值不正确"


@api.exception_handler(ValidationError)
def invalid_parameters(request: HttpRequest, error: ValidationError) -> HttpResponse:
    """422 as ninja gives it (loc, msg, type for each parameter), with msg in Chinese."""
    detail = [
        {
            "loc": list(each.get("loc", ())),
            "msg": f"参数「{each.get('loc', ('',))[-1]}」{chinese_reason(each)}",
            "type": each.get("type", ""),
        }
        for each in error.errors
    ]
    return api.create_response(request, {"detail": detail}, status=422)


def _ledger(code: str) -> PublicLedger:
    ledger = public_ledger(code)
    if ledger is None:
        raise HttpError(404, f"没有区划代码为{code}的城市")
    return ledger


def city_summary(ledger: PublicLedger) -> dict:
    return {
        "code": ledger.city_code,
        "name": ledger.city_name,
        "year": ledger.year,
        "month": ledger.month,
        "as_of": ledger.as_of,
        "project_count": len(ledger.projects),
        "published_fields": [column.key for column in ledger.columns],
    }


@api.get(
    "/cities",
    response={200: list[CityOut], 429: Message},
    url_name="public_api_cities",
    operation_id="cities",
    summary="公示的城市",
)
def cities(request: HttpRequest) -> list[dict]:
    codes = served_cities().values_list("code", flat=True)
    return [city_summary(_ledger(code)) for code in codes]


@api.get(
    "/cities/{code}",
    response={200: CityOut, 404: Message, 422: Invalid, 429: Message},
    url_name="public_api_city",
    operation_id="city",
    summary="一个城市的公示概况",
)
def city(request: HttpRequest, code: str = CITY_CODE) -> dict:
    return city_summary(_ledger(code))


@api.get(
    "/cities/{code}/projects",
    response={200: list[ProjectOut], 404: Message, 422: Invalid, 429: Message},
    url_name="public_api_projects",
    operation_id="projects",
    summary="公示的重点项目（分页，可搜索、筛选）",
)
@paginate(Pages, page_size=PAGE_SIZE)
def projects(
    request: HttpRequest, code: str = CITY_CODE, filters: ProjectFilters = FILTERS
) -> list[PublicProject]:
    return matching(_ledger(code).projects, Criteria(**filters.model_dump()))


@api.get(
    "/cities/{code}/projects/{project_id}",
    response={200: ProjectOut, 404: Message, 422: Invalid, 429: Message},
    url_name="public_api_project",
    operation_id="project",
    summary="一个公示的重点项目",
)
def project(
    request: HttpRequest,
    code: str = CITY_CODE,
    project_id: int = Path(..., description="项目编号，见项目的 id"),
) -> PublicProject:
    found = _ledger(code).project(project_id)
    if found is None:
        raise HttpError(404, "本市公示的重点项目中没有这个项目")
    return found
