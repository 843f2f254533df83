"""The bulletin's sentences in the speeches' words (tryout 13: "下降幅度达到1位")."""

from dataclasses import replace

from guanmo.assessment.outcome import compute
from guanmo.assessment.sentences import LARGE_MOVE, fall_sentence, rank_change_sentences
from tests.assessment.test_objections import DEFINITION, INPUTS


def test_a_small_fall_is_said_plainly_and_达到_only_for_a_large_one():
    assert fall_sentence("温县", 1, 2) == "温县从第1位退位到第2位，下降1位。"
    assert fall_sentence("乙县", 1, 4) == "乙县从第1位退位到第4位，下降3位。"
    assert fall_sentence("某区", 54, 97) == "某区从第54位退位到第97位，下降幅度达到43位。"
    assert "达到" in fall_sentence("某区", 1, 1 + LARGE_MOVE)
    assert "达到" not in fall_sentence("某区", 1, LARGE_MOVE)


def test_a_rank_moved_into_a_tie_is_said_tied():
    """Tryout 30: the bulletin said 温县由第9位进位到第6位 for a unit now 并列第6."""
    values = {**INPUTS.values, "乙县": dict(INPUTS.values["甲县"])}  # 甲县 and 乙县 并列第2
    previous = {"甲县": 3, "乙县": 4, "丙县": 1, "丁县": 2}
    outcome = compute(DEFINITION, replace(INPUTS, values=values, previous=previous), runs=0)
    said = rank_change_sentences(outcome)
    assert "乙县由第4位进位到第2位（并列），前移2个位次。" in said
    assert "甲县由第3位进位到第2位（并列），前移1个位次。" in said
    assert "丁县从第2位退位到第4位，下降2位。" in said
    assert fall_sentence("温县", 1, 2, tied=True) == "温县从第1位退位到第2位（并列），下降1位。"
