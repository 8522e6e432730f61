"""`cramplog export {csv,json} -o PATH`: write the diary, or a period of it, for other programs."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cramplog import commands
from cramplog.core.translation import N_, _

if TYPE_CHECKING:
    from cramplog.diary.service import Diary

NAME = "export"
HELP = N_("export the diary as CSV (episodes.csv + nights.csv) or JSON")
DESCRIPTION = N_(
    "Export the diary. csv writes episodes.csv and nights.csv into the folder PATH (created if "
    "missing); json writes the whole diary to the file PATH. --from and --to limit the export "
    "to the nights of a period (YYYY-MM-DD, both included). Files are owner-only and written "
    "atomically; a symbolic link is written through to its target; a folder (for json), "
    "device, FIFO or socket is refused. -o - writes JSON, or the episodes table of the CSV "
    "export, to standard output."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=("csv", "json"), help=_("csv or json"))
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        required=True,
        help=_("folder (csv) or file (json); - for standard output (csv: the episodes table)"),
    )
    parser.add_argument(
        "--from", dest="first", metavar="DATE", type=commands.night, help=_("first night")
    )
    parser.add_argument(
        "--to", dest="last", metavar="DATE", type=commands.night, help=_("last night")
    )


def _to_stdout(diary: Diary, args: argparse.Namespace) -> None:
    """`-o -`: JSON, or the episodes table of the CSV export, on standard output (no BOM)."""
    import io
    import sys

    from cramplog import exchange
    from cramplog.core.errors import ExportError

    if sys.stdout is None:  # Python started with standard output closed
        raise ExportError(_("Standard output is closed, so nothing could be written."))
    # newline="" so the csv module's own line endings pass through unchanged.
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=True)
    try:
        if args.format == "csv":
            exchange.write_episodes_csv(diary, out, first_night=args.first, last_night=args.last)
        else:
            exchange.write_json(diary, out, first_night=args.first, last_night=args.last)
        out.flush()
    except BrokenPipeError:
        raise  # the reader left: answered quietly by the command line
    except OSError as exc:
        # Named as what it is (a full disk behind a redirection, say), not as the folder ".".
        raise ExportError(
            _("Standard output could not be written ({reason}).").format(reason=exc.strerror or exc)
        ) from exc
    finally:
        out.detach()  # standard output stays open for the rest of the process


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from cramplog import exchange
    from cramplog.core.errors import ExportError

    if not args.output.strip() or "\x00" in args.output:
        raise ExportError(_("Give a file or folder name after -o."))
    if args.first and args.last and args.first > args.last:
        raise ExportError(commands.reversed_period(args.first, args.last))
    data_dir = commands.data_dir(args)
    to_stdout = args.output == "-"
    target = Path(args.output).expanduser()
    refusal = _("There is no diary in {folder} to export.").format(folder=data_dir)
    written: tuple[Path, ...]
    with commands.open_diary(data_dir, if_missing=refusal) as diary:
        future = commands.future_night(args.first, args.last, diary.now().date())
        if future is not None:
            raise ExportError(f"{future} {_('Nothing was written.')}")
        if to_stdout:
            _to_stdout(diary, args)
            return 0
        if args.format == "csv":
            written = exchange.export_csv(
                diary, target, first_night=args.first, last_night=args.last
            )
        else:
            written = (
                exchange.export_json(diary, target, first_night=args.first, last_night=args.last),
            )
    for path in written:
        print(_("Wrote {path}").format(path=path))
    return 0
