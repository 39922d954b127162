"""Numbers and times as people read them: percentages, durations, a run's local time."""

import pytest

from mnist_core.text.formats import clock, percent, when


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0:00"), (7.4, "0:07"), (65, "1:05"), (3725, "1:02:05"), (-3, "0:00")]
)
def test_clock(seconds, text):
    assert clock(seconds) == text


def test_percent():
    assert percent(0.9804) == "98.04%"
    assert percent(0.87, 0) == "87%"


def test_when_uses_the_viewers_time_zone_when_known():
    assert when("2026-11-28T00:52:00+00:00", "Asia/Seoul") == "2026-11-28 09:52"
    assert when("2026-11-28T00:52:00+00:00", None) == "2026-11-28 00:52 UTC"
    assert when("2026-11-28T00:52:00+00:00", "Not/AZone") == "2026-11-28 00:52 UTC"
