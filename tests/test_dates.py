"""Dates: publication lines and event dates resolved against publication, with tense."""

import datetime as dt

import pytest

from dashboard.pipeline.dates import parse_date_line, resolve_date

SUNDAY = dt.date(2021, 11, 14)
THURSDAY = dt.date(2022, 1, 20)


@pytest.mark.parametrize(
    "line,expected",
    [
        pytest.param("November 14 2021, 6.12am", dt.date(2021, 11, 14), id="PA style"),
        pytest.param("Thursday 20 January 2022 23:00 GMT", dt.date(2022, 1, 20), id="Independent style"),
        pytest.param("Mon 15 Nov 2021 18.10 GMT", dt.date(2021, 11, 15), id="Guardian style"),
        pytest.param("Published: 11 November 2021", dt.date(2021, 11, 11), id="published prefix"),
        pytest.param("2021-12-08", dt.date(2021, 12, 8), id="ISO"),
        pytest.param("Nov. 16, 2021", dt.date(2021, 11, 16), id="AP style"),
        pytest.param("November 14, 2021 10:49 AM GMT Updated 2 years ago", dt.date(2021, 11, 14), id="Reuters style"),
        pytest.param("14.11.2021 | 18:05", dt.date(2021, 11, 14), id="European numeric"),
        pytest.param("6:45 pm on 3 March 2025", dt.date(2025, 3, 3), id="a time, then 'on' and the date"),
        pytest.param("Mar 3, 2025 08:15 AM PST", dt.date(2025, 3, 3), id="a time zone beyond Europe's (PST, IST, KST …)"),
        pytest.param("9 June 2025, 14:30 KST", dt.date(2025, 6, 9), id="Seoul time after the date"),
        pytest.param("3rd Monday, March 2025 - 08:10 UTC", dt.date(2025, 3, 3), id="ordinal day before its weekday, then month and year"),
        pytest.param("3rd Monday of March 2025", None, id="but not 'the third Monday of' a month"),
        pytest.param("Poland said on November 14 2021 that it would act.", None, id="a sentence is no date line"),
        pytest.param("February 30 2021", None, id="impossible date"),
    ],
)
def test_publication_date_lines(line, expected):
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    "sentence,published,tense,expected,precision",
    [
        pytest.param("The MoD said on Thursday a team was deployed.", SUNDAY, "past", dt.date(2021, 11, 11), "day", id="past weekday"),
        pytest.param("Mr Biden on Thursday said he was clear.", THURSDAY, "past", THURSDAY, "day", id="weekday is publication day"),
        pytest.param("On Friday, Ms Truss will say the Kremlin erred.", THURSDAY, "future", dt.date(2022, 1, 21), "day", id="future weekday"),
        pytest.param("Earlier this week, Moscow sent bombers.", SUNDAY, "past", dt.date(2021, 11, 8), "week", id="earlier this week"),
        pytest.param("Later today, I will be meeting Kuleba.", SUNDAY, "future", SUNDAY, "day", id="later today"),
        pytest.param("Last month the talks failed.", SUNDAY, "past", dt.date(2021, 10, 1), "month", id="last month"),
        pytest.param("Just a day earlier Sefcovic told MEPs.", THURSDAY, "past", dt.date(2022, 1, 19), "day", id="a day earlier"),
        pytest.param("The drills began on 10 November.", SUNDAY, "past", dt.date(2021, 11, 10), "day", id="explicit day month"),
        pytest.param("The summit was held on December 20.", dt.date(2022, 1, 5), "past", dt.date(2021, 12, 20), "day", id="month before publication year"),
        pytest.param("Troops massed near the border.", SUNDAY, "past", SUNDAY, "day", id="fallback to publication"),
        pytest.param("Troops massed near the border.", None, "past", None, "unknown", id="no date at all"),
    ],
)
def test_event_dates(sentence, published, tense, expected, precision):
    got = resolve_date(sentence, published, tense)
    assert (got.date, got.precision) == (expected, precision)
    states_no_date = sentence == "Troops massed near the border."
    assert got.is_fallback == states_no_date
