"""Investors' sources: the groups by their plans' areas, provinces, and sources abroad."""

from guanmo.attraction.origins import abroad_country, groups_of, province_of


def test_groups_follow_the_areas_their_plans_name():
    assert groups_of("110105") == ["京津冀"]  # 北京市朝阳区
    assert groups_of("130638") == ["京津冀", "雄安"]  # 雄县
    assert groups_of("330100") == ["长三角"]  # 杭州市
    assert groups_of("340100") == ["长三角"]  # 合肥市
    assert groups_of("440300") == ["珠三角"]  # 深圳市
    assert groups_of("440500") == []  # 汕头市 is in 广东 but not 珠三角
    assert groups_of("410800") == []


def test_a_source_counts_for_its_province():
    assert province_of("130638").name == "河北省"
    assert province_of("110000").name == "北京市"
    assert province_of("999999") is None


def test_a_source_abroad_is_a_known_country_or_written_after_境外():
    assert abroad_country("日本") == "日本"
    assert abroad_country("境外：新加坡") == "新加坡"
    assert abroad_country("境外（智利）") == "智利"
    assert abroad_country("境外") == ""
    assert abroad_country("杭州") is None
