"""Recurrence, next occurrences, time zones and the reader's date format."""

import datetime
from zoneinfo import ZoneInfo

from kim_cms.datetimes import format_day, format_month, format_occurrence, format_time
from kim_cms.schedule import EventSchedule

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")


def at(*args, tz=WIB):
    return datetime.datetime(*args, tzinfo=tz)


def festival(**kwargs):
    values = {
        "start_date": datetime.date(2024, 5, 20),
        "start_time": datetime.time(8, 0),
        "end_date": datetime.date(2024, 5, 24),
        "end_time": datetime.time(22, 0),
        "recurrence": "yearly",
    }
    values.update(kwargs)
    return EventSchedule(**values)


def test_single_event_next_occurrence_until_it_ends():
    schedule = EventSchedule(
        start_date=datetime.date(2026, 1, 5),
        start_time=datetime.time(19, 0),
        end_time=datetime.time(22, 0),
    )
    assert schedule.next_occurrence(at(2026, 1, 1)).start == at(2026, 1, 5, 19)
    # still on: shown as the current occurrence
    assert schedule.next_occurrence(at(2026, 1, 5, 21)) is not None
    assert schedule.next_occurrence(at(2026, 1, 5, 22)) is None
    assert schedule.last_occurrence().start == at(2026, 1, 5, 19)


def test_event_without_end_time_lasts_until_the_end_of_its_day():
    schedule = EventSchedule(
        start_date=datetime.date(2026, 1, 5), start_time=datetime.time(19, 0)
    )
    first = schedule.first
    assert first.end is None
    assert schedule.next_occurrence(at(2026, 1, 5, 23, 59)) == first
    assert schedule.next_occurrence(at(2026, 1, 6, 0, 0)) is None


def test_yearly_event_next_occurrence_is_this_years_or_next_years():
    schedule = festival()
    assert schedule.next_occurrence(at(2026, 3, 1)).start == at(2026, 5, 20, 8)
    # during this year's festival: this year's occurrence
    assert schedule.next_occurrence(at(2026, 5, 22, 12)).start_date == (
        datetime.date(2026, 5, 20)
    )
    # after it: next year's
    occurrence = schedule.next_occurrence(at(2026, 6, 1))
    assert occurrence.start == at(2027, 5, 20, 8)
    assert occurrence.end == at(2027, 5, 24, 22)


def test_yearly_event_before_its_first_year_starts_with_the_first():
    assert festival().next_occurrence(at(2020, 1, 1)).start_date.year == 2024


def test_yearly_event_until_year():
    schedule = festival(until_year=2026)
    assert schedule.next_occurrence(at(2026, 1, 1)).start_date.year == 2026
    assert schedule.next_occurrence(at(2026, 6, 1)) is None
    assert schedule.last_occurrence().start_date == datetime.date(2026, 5, 20)
    assert festival().last_occurrence() is None


def test_yearly_event_on_29_february_repeats_in_leap_years():
    schedule = EventSchedule(
        start_date=datetime.date(2024, 2, 29), all_day=True, recurrence="yearly"
    )
    assert schedule.next_occurrence(at(2024, 3, 1)).start_date == (
        datetime.date(2028, 2, 29)
    )


def test_yearly_event_spanning_new_year():
    schedule = EventSchedule(
        start_date=datetime.date(2025, 12, 31),
        end_date=datetime.date(2026, 1, 1),
        all_day=True,
        recurrence="yearly",
    )
    occurrence = schedule.next_occurrence(at(2027, 1, 1, 10))
    assert occurrence.start_date == datetime.date(2026, 12, 31)
    january = schedule.occurrences_between(
        datetime.date(2027, 1, 1), datetime.date(2027, 1, 31)
    )
    assert [o.start_date for o in january] == [datetime.date(2026, 12, 31)]


def test_wita_event_is_one_hour_ahead_of_wib():
    schedule = EventSchedule(
        start_date=datetime.date(2026, 3, 14),
        start_time=datetime.time(19, 0),
        time_zone="Asia/Makassar",
    )
    start = schedule.first.start
    assert start.isoformat() == "2026-03-14T19:00:00+08:00"
    assert start == at(2026, 3, 14, 18, tz=WIB)
    assert schedule.first.zone_abbreviation == "WITA"
    # over at midnight WITA, which is 23.00 WIB
    assert schedule.next_occurrence(at(2026, 3, 14, 22, 59, tz=WIB)) is not None
    assert schedule.next_occurrence(at(2026, 3, 14, 23, 0, tz=WIB)) is None


def test_all_day_event_runs_from_midnight_to_midnight_in_its_zone():
    schedule = EventSchedule(
        start_date=datetime.date(2026, 8, 17),
        end_date=datetime.date(2026, 8, 18),
        all_day=True,
        time_zone="Asia/Jayapura",
    )
    first = schedule.first
    assert first.start.isoformat() == "2026-08-17T00:00:00+09:00"
    assert first.end.isoformat() == "2026-08-19T00:00:00+09:00"


def test_month_boundaries():
    schedule = EventSchedule(
        start_date=datetime.date(2026, 12, 30),
        end_date=datetime.date(2027, 1, 2),
        all_day=True,
    )
    december = schedule.occurrences_between(
        datetime.date(2026, 12, 1), datetime.date(2026, 12, 31)
    )
    january = schedule.occurrences_between(
        datetime.date(2027, 1, 1), datetime.date(2027, 1, 31)
    )
    february = schedule.occurrences_between(
        datetime.date(2027, 2, 1), datetime.date(2027, 2, 28)
    )
    assert len(december) == len(january) == 1
    assert february == []


# Dates in the reader's language ------------------------------------------


def test_format_in_indonesian_and_english():
    occurrence = EventSchedule(
        start_date=datetime.date(2026, 1, 5), start_time=datetime.time(19, 0)
    ).first
    assert format_occurrence(occurrence, "id") == "Senin, 5 Januari 2026, 19.00 WIB"
    assert format_occurrence(occurrence, "en") == "Monday, 5 January 2026, 7:00 PM WIB"


def test_format_times():
    assert format_time(datetime.time(0, 5), "en") == "12:05 AM"
    assert format_time(datetime.time(12, 0), "en") == "12:00 PM"
    assert format_time(datetime.time(7, 30), "id") == "07.30"
    assert format_day(datetime.date(2026, 8, 17), "id") == "Senin, 17 Agustus 2026"
    assert format_month(2026, 12, "id") == "Desember 2026"
    assert format_month(2026, 12, "en") == "December 2026"


def test_format_ranges_and_zones():
    same_day = EventSchedule(
        start_date=datetime.date(2026, 3, 14),
        start_time=datetime.time(19, 0),
        end_time=datetime.time(22, 30),
        time_zone="Asia/Makassar",
    ).first
    assert format_occurrence(same_day, "id") == (
        "Sabtu, 14 Maret 2026, 19.00 – 22.30 WITA"
    )
    assert format_occurrence(same_day, "en") == (
        "Saturday, 14 March 2026, 7:00 PM – 10:30 PM WITA"
    )
    overnight = EventSchedule(
        start_date=datetime.date(2026, 1, 5),
        start_time=datetime.time(20, 0),
        end_date=datetime.date(2026, 1, 6),
        end_time=datetime.time(2, 0),
        time_zone="Asia/Jayapura",
    ).first
    assert format_occurrence(overnight, "id") == (
        "Senin, 5 Januari 2026, 20.00 WIT – Selasa, 6 Januari 2026, 02.00 WIT"
    )
    all_days = EventSchedule(
        start_date=datetime.date(2026, 5, 1),
        end_date=datetime.date(2026, 5, 3),
        all_day=True,
    ).first
    assert format_occurrence(all_days, "en") == (
        "Friday, 1 May 2026 – Sunday, 3 May 2026"
    )
