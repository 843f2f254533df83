"""The bounds on what people send (guanmo.bounds): text length, a date's horizon, pixels."""

from datetime import date
from io import BytesIO

from django import forms
from PIL import Image

from guanmo import bounds
from guanmo.commissioners.models import Visit


def test_text_up_to_the_limit_passes_and_one_more_character_is_named(settings):
    settings.GUANMO_TEXT_MAX_CHARS = 5
    assert bounds.text_fault("五个汉字啊", "存在问题") is None
    assert bounds.text_fault("六个汉字啊啊", "存在问题") == "「存在问题」不能超过5字，现为6字"


def test_a_model_forms_text_fields_get_the_limit_in_the_browser_too(settings):
    class VisitForm(forms.ModelForm):
        class Meta:
            model = Visit
            fields = ["seen", "visited_on"]
            formfield_callback = bounds.bounded_formfield

    form = VisitForm({"seen": "施" * 2001, "visited_on": "2025-04-09"})
    assert form.fields["seen"].widget.attrs["maxlength"] == "2000"
    assert not form.is_valid()
    assert form.errors["seen"] == ["「现场情况」不能超过2000字，现为2001字"]


def test_a_date_within_the_horizon_passes_and_one_day_later_is_refused(settings):
    settings.GUANMO_DEADLINE_HORIZON_DAYS = 1096
    start = date(2025, 5, 6)
    assert bounds.horizon_fault(date(2028, 5, 6), start, "办理时限") is None
    assert bounds.horizon_fault(date(2028, 5, 7), start, "办理时限") == (
        "「办理时限」不能晚于2028年5月6日（2025年5月6日起1096天以内）"
    )


def test_a_recorded_date_within_its_window_passes_and_a_day_outside_is_refused(settings):
    settings.GUANMO_DATE_PAST_DAYS = 366
    settings.GUANMO_DEADLINE_HORIZON_DAYS = 1096
    today = date(2025, 5, 6)
    assert bounds.window_fault(date(2024, 5, 5), today, "会议日期") is None
    assert bounds.window_fault(date(2024, 5, 4), today, "会议日期") == (
        "「会议日期」不能早于2024年5月5日（2025年5月6日前366天以内）"
    )
    assert bounds.window_fault(date(2028, 5, 7), today, "会议日期") == (
        "「会议日期」不能晚于2028年5月6日（2025年5月6日起1096天以内）"
    )


def png(size: tuple[int, int]) -> BytesIO:
    output = BytesIO()
    Image.new("1", size).save(output, "PNG")
    output.seek(0)
    return output


def test_pixels_are_counted_from_the_header_and_the_file_is_left_at_its_start(settings):
    settings.GUANMO_IMAGE_MAX_PIXELS = 100 * 100
    small, large = png((100, 100)), png((100, 101))
    assert bounds.pixels_fault(small, "a.png") is None and small.tell() == 0
    assert "「b.png」像素过多（100×101，约1万像素）" in bounds.pixels_fault(large, "b.png")
    assert large.tell() == 0


def test_a_picture_beyond_pillows_own_bomb_limit_is_refused_too(settings):
    settings.GUANMO_IMAGE_MAX_PIXELS = 60_000_000
    bomb = png((20000, 10000))  # 200 megapixels: Pillow itself refuses to open it
    assert bounds.pixels_fault(bomb, "c.png").startswith("「c.png」像素过多，")
