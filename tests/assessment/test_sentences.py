"""The bulletin's sentences in the speeches' words (tryout 13: "下降幅度达到1位")."""

from guanmo.assessment.sentences import LARGE_MOVE, fall_sentence


def test_a_small_fall_is_said_plainly_and_达到_only_for_a_large_one():
    assert fall_sentence("温县", 1, 2) == "温县从第1位退位到第2位，下降1位。"
    assert fall_sentence("乙县", 1, 4) == "乙县从第1位退位到第4位，下降3位。"
    assert fall_sentence("某区", 54, 97) == "某区从第54位退位到第97位，下降幅度达到43位。"
    assert "达到" in fall_sentence("某区", 1, 1 + LARGE_MOVE)
    assert "达到" not in fall_sentence("某区", 1, LARGE_MOVE)
