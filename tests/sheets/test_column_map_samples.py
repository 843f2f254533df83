"""The column map's sample of a yes/no column (一票否决) is said in Chinese: 否, not False
(issue 13, tryout 23)."""

from guanmo.sheets.column_map import _shown


def test_a_yes_no_sample_is_said_in_chinese():
    assert (_shown(False, unit=None), _shown(True, unit=None)) == ("否", "是")
