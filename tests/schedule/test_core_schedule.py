"""The pure rules of a due time: what a typed time means, which times are refused, the zone
names an Indonesian official reads, quiet periods and the grace period."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from humasdesk.core.schedule import (
    QuietPeriod,
    ScheduleError,
    ScheduleProblem,
    check_due,
    format_local,
    grace_from_minutes,
    is_missed,
    parse_when,
    zone,
    zone_label,
)

NOW = datetime(2026, 12, 2, 1, 0, tzinfo=UTC)


def test_a_typed_time_is_read_in_its_zone():
    """07.00 WIB is 00.00 UTC; the same words in WITA are an hour earlier."""
    assert parse_when("2026-12-03 07:00", zone("WIB")) == datetime(2026, 12, 3, 0, 0, tzinfo=UTC)
    assert parse_when("2026-12-03 07.00", zone("Asia/Makassar")) == datetime(
        2026, 12, 2, 23, 0, tzinfo=UTC
    )
    assert parse_when("2026-12-03 07:00", zone("WIT")).hour == 22


def test_29_february_of_a_common_year_is_no_date():
    """2027 is not a leap year: the post must not silently move to 1 March."""
    with pytest.raises(ScheduleError) as err:
        parse_when("2027-02-29 09:00", zone("WIB"))
    assert err.value.problem is ScheduleProblem.NO_SUCH_DATE
    assert parse_when("2028-02-29 09:00", zone("WIB")).day == 29


@pytest.mark.parametrize(
    "text", ["besok pagi", "2026-12-03", "2026-12-03 25:00", "03-12-2026 07:00"]
)
def test_unreadable_times_are_refused(text):
    with pytest.raises(ScheduleError) as err:
        parse_when(text, zone("WIB"))
    assert err.value.problem is ScheduleProblem.BAD_FORMAT


def test_a_zone_that_does_not_exist_is_refused():
    with pytest.raises(ScheduleError) as err:
        zone("Asia/Bandung")
    assert err.value.problem is ScheduleProblem.UNKNOWN_ZONE


def test_past_and_far_future_are_refused():
    assert check_due(NOW - timedelta(minutes=5), NOW) is ScheduleProblem.IN_PAST
    assert check_due(NOW + timedelta(days=367), NOW) is ScheduleProblem.TOO_FAR
    assert check_due(NOW + timedelta(days=365), NOW) is None
    assert check_due(NOW, NOW) is None  # "now": the next pass sends it


def test_zone_names_are_the_ones_indonesians_use():
    when = datetime(2026, 12, 3, 0, 0, tzinfo=UTC)
    assert format_local(when, ZoneInfo("Asia/Jakarta")) == "2026-12-03 07:00 WIB"
    assert format_local(when, ZoneInfo("Asia/Makassar")) == "2026-12-03 08:00 WITA"
    assert format_local(when, ZoneInfo("Asia/Jayapura")) == "2026-12-03 09:00 WIT"
    assert zone_label(when.astimezone(ZoneInfo("Europe/Amsterdam"))) == "CET"
    assert zone_label(when) == "UTC"


def test_quiet_periods_cross_midnight():
    quiet = QuietPeriod.parse("22.00–05.00")
    assert quiet == QuietPeriod(time(22), time(5))
    wib = ZoneInfo("Asia/Jakarta")
    assert quiet.contains(datetime(2026, 12, 3, 23, 30, tzinfo=wib))
    assert quiet.contains(datetime(2026, 12, 3, 4, 59, tzinfo=wib))
    assert not quiet.contains(datetime(2026, 12, 3, 5, 0, tzinfo=wib))
    assert QuietPeriod.parse("") is None and QuietPeriod.parse("08:00-08:00") is None
    assert str(quiet) == "22.00–05.00"


def test_grace_is_at_least_one_minute():
    assert grace_from_minutes(0) == timedelta(minutes=1)
    assert grace_from_minutes("x") == timedelta(minutes=15)
    assert grace_from_minutes(30) == timedelta(minutes=30)
    due = NOW
    assert not is_missed(due, due + timedelta(minutes=15), timedelta(minutes=15))
    assert is_missed(due, due + timedelta(minutes=15, seconds=1), timedelta(minutes=15))
