"""Pages name a project after the unit it counts for, by the same rule as the dashboard."""

from types import SimpleNamespace

from guanmo.progress.templatetags.guanmo import with_county


def _project(county: str, name: str, *, is_city: bool) -> SimpleNamespace:
    return SimpleNamespace(county=SimpleNamespace(name=county), name=name, is_city_level=is_city)


def test_a_county_project_is_named_after_its_county_once() -> None:
    assert with_county(_project("温县", "太极文化产业园", is_city=False)) == "温县·太极文化产业园"
    assert (
        with_county(_project("温县", "温县太极文化产业园", is_city=False)) == "温县太极文化产业园"
    )


def test_a_city_level_project_reads_as_on_the_dashboard() -> None:
    assert with_county(_project("焦作市", "南水北调配套工程", is_city=True)) == (
        "市本级·南水北调配套工程"
    )
    assert with_county(_project("焦作市", "焦作市城市快速路", is_city=True)) == "焦作市城市快速路"
