"""GB/T 4754—2017 as shipped: its 20 sections and 97 divisions, and how a 行业 cell finds one."""

import pytest

from guanmo.attraction.industries import find_industry, industries, section_of


def test_the_standard_has_twenty_sections_and_ninety_seven_divisions():
    sections = [each for each in industries().values() if each.is_section]
    divisions = [each for each in industries().values() if not each.is_section]

    assert [each.code for each in sections] == list("ABCDEFGHIJKLMNOPQRST")
    assert [each.code for each in divisions] == [f"{n:02d}" for n in range(1, 98)]
    assert section_of("39").name == "制造业"
    assert section_of("65").label == "I 信息传输、软件和信息技术服务业"
    assert industries()["39"].label == "C39 计算机、通信和其他电子设备制造业"


@pytest.mark.parametrize(
    "typed",
    [
        "C39",
        "39",
        "c39",
        "3911",
        "计算机、通信和其他电子设备制造业",
        "C39 计算机、通信和其他电子设备制造业",
        "39-计算机、通信和其他电子设备制造业",
    ],
)
def test_a_division_is_found_by_its_code_or_name(typed):
    assert find_industry(typed).code == "39"


def test_a_section_is_found_by_its_letter_or_name():
    assert find_industry("C").name == "制造业"
    assert find_industry("制造业").code == "C"


@pytest.mark.parametrize("typed", ["电子信息", "D39", "99", "C39 医药制造业", ""])
def test_words_of_no_section_or_division_find_nothing(typed):
    assert find_industry(typed) is None
