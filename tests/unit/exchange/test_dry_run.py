"""A hand-kept spreadsheet: every column named in the dry run, and what each becomes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cramplog import exchange
from cramplog.core.errors import ImportRejectedError
from cramplog.core.records import Episode, Hydration, ReliefRating, Side
from cramplog.diary.service import Diary
from cramplog.exchange import dry_run
from cramplog.exchange.batch import Question
from cramplog.exchange.csv_format import spreadsheet_columns

HAND_KEPT = (
    "Date,Time,Muscle,What helped,Triggers,Doing before,Thirsty?,Did it help,Weather\n"
    "2026-03-01,02:10,L calf,stretching; walked it off,dehydrated,asleep,yes,a little,rain\n"
    "2026-03-02,03:30,Calf,massage,coffee / stress,standing,no,helped,sun\n"
    "2026-03-03,04:00,Foot,,,,,,\n"
)


def sheet(tmp_path: Path, text: str, name: str = "sheet.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def by_day(diary: Diary) -> dict[date, Episode]:
    return {e.start_local.date(): e for e in diary.list_episodes()}


def test_a_hand_kept_sheet_brings_its_reliefs_triggers_activity_and_thirst(
    diary: Diary, tmp_path: Path
) -> None:
    plan = exchange.plan_import(diary, sheet(tmp_path, HAND_KEPT))
    assert plan.errors == [] and not plan.questions
    lines = dry_run.spreadsheet_lines(plan.batch, new_words_agreed=False)
    assert "  “What helped” → Relief methods (“stretching; walked it off”, “massage”)" in lines
    assert "  “Triggers” → Triggers (“dehydrated”, “coffee / stress”)" in lines
    assert "  “Doing before” → Activity (“asleep”, “standing”)" in lines
    assert "  “Thirsty?” → Hydration (“yes”, “no”)" in lines
    assert "  “Did it help” → How well the relief helped (“a little”, “helped”)" in lines
    # Nothing dropped without a word: the column nobody can map is named as ignored.
    assert "  “Weather” → ignored (“rain”, “sun”)" in lines
    assert len([line for line in lines if "→" in line]) == 9

    exchange.apply_import(diary, plan)
    first, second, third = (by_day(diary)[date(2026, 3, d)] for d in (1, 2, 3))
    assert first.side is Side.LEFT and first.muscle == "muscle.calf"
    assert dict(first.reliefs) == {
        "relief.stretch": ReliefRating.A_LITTLE,
        "relief.gentle_movement": ReliefRating.A_LITTLE,
    }
    assert first.triggers == ("trigger.dehydration",)
    assert (first.activity, first.hydration) == ("activity.asleep", Hydration.THIRSTY)
    assert second.reliefs == (("relief.massage", ReliefRating.HELPED),)
    assert set(second.triggers) == {"trigger.caffeine", "trigger.stress_anxiety"}
    # "No" to "Thirsty?" is an answer: not thirsty. Empty cells stay unknown.
    assert second.hydration is Hydration.NORMAL
    assert (third.reliefs, third.triggers, third.hydration, third.activity) == ((), (), None, None)
    assert not third.triggers_asked and not third.reliefs_asked


def test_a_column_with_no_known_header_is_read_by_its_words(diary: Diary, tmp_path: Path) -> None:
    text = (
        "Date,Time,Muscle,Col4\n"
        "2026-03-01,02:10,Calf,stretching; walked it off\n"
        "2026-03-02,02:10,Calf,massage\n"
    )
    plan = exchange.plan_import(diary, sheet(tmp_path, text))
    assert [c.field for c in plan.batch.columns] == ["date", "time", "muscle", "reliefs"]


def test_column_on_the_command_line_reads_what_helped_as_reliefs(
    diary: Diary, tmp_path: Path
) -> None:
    text = "Date,Time,Muscle,Remedy tried\n2026-03-01,02:10,Calf,heat\n"
    plan = exchange.plan_import(
        diary,
        sheet(tmp_path, text),
        exchange.ImportOptions(columns={0: "date", 1: "time", 2: "muscle", 3: "reliefs"}),
    )
    exchange.apply_import(diary, plan)
    (episode,) = diary.list_episodes()
    assert episode.reliefs == (("relief.heat", None),)


def test_rows_with_a_date_only_are_placed_by_the_one_rule_and_counted(
    diary: Diary, tmp_path: Path
) -> None:
    text = "Date,Time,Muscle\n2026-03-04,,Calf\n2026-03-05,evening,Calf\n2026-03-06,02:10,Calf\n"
    plan = exchange.plan_import(diary, sheet(tmp_path, text))
    assert plan.errors == [] and plan.batch.time_not_noted == 2
    assert any(
        "2 rows give a date but no time" in line
        for line in dry_run.spreadsheet_lines(plan.batch, new_words_agreed=False)
    )
    exchange.apply_import(diary, plan)
    listed = {(e.clock_text, diary.night_of(e)) for e in diary.list_episodes()}
    assert listed == {
        ("time not noted", date(2026, 3, 3)),  # noted on the 4th: the night before
        ("time not noted", date(2026, 3, 5)),  # the evening of the 5th: that night
        ("02:10", date(2026, 3, 5)),
    }


def test_everyday_words_for_muscles_intensity_and_duration(diary: Diary, tmp_path: Path) -> None:
    text = (
        "Date,Time,Muscle,Intensity,Duration\n"
        "2026-03-01,02:10,calves (both),mild,1h 05m\n"
        "2026-03-02,02:10,R calf,Moderate,01h 00m\n"
        '2026-03-03,02:10,lower leg,severe,"1,5"\n'
    )
    plan = exchange.plan_import(diary, sheet(tmp_path, text))
    assert plan.errors == [] and not plan.questions
    exchange.apply_import(diary, plan)
    got = [(e.muscle, e.side, e.intensity, e.duration_s) for e in diary.list_episodes()]
    assert got == [
        ("muscle.calf", Side.BOTH, 2, 3900),
        ("muscle.calf", Side.RIGHT, 5, 3600),
        ("muscle.calf", Side.NOT_APPLICABLE, 8, 90),
    ]


def test_one_repeat_and_one_date_only_row_are_told_in_the_singular(
    diary: Diary, tmp_path: Path
) -> None:
    text = "Date,Time,Muscle\n2026-03-01,,Calf\n2026-03-01,,Calf\n"
    lines = "\n".join(
        dry_run.reading_lines(exchange.plan_import(diary, sheet(tmp_path, text)).batch)
    )
    assert "1 row gives a date but no time" in lines
    assert "1 row repeats an earlier row and would be imported once: line 3 (as line 2)." in lines


def test_thousands_of_repeats_are_listed_by_the_first_dozen(diary: Diary, tmp_path: Path) -> None:
    text = "Date,Time,Muscle,Side\n" + "2026-03-01,02:10,Calf,left\n" * 2000
    (line,) = [
        line
        for line in dry_run.reading_lines(exchange.plan_import(diary, sheet(tmp_path, text)).batch)
        if "repeat" in line
    ]
    assert line.startswith("1,999 rows repeat an earlier row and would be imported once: line 3")
    assert line.endswith("line 14 (as line 2) and 1,987 more.")


def test_a_number_with_two_readings_is_refused_with_both(diary: Diary, tmp_path: Path) -> None:
    text = 'Date,Time,Muscle,Duration (s)\n2026-03-01,02:10,Calf,"1,500"\n'
    plan = exchange.plan_import(diary, sheet(tmp_path, text))
    (error,) = plan.errors
    assert (
        str(error)
        == "line 2: “1,500” could mean 1500 or 1.5 (a decimal comma); write it as 1500 or 1.5."
    )


def test_five_copies_of_one_row_import_once_and_are_named(diary: Diary, tmp_path: Path) -> None:
    text = "Date,Time,Muscle,Side\n" + "2026-03-01,02:10,Calf,left\n" * 5
    plan = exchange.plan_import(diary, sheet(tmp_path, text))
    assert plan.new_episodes == 1
    assert plan.batch.duplicates == [(3, 2), (4, 2), (5, 2), (6, 2)]
    lines = dry_run.spreadsheet_lines(plan.batch, new_words_agreed=False)
    assert "4 rows repeat an earlier row and would be imported once: line 3 (as line 2)," in (
        "\n".join(lines)
    )
    exchange.apply_import(diary, plan)
    assert diary.count_episodes() == 1


def test_two_date_only_cramps_of_one_calf_on_one_day_are_both_kept_when_they_differ(
    diary: Diary, tmp_path: Path
) -> None:
    text = (
        "Date,Muscle,Notes\n2026-03-01,Calf,first\n2026-03-01,Calf,second\n2026-03-01,Calf,second\n"
    )
    plan = exchange.plan_import(diary, sheet(tmp_path, text))
    assert plan.new_episodes == 2 and plan.batch.duplicates == [(4, 3)]


def test_unknown_words_are_offered_never_lost_and_created_only_when_agreed(
    diary: Diary, tmp_path: Path
) -> None:
    text = (
        "Date,Time,Muscle,Triggers,What helped,Symptoms,Doing before\n"
        "2026-03-01,02:10,Leg,long drive; coffee,pickle juice,numb; fizzing,knitting\n"
        "2026-03-02,02:10,shin,,,,\n"
    )
    path = sheet(tmp_path, text)
    plan = exchange.plan_import(diary, path)
    assert plan.batch.new_words == {
        "muscle": ["Leg", "shin"],
        "trigger": ["long drive"],
        "relief": ["pickle juice"],
    }
    assert Question.NEW_WORDS in plan.questions and "“Leg”" in plan.questions[Question.NEW_WORDS]
    with pytest.raises(ImportRejectedError):
        exchange.apply_import(diary, plan)
    assert diary.count_episodes() == 0 and diary.custom_items() == []

    agreed = exchange.plan_import(diary, path, exchange.ImportOptions(new_words=True))
    assert not agreed.questions and agreed.new_words == 4
    exchange.apply_import(diary, agreed)
    assert sorted(w.label for w in diary.custom_items()) == [
        "Leg",
        "long drive",
        "pickle juice",
        "shin",
    ]
    leg = next(e for e in diary.list_episodes() if e.start_local.day == 1)
    assert diary.label(leg.muscle) == "Leg"
    assert [diary.label(code) for code in leg.triggers] == ["long drive", "Caffeine"]
    # Symptoms and activities take no words of one's own: kept in the notes, and said so.
    assert leg.symptoms == ("symptom.numbness",)
    assert leg.activity == "activity.other"
    assert leg.notes == "Activity: knitting\nSymptoms: fizzing"
    lines = dry_run.spreadsheet_lines(agreed.batch, new_words_agreed=True)
    assert "Muscles would be added as words of your own: “Leg”, “shin”." in lines
    assert "Symptoms the checklist lacks, kept in the notes: “fizzing”." in lines
    # Importing again adds neither the cramps nor the words twice.
    again = exchange.plan_import(diary, path, exchange.ImportOptions(new_words=True))
    assert again.new_episodes == 0 and not again.batch.new_words


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("x" * 5000, "too long"),
        ("\x07bell", "control"),
    ],
)
def test_hostile_words_are_a_row_error_and_change_nothing(
    diary: Diary, tmp_path: Path, cell: str, message: str
) -> None:
    text = (
        f'Date,Time,Muscle,Triggers\n2026-03-01,02:10,Calf,"{cell}"\n2026-03-02,02:10,Calf,heat\n'
    )
    plan = exchange.plan_import(
        diary, sheet(tmp_path, text), exchange.ImportOptions(new_words=True)
    )
    (error,) = plan.errors
    assert error.line == 2 and message in str(error).lower()
    assert len(str(error)) < 200
    with pytest.raises(ImportRejectedError):
        exchange.apply_import(diary, plan)
    assert diary.count_episodes() == 0 and diary.custom_items() == []


def test_a_formula_looking_word_is_kept_as_plain_text(diary: Diary, tmp_path: Path) -> None:
    text = "Date,Time,Muscle,Triggers\n2026-03-01,02:10,Calf,=1+2\n"
    plan = exchange.plan_import(
        diary, sheet(tmp_path, text), exchange.ImportOptions(new_words=True)
    )
    exchange.apply_import(diary, plan)
    (word,) = diary.custom_items()
    assert word.label == "=1+2"


def test_a_huge_sheet_of_unknown_words_lists_a_dozen_and_counts_the_rest(
    diary: Diary, tmp_path: Path
) -> None:
    rows = "".join(
        f"2026-03-01,{h:02d}:{m:02d},Calf,word{h}-{m}\n" for h in range(3) for m in range(60)
    )
    plan = exchange.plan_import(diary, sheet(tmp_path, "Date,Time,Muscle,Triggers\n" + rows))
    assert len(plan.batch.new_words["trigger"]) == 180
    (line,) = [
        x
        for x in dry_run.spreadsheet_lines(plan.batch, new_words_agreed=False)
        if "Triggers would" in x
    ]
    assert line.endswith("and 168 more.")


def test_a_relief_rated_in_brackets_keeps_its_own_rating(diary: Diary, tmp_path: Path) -> None:
    text = 'Date,Time,Muscle,What helped\n2026-03-01,02:10,Calf,"Massage (helped); Heat (no)"\n'
    exchange.apply_import(diary, exchange.plan_import(diary, sheet(tmp_path, text)))
    (episode,) = diary.list_episodes()
    assert dict(episode.reliefs) == {
        "relief.massage": ReliefRating.HELPED,
        "relief.heat": ReliefRating.NOT_HELPED,
    }


def test_columns_of_sides_and_pain_words_are_read_as_such_whatever_their_header(
    diary: Diary, tmp_path: Path
) -> None:
    text = (
        "Date,Time,Muscle,Which,How bad was it,Stress\n"
        "2026-03-01,02:10,Calf,L,mild,low\n"
        "2026-03-02,02:10,Calf,both,severe,high\n"
    )
    plan = exchange.plan_import(diary, sheet(tmp_path, text))
    fields = [c.field for c in plan.batch.columns]
    # "low"/"high" could rate anything: that column is named as ignored, not guessed.
    assert fields == ["date", "time", "muscle", "side", "intensity", None]
    exchange.apply_import(diary, plan)
    assert [(e.side, e.intensity) for e in diary.list_episodes()] == [
        (Side.LEFT, 2),
        (Side.BOTH, 8),
    ]


def test_one_date_only_row_and_one_repeat_are_worded_in_the_singular(
    diary: Diary, tmp_path: Path
) -> None:
    text = "Date,Time,Muscle\n2026-03-04,,Calf\n2026-03-06,02:10,Calf\n2026-03-06,02:10,Calf\n"
    plan = exchange.plan_import(diary, sheet(tmp_path, text))
    lines = "\n".join(dry_run.spreadsheet_lines(plan.batch, new_words_agreed=False))
    assert "1 row gives a date but no time" in lines
    assert "1 row repeats an earlier row and would be imported once: line 4 (as line 3)." in lines


def test_dotted_dates_read_day_first_and_the_dry_run_says_so(diary: Diary, tmp_path: Path) -> None:
    # What Excel writes as CSV in much of Europe: Windows-1252, semicolons, decimal commas
    # and dotted dates, every one of them readable either way round.
    text = "Date;Time;Muscle;Duration (min);Notes\r\n06.03.2026;02:10;Calf;1,5;Müller\r\n"
    path = tmp_path / "europe.csv"
    path.write_bytes(text.encode("cp1252"))
    plan = exchange.plan_import(diary, path)
    assert plan.errors == [] and not plan.questions
    summary = plan.summary()
    assert "Read as Windows-1252" in summary
    assert "Dates written with dots (“06.03.2026”) are read day first" in summary
    exchange.apply_import(diary, plan)
    (episode,) = diary.list_episodes()
    assert (episode.start_local.date(), episode.duration_s) == (date(2026, 3, 6), 90)
    assert episode.notes == "Müller"


def test_slashed_dates_that_read_either_way_are_still_asked(diary: Diary, tmp_path: Path) -> None:
    text = "Date,Time,Muscle\n06.11.2026,02:10,Calf\n07/11/2026,02:10,Calf\n"
    plan = exchange.plan_import(diary, sheet(tmp_path, text))
    assert Question.DATE_ORDER in plan.questions


def test_a_date_column_whose_cells_carry_a_time_gives_both(diary: Diary, tmp_path: Path) -> None:
    # A workbook's date-and-time cells arrive as "2026-03-03 23:45:00" under a Date header.
    text = (
        "Date,Time,Muscle\n"
        "2026-03-03 23:45:00,,Calf\n"
        "2026-03-04 00:00:00,02:10,Foot\n"
        "25/02/2026 01:30,,Thigh\n"
    )
    plan = exchange.plan_import(diary, sheet(tmp_path, text))
    assert plan.errors == []
    exchange.apply_import(diary, plan)
    starts = sorted((e.start_local.isoformat(), e.time_noted) for e in diary.list_episodes())
    assert starts == [
        ("2026-02-25T01:30:00", True),
        ("2026-03-03T23:45:00", True),
        ("2026-03-04T02:10:00", True),
    ]


def test_control_characters_are_never_echoed_by_the_dry_run(diary: Diary, tmp_path: Path) -> None:
    # An escape sequence would recolour the person's terminal; a right-to-left override would
    # turn the line around. The stored note keeps what the file holds (it is plain text).
    text = "Date,Time,Muscle,No\x1btes\n2026-03-01,02:10,Calf,\x1b[31mred\x07 \u202eevil\n"
    plan = exchange.plan_import(diary, sheet(tmp_path, text))
    lines = "\n".join(dry_run.spreadsheet_lines(plan.batch, new_words_agreed=False))
    assert "\x1b" not in lines and "\x07" not in lines and "\u202e" not in lines
    assert "“No�tes” → ignored (“�[31mred� �evil”)" in lines


def test_one_night_is_named_once(diary: Diary, tmp_path: Path) -> None:
    plan = exchange.plan_import(diary, sheet(tmp_path, "Date,Time,Muscle\n2026-03-01,02:10,Calf\n"))
    assert "so the night of Sat 28 Feb 2026 would count as recorded" in plan.summary()


def test_a_huge_list_like_note_is_sampled_not_split_whole(
    diary: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Five million "y," items once took the dry run 17 s to weigh as a possible list column.
    calls: list[int] = []
    original = spreadsheet_columns.split_items

    def counting(cell: str) -> list[str]:
        calls.append(len(cell))
        return original(cell)

    monkeypatch.setattr(spreadsheet_columns, "split_items", counting)
    text = 'Date,Time,Muscle,Notes\n2026-03-01,02:10,Calf,"' + "y," * 500_000 + '"\n'
    plan = exchange.plan_import(diary, sheet(tmp_path, text))
    assert plan.errors == [] and plan.new_episodes == 1
    assert calls and max(calls) <= 500
