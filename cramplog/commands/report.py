"""`cramplog report -o FILE.pdf`: write the GP summary as a PDF, with no window and no display."""

from __future__ import annotations

import argparse

from cramplog import commands
from cramplog.core import conventions, units
from cramplog.core.translation import N_, _, n_

NAME = "report"
HELP = N_("write the one-page GP summary (with its appendix) as a PDF")
DESCRIPTION = N_(
    "Write the GP summary of a period as a PDF: page one for the doctor (warning signs, "
    "headline numbers against the period before, charts, muscles, what helped, possible "
    "triggers, medicines), then every cramp of the period. --from and --to are nights "
    "(YYYY-MM-DD, both included); without them the last 3 months up to last night. Works "
    "without a display; the file is written atomically and is owner-only."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", metavar="FILE.pdf", required=True, help=_("the PDF file to write")
    )
    parser.add_argument(
        "--from", dest="first", metavar="DATE", type=commands.night, help=_("first night")
    )
    parser.add_argument(
        "--to", dest="last", metavar="DATE", type=commands.night, help=_("last night")
    )
    parser.add_argument("--name", metavar="NAME", help=_("your name, for the header (optional)"))
    parser.add_argument(
        "--paper",
        choices=("auto", "a4", "letter"),
        default="auto",
        help=_("paper size (default: A4, or Letter where the locale uses US units)"),
    )
    parser.add_argument(
        "--fluids",
        choices=tuple(units.FluidUnit),
        help=_(
            "the unit fluids are shown in (default: US fl oz where the locale uses US units, "
            "else litres)"
        ),
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from cramplog.analysis import report, stats
    from cramplog.core.errors import ExportError

    if not args.output.strip() or "\x00" in args.output:
        raise ExportError(_("Give a file name after -o, e.g. -o summary.pdf."))
    if args.output == "-":
        raise ExportError(
            _("A PDF is not written to standard output; give a file name, e.g. -o summary.pdf.")
        )
    if args.first and args.last and args.first > args.last:
        raise ExportError(commands.reversed_period(args.first, args.last))
    name = None if args.name is None else " ".join(args.name.split())
    if name is not None and len(name) > report.MOST_NAME:
        # 5,000 characters filled page one, pushing the doctor's figures off it.
        raise ExportError(
            _("--name is {n} characters long; give at most {most}. Nothing was written.").format(
                n=f"{len(name):,}", most=report.MOST_NAME
            )
        )
    if name is not None and any("\ud800" <= char <= "\udfff" for char in name):
        # Bytes the terminal's encoding does not read: they would print as "�".
        raise ExportError(
            _("--name is not readable text in this terminal's encoding. Nothing was written.")
        )
    if args.fluids is not None:
        conventions.choose_fluid_unit(units.FluidUnit(args.fluids))
    data_dir = commands.data_dir(args)
    target = Path(args.output).expanduser()
    refusal = _("There is no diary in {folder} to summarise.").format(folder=data_dir)
    with commands.open_diary(data_dir, if_missing=refusal) as diary:
        from cramplog.render import report_document

        # Kept referenced until the end: painting needs the application alive.
        application = report_document.headless_application()
        last_night = diary.last_night()
        unended = commands.unended_night(args.first, args.last, last_night)
        if unended is not None:
            raise ExportError(unended)
        last = args.last or last_night
        period = (
            stats.Period(args.first, last, _("Chosen period"))
            if args.first is not None
            else stats.default_period(last)
        )
        summary = report.build_report(diary, period=period, comparison=period.previous(), name=name)
        written = report_document.write_pdf(
            summary, target, page_size=report_document.page_size_named(args.paper)
        )
    del application
    cramps = len(summary.appendix)
    print(
        n_(
            "Wrote {path} — {period}, {n} cramp.", "Wrote {path} — {period}, {n} cramps.", cramps
        ).format(path=written, period=report.format_period(period), n=cramps)
    )
    return 0
