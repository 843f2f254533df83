"""Open data: the public list as CSV (Chinese headers) and JSON downloads, and the read-only API
(English keys, paged, cached, limited in rate per client address)."""

import csv
import io
import json
from datetime import date

from django.core.cache import cache
from django.urls import reverse

from guanmo.disclosure.records import COLUMNS
from guanmo.disclosure.schemas import ProjectOut
from guanmo.ledger.models import MonthlyProgress, Project
from guanmo.reporting.services import close_period, open_period
from tests.documents.injection import INJECTION
from tests.world import YEAR

CITY = "410800"


def csv_rows(response) -> list[list[str]]:
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")  # a byte-order mark, so that Excel reads UTF-8
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_the_csv_has_chinese_headers_and_the_published_columns_only(client, public_world):
    response = client.get(reverse("public_csv", args=[CITY]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header, *rows = csv_rows(response)
    assert header == [
        "编号",
        "所在县区",
        "县区代码",
        "项目名称",
        "重点项目级别",
        "建设性质",
        "产业类别",
        "建设规模及主要内容",
        "总投资（万元）",
        "年度计划投资（万元）",
        "累计完成投资（万元）",
        "完成率（%）",
        "进度数据月份",
        "建设单位",
        "责任单位",
        "驻工地专员",
        "建设地点",
        "经度",
        "纬度",
        "形象进度",
    ]
    first = dict(zip(header, rows[0], strict=True))
    assert first["项目名称"] == "武陟县智能装备产业园"
    assert (first["年度计划投资（万元）"], first["累计完成投资（万元）"]) == ("1200", "400")
    assert (first["完成率（%）"], first["进度数据月份"]) == ("33.3", "3月")
    assert first["重点项目级别"] == "市重点"
    assert len(rows) == 4


def test_downloads_follow_the_filters(client, public_world):
    url = reverse("public_csv", args=[CITY]) + "?county=410825"
    names = [row[3] for row in csv_rows(client.get(url))[1:]]
    assert names == ["温县太极文化产业园", "温县健康食品产业园"]
    body = client.get(reverse("public_json", args=[CITY]) + "?q=冷链").json()
    assert [project["name"] for project in body["projects"]] == ["武陟县冷链物流园"]


def test_the_json_download_names_its_month_and_fields(client, public_world):
    body = json.loads(client.get(reverse("public_json", args=[CITY])).content)
    assert body["city"] == {"code": CITY, "name": "焦作市"}
    assert (body["year"], body["month"], body["as_of"]) == (2025, 3, "数据截至2025年3月")
    assert body["fields"]["annual_plan"] == "年度计划投资（万元）"
    assert "problems" not in body["fields"]
    first = body["projects"][0]
    assert (first["annual_plan"], first["completed"], first["completion_rate"]) == (
        1200.0,
        400.0,
        33.3,
    )
    assert first["problems"] is None and first["commissioner_phone"] is None


def test_json_keys_and_csv_columns_are_the_same_fields():
    assert {column.key for column in COLUMNS} == set(ProjectOut.model_fields)


def test_the_api_lists_cities_with_the_month_of_their_figures(client, public_world):
    cities = client.get(reverse("public_api:public_api_cities")).json()
    assert cities == [
        {
            "code": CITY,
            "name": "焦作市",
            "year": 2025,
            "month": 3,
            "as_of": "数据截至2025年3月",
            "project_count": 4,
            "published_fields": [
                "id",
                "county",
                "county_code",
                "name",
                "levels",
                "stage",
                "industry",
                "scope",
                "total_investment",
                "annual_plan",
                "completed",
                "completion_rate",
                "month",
                "owner",
                "responsible_unit",
                "commissioner",
                "location",
                "longitude",
                "latitude",
                "visible_progress",
            ],
        }
    ]


def test_the_api_pages_and_filters_projects(client, public_world):
    url = reverse("public_api:public_api_projects", args=[CITY])
    first = client.get(url, {"page_size": 3}).json()
    assert first["count"] == 4 and len(first["items"]) == 3
    second = client.get(url, {"page_size": 3, "page": 2}).json()
    assert [item["name"] for item in second["items"]] == ["温县健康食品产业园"]
    assert client.get(url, {"page": 9}).json() == {"items": [], "count": 4}
    found = client.get(url, {"county": "410825", "stage": "续建", "q": "太极"}).json()
    assert [item["name"] for item in found["items"]] == ["温县太极文化产业园"]
    assert client.get(url, {"page_size": 101}).status_code == 422


def test_bad_parameters_are_explained_in_chinese(client, public_world):
    url = reverse("public_api:public_api_projects", args=[CITY])
    too_big = client.get(url, {"page_size": 101})
    assert too_big.status_code == 422
    assert [each["msg"] for each in too_big.json()["detail"]] == ["参数「page_size」应不大于100"]
    not_a_number = client.get(url, {"page": "二"}).json()["detail"]
    assert [each["msg"] for each in not_a_number] == ["参数「page」应为整数"]


def test_the_api_gives_one_project(client, public_world):
    project = public_world.projects["温县文旅"]
    body = client.get(reverse("public_api:public_api_project", args=[CITY, project.pk])).json()
    assert body["name"] == "温县太极文化产业园"
    assert (body["county"], body["county_code"], body["levels"]) == ("温县", "410825", ["市"])
    assert (body["completed"], body["completion_rate"], body["month"]) == (400.0, 40.0, 3)
    assert body["commissioner"] == "王专员"


def test_the_api_says_what_was_not_found_in_chinese(client, public_world):
    missing_city = client.get(reverse("public_api:public_api_projects", args=["999999"]))
    assert missing_city.status_code == 404
    assert missing_city.json() == {"detail": "没有区划代码为999999的城市"}
    missing = client.get(reverse("public_api:public_api_project", args=[CITY, 10**12]))
    assert missing.status_code == 404
    assert missing.json() == {"detail": "本市公示的重点项目中没有这个项目"}


def test_a_client_over_its_rate_gets_429_in_chinese(client, public_world, settings):
    settings.GUANMO_PUBLIC_API_RATE = "3/min"
    url = reverse("public_api:public_api_cities")
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get(url)
    assert refused.status_code == 429
    assert refused.json()["detail"].startswith("请求过于频繁，请")
    assert int(refused["Retry-After"]) > 0
    # Another address has its own allowance; a forged X-Forwarded-For is no other address
    # (with no proxy in front, the client is the connection's address).
    assert client.get(url, HTTP_X_FORWARDED_FOR="10.9.9.9").status_code == 429
    assert client.get(url, REMOTE_ADDR="10.0.0.7").status_code == 200


def test_the_public_ledger_is_cached_until_its_timeout(
    client, public_world, django_assert_num_queries
):
    url = reverse("public_api:public_api_projects", args=[CITY])
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url, {"county": "410823"}).status_code == 200
        assert client.get(reverse("public_projects", args=[CITY])).status_code == 200
    # A month closed meanwhile shows once the cached copy has expired, not before.
    MonthlyProgress.objects.create(
        project=public_world.projects["武陟装备"], year=YEAR, month=4, cumulative_completed=600
    )
    april = open_period(public_world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    close_period(april, user=public_world.users["city"])
    assert client.get(url).json()["items"][0]["month"] == 3
    cache.clear()
    assert client.get(url).json()["items"][0]["completed"] == 600.0


def test_the_csv_writes_formula_like_text_with_a_leading_apostrophe(client, public_world):
    Project.objects.filter(pk=public_world.projects["武陟装备"].pk).update(
        name=INJECTION, scope="+86 0391 热线"
    )
    header, *rows = csv_rows(client.get(reverse("public_csv", args=[CITY])))
    first = dict(zip(header, rows[0], strict=True))
    assert first["项目名称"] == f"'{INJECTION}"
    assert first["建设规模及主要内容"] == "'+86 0391 热线"
    assert first["所在县区"] == "武陟县"
