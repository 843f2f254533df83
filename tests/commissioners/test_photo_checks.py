"""The photo checks as plain functions: time, position and project location → flags."""

from datetime import datetime

from guanmo.commissioners.checks import PhotoFacts, Position, distance_km, photo_flags

PROJECT = Position(35.05, 113.4)
APRIL_9 = datetime(2025, 4, 9, 10, 30)


def labels(facts: PhotoFacts, project: Position | None = PROJECT) -> list[str]:
    return [flag.label for flag in photo_flags(facts, year=2025, month=4, project=project)]


def test_a_photo_taken_in_the_month_near_the_project_has_no_flags():
    assert labels(PhotoFacts(True, APRIL_9, Position(35.06, 113.4))) == []


def test_a_photo_taken_in_another_month_is_flagged():
    march_31 = datetime(2025, 3, 31, 23, 59)
    assert labels(PhotoFacts(True, march_31, Position(35.05, 113.4))) == ["拍摄时间不在本月"]
    last_year = datetime(2024, 4, 9)
    assert labels(PhotoFacts(True, last_year, Position(35.05, 113.4))) == ["拍摄时间不在本月"]


def test_a_photo_more_than_2_km_away_is_flagged_with_its_distance():
    assert labels(PhotoFacts(True, APRIL_9, Position(35.0806, 113.4))) == [
        "距项目超过2公里（3.4公里）"
    ]


def test_the_2_km_rule_is_applied_to_the_distance_as_shown():
    just_over = Position(35.05 + 0.01803, 113.4)  # 2.0049 km, shown 2.0
    assert distance_km(just_over, PROJECT) == 2
    assert labels(PhotoFacts(True, APRIL_9, just_over)) == []
    over = Position(35.05 + 0.0185, 113.4)  # 2.057 km, shown 2.1
    assert labels(PhotoFacts(True, APRIL_9, over)) == ["距项目超过2公里（2.1公里）"]


def test_distance_is_the_great_circle_also_east_west():
    # At 35° N a degree of longitude is 111.195 × cos 35° = 91.1 km.
    assert distance_km(Position(35.05, 114.4), PROJECT) == 91


def test_a_photo_without_position_is_flagged():
    assert labels(PhotoFacts(True, APRIL_9, None)) == ["无位置信息"]


def test_a_photo_without_exif_is_flagged_once():
    assert labels(PhotoFacts(has_exif=False)) == ["无拍摄信息"]


def test_a_photo_with_exif_but_no_time_says_so():
    assert labels(PhotoFacts(True, None, Position(35.05, 113.4))) == ["无拍摄时间"]


def test_every_shortfall_is_listed():
    far_and_late = PhotoFacts(True, datetime(2025, 5, 1), Position(35.0806, 113.4))
    assert labels(far_and_late) == ["拍摄时间不在本月", "距项目超过2公里（3.4公里）"]


def test_a_project_without_coordinates_cannot_be_checked_for_distance():
    facts = PhotoFacts(True, APRIL_9, Position(35.0806, 113.4))
    assert labels(facts, project=None) == ["项目无坐标，未核对距离"]
