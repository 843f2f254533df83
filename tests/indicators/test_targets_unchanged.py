"""import-targets run again with the same figures says its targets are 无变化, not 更新
(tryout 26 item 11: 「更新4个年度目标，无变化0个」 when no figure changed)."""

from guanmo.indicators.models import TargetChange
from guanmo.indicators.target_import import import_targets
from tests.sheets.files import Drawn, to_xlsx


def _sheet(wenxian: int) -> bytes:
    return to_xlsx(
        Drawn(
            [
                ["2025年目标"],
                ["县（市、区）", "固定资产投资目标（亿元）", "脱贫人口（万人）"],
                ["温县", wenxian, 2],
                ["武陟县", 60, 3],
            ],
            name="目标",
        )
    )


def test_targets_given_again_as_they_are_are_unchanged(city, tmp_path):
    path = tmp_path / "目标.xlsx"
    path.write_bytes(_sheet(50))
    first = import_targets(path, city=city, year=2025)
    assert (first.created, first.updated, first.unchanged) == (4, 0, 0)

    again = import_targets(path, city=city, year=2025)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert "新增0个年度目标，更新0个年度目标，无变化4个年度目标" in again.lines()
    assert not TargetChange.objects.filter(old_value__gt="").exists()

    path.write_bytes(_sheet(55))
    changed = import_targets(path, city=city, year=2025)
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 3)
