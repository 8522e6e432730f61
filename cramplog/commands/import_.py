"""`cramplog import FILE`: add a cramplog export or a spreadsheet of cramps to the diary."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cramplog.exchange import ImportOptions, ImportPlan
    from cramplog.exchange.csv_format.rows import Row

from cramplog import commands
from cramplog.core.translation import N_, _
from cramplog.core.wording import count, number

NAME = "import"
HELP = N_("import a cramplog export or a spreadsheet (CSV, .xlsx, .ods) of cramps (try --dry-run)")
DESCRIPTION = N_(
    "Import FILE: a cramplog JSON export, its episodes.csv or nights.csv, or a spreadsheet kept "
    "by hand: an .xlsx or .ods workbook (the first sheet unless --sheet), or a CSV (comma, "
    "semicolon or tab; UTF-8, UTF-16 or Windows-1252; columns such as Date, Time, Muscle, Side, "
    "Duration (min), Intensity, Notes), or a Flaredown or Bearable CSV export. A file is known "
    "by its content, not its name. Records already in the diary are not added twice. If "
    "any row is invalid nothing is imported, unless --skip-invalid. A verified backup is made "
    "first, and everything is stored in one transaction."
)

_EPILOG = N_(
    "fields for --column: date, time, start, muscle, side, duration, intensity, woke, notes, "
    "triggers, reliefs, relief_outcome, activity, hydration, symptoms"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = _(_EPILOG)
    parser.add_argument(
        "file", metavar="FILE", help=_("the .json, .csv, .xlsx or .ods file to import")
    )
    parser.add_argument(
        "--dry-run", action="store_true", help=_("show what would be imported; change nothing")
    )
    parser.add_argument(
        "--replace",
        action="store_true",
        help=_("empty the diary's entries first instead of merging (a backup is made first)"),
    )
    parser.add_argument(
        "--skip-invalid", action="store_true", help=_("import the valid rows and skip the others")
    )
    order = parser.add_mutually_exclusive_group()
    order.add_argument(
        "--day-first", dest="day_first", action="store_const", const=True, help=_("dates are 31/12")
    )
    order.add_argument(
        "--month-first",
        dest="day_first",
        action="store_const",
        const=False,
        help=_("dates are 12/31"),
    )
    span = parser.add_argument_group(
        _("logged nights"),
        _(
            "A file that lists cramps only says nothing of the nights between them. "
            "By default every night from its first to its last cramp counts as "
            "recorded (cramp-free where nothing was logged), as if you logged every "
            "cramp over those nights."
        ),
    )
    span.add_argument(
        "--no-logging-span",
        dest="logging_span",
        action="store_false",
        help=_("the file may have missed cramps: leave its nights unrecorded"),
    )
    span.add_argument(
        "--logged-from",
        type=commands.night,
        metavar="DATE",
        help=_("you logged every cramp from this night on (on or before the first cramp)"),
    )
    span.add_argument(
        "--logged-to",
        type=commands.night,
        metavar="DATE",
        help=_("... up to this night (on or after the last cramp, not after last night)"),
    )
    parser.add_argument(
        "--sheet",
        metavar="NAME",
        help=_("the sheet of an .xlsx or .ods workbook to read, by name or number (default: 1)"),
    )
    parser.add_argument(
        "--column",
        metavar="HEADER=FIELD",
        action="append",
        default=[],
        help=_("read the column HEADER as FIELD (or as `ignore`); repeatable"),
    )
    parser.add_argument(
        "--new-words",
        action="store_true",
        help=_(
            "add the spreadsheet's words that match nothing (muscles, triggers, "
            "relief methods) as words of your own; the dry run lists them"
        ),
    )


def _columns(pairs: list[str], header: list[str], rows: list[Row]) -> dict[int, str | None]:
    from cramplog.core.checklist import load_checklist
    from cramplog.core.errors import ImportFileError
    from cramplog.exchange import csv_format
    from cramplog.exchange.csv_format.spreadsheet_columns import column_values, guess_by_values

    checklist = load_checklist()

    def match(kind: str, text: str) -> str | None:
        item = checklist.match(kind, text)
        return None if item is None else item.code

    # The columns as the import would read them unasked (headers, then values), then the
    # person's choices on top.
    samples = [column_values(rows, i) for i in range(len(header))]
    guessed = csv_format.choose_columns(header, None, guess_by_values(samples, match))[0]
    chosen: dict[int, str | None] = {choice.index: choice.field for choice in guessed}
    folded = [h.strip().casefold() for h in header]
    for pair in pairs:
        name, sep, field = pair.rpartition("=")
        if not sep or not name.strip():
            raise ImportFileError(
                _("--column {pair!r}: write it as HEADER=FIELD.").format(pair=pair)
            )
        field = field.strip().lower()
        if field not in (*csv_format.SPREADSHEET_FIELDS, "ignore"):
            raise ImportFileError(
                _(
                    "--column {pair!r}: {field!r} is not a field ({spreadsheet_fields} or ignore)."
                ).format(
                    pair=pair,
                    field=field,
                    spreadsheet_fields=", ".join(csv_format.SPREADSHEET_FIELDS),
                )
            )
        if name.strip().casefold() not in folded:
            raise ImportFileError(
                _("--column {pair!r}: the file has no column {name!r}.").format(
                    pair=pair, name=name.strip()
                )
            )
        index = folded.index(name.strip().casefold())
        chosen = {i: (None if f == field else f) for i, f in chosen.items()}
        chosen[index] = None if field == "ignore" else field
    return chosen


def _dry_run_without_a_diary(path: Path, options: ImportOptions, *, skip_invalid: bool) -> int:
    """A dry run where no diary exists yet: checked against an empty one that is thrown away.

    The same checks as a real import into a new diary, and the folder named is left as it
    was: a dry run never creates a diary.
    """
    import tempfile

    from cramplog import exchange

    with (
        tempfile.TemporaryDirectory(prefix="cramplog-dry-run-") as scratch,
        commands.checked(Path(scratch)) as diary,
    ):
        plan = exchange.plan_import(diary, path, options)
    return _report_dry_run(plan, skip_invalid=skip_invalid, new_words=options.new_words)


def _print_plan(plan: ImportPlan, *, new_words: bool) -> None:
    """The summary, the spreadsheet's columns and special rows, then each row error."""
    from cramplog.exchange import dry_run

    print(plan.summary())
    for line in dry_run.spreadsheet_lines(plan.batch, new_words_agreed=new_words):
        print(line)
    for error in plan.errors:
        print(f"  {error}")
    if plan.batch.errors_left_off:
        print(_("  and {more} more").format(more=number(plan.batch.errors_left_off)))


def _report_dry_run(plan: ImportPlan, *, skip_invalid: bool, new_words: bool) -> int:
    import sys

    from cramplog import exchange
    from cramplog.core.errors import ImportRejectedError

    _print_plan(plan, new_words=new_words)
    if plan.questions:
        hints = []
        if exchange.Question.DATE_ORDER in plan.questions:
            hints.append(_("--day-first or --month-first"))
        if exchange.Question.COLUMNS in plan.questions:
            hints.append("--column HEADER=FIELD")
        if exchange.Question.NEW_WORDS in plan.questions:
            hints.append(_("--new-words (or change those cells)"))
        raise ImportRejectedError(
            _("nothing was imported; run again with {options}.").format(
                options=_(" and ").join(hints)
            )
        )
    if plan.errors and not skip_invalid:
        said = count(
            plan.error_count,
            "{n} invalid row; an import would add nothing (use --skip-invalid to skip them).",
            "{n} invalid rows; an import would add nothing (use --skip-invalid to skip them).",
        )
        print(f"cramplog: {said}", file=sys.stderr)
        return 1
    print(_("Dry run: nothing was changed."))
    return 0


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from cramplog import exchange
    from cramplog.core.errors import ImportRejectedError
    from cramplog.diary import integrity
    from cramplog.exchange import importer, tables

    if not args.logging_span and (args.logged_from or args.logged_to):
        # Checked before anything is opened: a contradiction in the command changes nothing.
        raise ImportRejectedError(_(importer.CONTRADICTORY_SPAN))
    path = Path(args.file).expanduser()
    data_dir = commands.data_dir(args)
    columns = None
    if args.column:
        raw = importer.read_source(path)
        table = tables.read_table(raw, sheet=args.sheet)
        columns = _columns(args.column, table.header, table.rows)
    options = exchange.ImportOptions(
        day_first=args.day_first,
        columns=columns,
        sheet=args.sheet,
        logging_span=args.logging_span,
        logged_from=args.logged_from,
        logged_to=args.logged_to,
        new_words=args.new_words,
    )
    if args.dry_run and integrity.examine(data_dir).condition is integrity.Condition.MISSING:
        return _dry_run_without_a_diary(path, options, skip_invalid=args.skip_invalid)
    with commands.open_diary(data_dir) as diary:
        plan = exchange.plan_import(diary, path, options)
        if args.dry_run or plan.questions:
            # A question is refused the same way in both: which options to add.
            return _report_dry_run(plan, skip_invalid=args.skip_invalid, new_words=args.new_words)
        _print_plan(plan, new_words=args.new_words)
        if plan.errors and not args.skip_invalid:
            raise ImportRejectedError(
                count(
                    plan.error_count,
                    "{n} invalid row, so nothing was imported (fix it, or use --skip-invalid).",
                    "{n} invalid rows, so nothing was imported (fix them, or use --skip-invalid).",
                )
            )
        result = exchange.apply_import(
            diary, plan, replace=args.replace, skip_invalid=args.skip_invalid
        )
    print(result.summary())
    return 0
