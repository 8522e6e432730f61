"""A plain `cramplog stats` command line is read by hand exactly as argparse reads it; any
other is left to argparse, so its messages are the ones a person sees."""

from __future__ import annotations

from datetime import date

import pytest

from cramplog import cli
from cramplog.commands import plain_options, stats


def _by_argparse(argv: list[str]) -> dict[str, object]:
    return vars(cli.build_parser(only=argv[0]).parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["stats"],
        ["stats", "--json"],
        ["stats", "--json", "--json"],
        ["stats", "--data-dir", "/tmp/a diary"],
        ["stats", "--data-dir=/tmp/d=1", "--from=2025-06-02"],
        ["stats", "--from", "2025-06-02", "--to", "2025-06-08", "--data-dir", "d", "--json"],
        ["stats", "--to", " 2025-06-08 ", "--from", "1900-01-01"],  # spaces around a date
        ["stats", "--from", "2025-06-02", "--from", "2025-06-03"],  # the last one counts
        ["stats", "--data-dir", "a", "--data-dir", "b"],
        ["stats", "--data-dir", "stats"],
        ["stats", "--from", "2030-01-01"],  # in the future: refused by the command, not here
    ],
)
def test_a_plain_command_line_is_read_as_argparse_reads_it(argv: list[str]) -> None:
    by_hand = cli._plain_command_arguments(argv)
    assert by_hand is not None
    assert vars(by_hand) == _by_argparse(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["stats", "--help"],
        ["stats", "-h"],
        ["stats", "--js"],  # an abbreviation: argparse's to expand
        ["stats", "--fr", "2025-06-02"],
        ["stats", "--json=yes"],
        ["stats", "--from"],
        ["stats", "--from="],
        ["stats", "--data-dir", ""],
        ["stats", "--data-dir", "-x"],
        ["stats", "--data-dir", "--json"],
        ["stats", "--from", "2025-13-01"],
        ["stats", "--from", "20250601"],
        ["stats", "--from", "2025-W01-1"],
        ["stats", "--from", "٢٠٢٥-٠٦-٠٢"],  # digits, but not ASCII ones
        ["stats", "--to", "0001-01-27"],
        ["stats", "--from", "2025-06-02", "--from", "yesterday"],  # refused, though not last
        ["stats", "extra"],
        ["stats", "--"],
        ["stats", "--demo"],
        ["--data-dir", "d", "stats"],  # an option before the command
        ["check"],  # a command that reads its options with argparse alone
        ["stat"],
        [],
    ],
)
def test_anything_else_is_left_to_argparse(argv: list[str]) -> None:
    assert cli._plain_command_arguments(argv) is None


def test_a_refused_date_gets_argparse_s_own_line_and_exit_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["stats", "--from", "2025-06-31"])
    assert exited.value.code == cli.EXIT_USAGE
    assert capsys.readouterr().err == (
        "cramplog: argument --from: '2025-06-31' is not a date; write it as YYYY-MM-DD, "
        "e.g. 2026-03-11 (see cramplog --help)\n"
    )


def test_the_reader_keeps_the_last_value_and_sets_flags() -> None:
    valued: plain_options.Valued = {**stats.PLAIN_VALUED, "--data-dir": ("data_dir", str)}
    read = plain_options.read(
        ["--to=2025-06-08", "--json", "--to", "2025-06-09"], valued, stats.PLAIN_FLAGS
    )
    assert read == {"last": date(2025, 6, 9), "json": True}


def test_the_plain_lists_name_every_option_of_the_stats_parser_as_it_declares_it() -> None:
    # An option added to `add_arguments` but not to the plain lists is only left to argparse;
    # one listed with another destination or reading would be read differently by hand.
    import argparse

    from cramplog import commands

    parser = cli.build_parser(only="stats")
    (chosen,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    declared_valued: dict[str, object] = {}
    declared_flags: dict[str, str] = {}
    for action in chosen.choices["stats"]._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        (option,) = (o for o in action.option_strings if o.startswith("--"))
        if isinstance(action, argparse._StoreTrueAction):
            declared_flags[option] = action.dest
        else:
            # By hand a night is read by the function argparse's own wraps (its refusal
            # left to argparse, to say in its words).
            reading = {commands.night: commands.read_night}.get(action.type, action.type)
            declared_valued[option] = (action.dest, reading or str)
    assert declared_flags == dict(stats.PLAIN_FLAGS)
    assert declared_valued == {**stats.PLAIN_VALUED, "--data-dir": ("data_dir", str)}
