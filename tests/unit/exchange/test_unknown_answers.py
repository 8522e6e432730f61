"""Imports keep "not answered" apart from "no": in a spreadsheet, our CSV and both JSON versions."""

from __future__ import annotations

import json
from pathlib import Path

from cramplog import exchange
from cramplog.core.records import EpisodeInput
from cramplog.diary.service import Diary
from cramplog.exchange import json_format
from tests.conftest import NOW


def _imported(diary: Diary, path: Path) -> None:
    exchange.apply_import(diary, exchange.plan_import(diary, path), back_up=False)


def test_a_spreadsheet_without_a_woke_column_leaves_the_answer_unknown(
    diary: Diary, tmp_path: Path
) -> None:
    path = tmp_path / "cramps.csv"
    path.write_text(
        "Date,Time,Muscle,Woke\n2026-03-01,03:10,Calf,\n2026-03-02,03:10,Calf,no\n"
        "2026-03-03,03:10,Calf,yes\n"
    )
    _imported(diary, path)
    woke = [e.woke_from_sleep for e in diary.list_episodes()]
    assert woke == [None, False, True]
    # No trigger column: nobody was asked about causes.
    assert not any(e.triggers_asked or e.reliefs_asked for e in diary.list_episodes())


def test_our_own_csv_and_json_carry_unknown_across_a_round_trip(
    diary: Diary, tmp_path: Path
) -> None:
    diary.add_episode(EpisodeInput(start=NOW.replace(hour=3), muscle="muscle.calf", to_review=True))
    diary.add_episode(
        EpisodeInput(
            start=NOW.replace(hour=4),
            muscle="muscle.foot",
            woke_from_sleep=False,
            triggers_asked=True,
            reliefs_asked=True,
        )
    )
    before = [(e.woke_from_sleep, e.triggers_asked) for e in diary.list_episodes()]
    assert before == [(None, False), (False, True)]
    episodes_csv, _nights_csv = exchange.export_csv(diary, tmp_path / "csv")
    json_path = exchange.export_json(diary, tmp_path / "diary.json")
    for source in (episodes_csv, json_path):
        other = Diary.open(tmp_path / f"other-{source.suffix}", clock=lambda: NOW)
        try:
            _imported(other, source)
            after = [(e.woke_from_sleep, e.triggers_asked) for e in other.list_episodes()]
            assert after == before, source.name
        finally:
            other.close()


def test_a_version_1_export_has_the_answers_the_app_invented_made_unknown(
    diary: Diary, tmp_path: Path
) -> None:
    def episode(uuid: str, hour: int, **fields: object) -> dict[str, object]:
        return {
            "uuid": uuid,
            "start_local": f"2026-03-01T0{hour}:10:00",
            "utc_offset_min": 0,
            "muscle": "muscle.calf",
            "woke_from_sleep": False,
            "created_utc": "2026-03-01T08:00:00Z",
            "updated_utc": "2026-03-01T08:00:00Z",
            **fields,
        }

    document = {
        "format": json_format.FORMAT,
        "version": 1,
        "episodes": [
            # Quick-logged, still to review: version 1 wrote "false" for a question never asked.
            episode("11111111-2222-4333-8444-555555555551", 2, to_review=True),
            # Typed in the form with an activity: that "false" was an answer.
            episode("11111111-2222-4333-8444-555555555552", 3, activity="activity.walking"),
        ],
    }
    path = tmp_path / "old.json"
    path.write_text(json.dumps(document))
    _imported(diary, path)
    quick, typed = diary.list_episodes()
    assert (quick.woke_from_sleep, quick.triggers_asked) == (None, False)
    assert (typed.woke_from_sleep, typed.triggers_asked, typed.reliefs_asked) == (False, True, True)
