"""Moments in the export files: the same text strftime wrote, for any moment."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cramplog.exchange import moments

MOMENTS = [
    datetime(2026, 3, 10, 2, 10),
    datetime(2026, 3, 29, 1, 59, 59, 999_999),  # microseconds are never written
    datetime(1970, 1, 1),
    datetime(1000, 1, 1, 0, 0, 1),
    datetime(999, 12, 31, 23, 59, 59),  # strftime writes the year unpadded
    datetime(5, 6, 7, 8, 9, 10),
    datetime(9999, 12, 31, 23, 59, 59),
    datetime(2026, 7, 1, 9, 30, tzinfo=UTC),  # an aware moment: no offset is written
    datetime(2026, 7, 1, 9, 30, 5, 7, tzinfo=UTC) + timedelta(hours=1),
]


@pytest.mark.parametrize("moment", MOMENTS, ids=str)
def test_each_moment_reads_as_strftime_wrote_it(moment: datetime) -> None:
    assert moments.local(moment) == moment.strftime("%Y-%m-%d %H:%M:%S")
    assert moments.local_t(moment) == moment.strftime("%Y-%m-%dT%H:%M:%S")
    assert moments.utc(moment) == moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_a_night_cramp_reads_as_a_person_wrote_it() -> None:
    assert moments.local(datetime(2026, 3, 10, 2, 10)) == "2026-03-10 02:10:00"
    assert moments.utc(datetime(2026, 3, 10, 2, 10)) == "2026-03-10T02:10:00Z"
