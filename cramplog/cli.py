"""The command line: opens the app, or runs a subcommand on the diary without any window."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from cramplog import __version__
from cramplog.core import conventions, translation
from cramplog.core.errors import CramplogError
from cramplog.core.translation import _

if TYPE_CHECKING:
    import argparse

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2
EXIT_BUG = 70  # EX_SOFTWARE: an internal error, not the person's input
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a reader that left early


def _parser_class() -> type[argparse.ArgumentParser]:
    """argparse's parser, but a usage error is one clear line on stderr, not a wall of usage
    text. Made when a parser is built: a plain `cramplog stats` never loads argparse."""
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> None:  # type: ignore[override]
            text = _("{message} (see cramplog --help)").format(message=message)
            self.exit(EXIT_USAGE, f"cramplog: {text}\n")

    return Parser


def _add_data_dir(parser: argparse.ArgumentParser, *, command: bool = False) -> None:
    import argparse

    # A command's own --data-dir must not reset one given before the command
    # (`cramplog --data-dir X import F`): argparse would write the subparser's default None
    # over it, and the command would open the person's everyday diary instead of X.
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS if command else None,
        help=_("the folder holding diary.sqlite3 (default: your user data folder)"),
    )


def build_parser(*, with_commands: bool = True, only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `only` (a command's name), that command's parser alone
    below the top one: what the arguments of that command need, and all they can show."""
    parser_class = _parser_class()
    parser = parser_class(
        prog="cramplog",
        description=_(
            "A private diary for muscle cramps and spasms. With no command, opens the app."
        ),
        epilog=_("Everything stays on this computer; cramplog never uses the network."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"cramplog {__version__}",
        help=_("show the version and exit"),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_("open a freshly generated sample diary (kept apart from your own diary)"),
    )
    _add_data_dir(parser)
    launcher = parser.add_mutually_exclusive_group()
    launcher.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help=_(
            "add cramplog to your desktop's application menu (launcher, icon and AppStream "
            "metainfo in your own XDG data folder), starting this cramplog"
        ),
    )
    launcher.add_argument(
        "--remove-desktop-entry",
        action="store_true",
        help=_("take cramplog out of your desktop's application menu again"),
    )
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    from cramplog.commands import COMMAND_MODULES, command_module

    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=parser_class)
    chosen = None if only is None else command_module(only)
    for name in COMMAND_MODULES if chosen is None else (chosen,):
        module: Any = importlib.import_module(f"cramplog.commands.{name}")
        sub = commands.add_parser(
            module.NAME,
            help=_(module.HELP),
            description=_(getattr(module, "DESCRIPTION", module.HELP)),
        )
        _add_data_dir(sub, command=True)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def _fail(message: str, code: int = EXIT_PROBLEM) -> int:
    print(f"cramplog: {message}", file=sys.stderr)
    return code


def _desktop_entry(args: argparse.Namespace | SimpleNamespace) -> int:
    """Install or remove the launcher; one line says what was done."""
    from cramplog.files import desktop_entry
    from cramplog.files.paths import resolve_data_dir

    if sys.platform in ("darwin", "win32"):
        return _fail(_("the desktop entry is for Linux and other freedesktop.org desktops."))
    target = desktop_entry.LauncherFiles(desktop_entry.data_home())
    if args.remove_desktop_entry:
        removed = desktop_entry.remove(target)
        if not removed:
            print(
                _("No cramplog launcher was installed in {folder}; nothing to remove.").format(
                    folder=target.data_home
                )
            )
        else:
            print(_("Removed {paths}.").format(paths=", ".join(str(path) for path in removed)))
        return EXIT_OK
    command = desktop_entry.running_command()
    if args.data_dir is not None:
        # The launcher opens the diary this command was told about, not the default one.
        command += ["--data-dir", str(resolve_data_dir(args.data_dir))]
    desktop_entry.install(target, command)
    print(
        _(
            "Installed the launcher {desktop}, its icon {icon} and its metainfo {metainfo}. "
            "It starts: {command}"
        ).format(
            desktop=target.desktop,
            icon=target.icon,
            metainfo=target.metainfo,
            command=" ".join(command),
        )
    )
    return EXIT_OK


def command_named(argv: Sequence[str]) -> str | None:
    """The command the arguments begin with (`stats` of `cramplog stats ...`), or None.

    Only that command's parser is then built: its usage, help and errors are the same as
    among all of them (argparse words a command's parser by the command alone), and the
    others' modules and parsers (about 5 ms of a `cramplog stats`) are not made. Anything
    else (an option first, a typo, --help) gets the whole parser.
    """
    from cramplog.commands import command_module

    if not argv or command_module(argv[0]) is None:
        return None
    return argv[0]


def _opens_the_app(argv: Sequence[str]) -> bool:
    """Whether the arguments can only mean "open the app": options alone, no command, no help.

    Building the subcommands' parsers costs ~18 ms, a tenth of a start-up; the window
    should not wait for parsers it will not use.
    """
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token == "--data-dir" and rest:
            rest.pop(0)
        elif token != "--demo" and not token.startswith("--data-dir="):
            return False  # anything else (help, a command, a typo) goes to the full parser
    return True


# The options before any command, as argparse leaves them when none of them is given.
_TOP_DEFAULTS: dict[str, object] = {
    "demo": False,
    "data_dir": None,
    "install_desktop_entry": False,
    "remove_desktop_entry": False,
}


def _app_arguments(argv: Sequence[str]) -> SimpleNamespace | None:
    """The app's options read without argparse, or None if argparse must read them.

    Only `--demo`, `--data-dir DIR` and `--data-dir=DIR`, as `_opens_the_app` accepts them,
    and a DIR not starting with "-" (argparse would take that for an option): what argparse
    makes of these is plain, and the window is not kept waiting for it (a few milliseconds).
    """
    if not _opens_the_app(argv):
        return None
    args = SimpleNamespace(**_TOP_DEFAULTS, command=None)
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token == "--demo":
            args.demo = True
            continue
        value = rest.pop(0) if token == "--data-dir" else token.partition("=")[2]
        if token == "--data-dir" and value.startswith("-"):
            return None
        args.data_dir = value  # the last one given counts, as with argparse
    return args


def _plain_command_arguments(argv: Sequence[str]) -> SimpleNamespace | None:
    """A command's arguments read without argparse, or None if argparse must read them.

    For a command whose module lists its options for it (`PLAIN_VALUED`, `PLAIN_FLAGS`:
    `stats`, run often and briefly), given with its own options alone, spelled in full
    (`commands.plain_options`); the namespace is the one argparse makes of them.
    """
    name = command_named(argv)
    if name is None:
        return None
    from cramplog.commands import command_module, plain_options

    module: Any = importlib.import_module(f"cramplog.commands.{command_module(name)}")
    valued = getattr(module, "PLAIN_VALUED", None)
    if valued is None:
        return None
    flags = module.PLAIN_FLAGS
    given = plain_options.read(argv[1:], {**valued, "--data-dir": ("data_dir", str)}, flags)
    if given is None:
        return None
    # argparse's defaults: the top parser's, then the command's (its --data-dir has none,
    # so one given before the command would stand); then what was given.
    args = SimpleNamespace(**_TOP_DEFAULTS, command=module.NAME, run=module.run)
    for destination, _convert in valued.values():
        setattr(args, destination, None)
    for destination in flags.values():
        setattr(args, destination, False)
    for destination, value in given.items():
        setattr(args, destination, value)
    return args


def main(argv: Sequence[str]) -> int:
    # Messages in the environment's language where a catalogue is shipped.
    translation.install(translation.find(translation.languages(os.environ)))
    args: argparse.Namespace | SimpleNamespace | None = _app_arguments(argv)
    if args is None:
        # Dates and numbers by the environment's locale (the app replaces this with Qt's;
        # opening it straight away, it is not worth looking up).
        conventions.use(conventions.from_environment())
        args = _plain_command_arguments(argv)
    if args is None:
        parser = build_parser(with_commands=not _opens_the_app(argv), only=command_named(argv))
        args = parser.parse_args(list(argv))
    launcher = args.install_desktop_entry or args.remove_desktop_entry
    if launcher and (args.command is not None or args.demo):
        return _fail(
            _(
                "--install-desktop-entry and --remove-desktop-entry go alone, without a "
                "command or --demo."
            ),
            EXIT_USAGE,
        )
    try:
        if launcher:
            return _desktop_entry(args)
        if args.command is not None:
            code: int = args.run(args)
            # Written out here, where a reader that left early is answered (below), and not
            # left to the exit: a brief command's process ends without one (`__main__`).
            if sys.stdout is not None:  # None when Python was started with stdout closed
                sys.stdout.flush()
            return code
        from cramplog.files.paths import resolve_data_dir
        from cramplog.ui.startup import app

        data_dir = None if args.data_dir is None else resolve_data_dir(args.data_dir)
        return app.run(data_dir=data_dir, demo=args.demo)
    except CramplogError as exc:
        return _fail(str(exc))
    except BrokenPipeError:
        # The reader of the output went away (`cramplog stats | head`): nothing to say to
        # anyone. stdout is pointed at /dev/null so the exit's own flush cannot fail again,
        # and the status is a shell's for a command stopped by SIGPIPE.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        # The environment's fault (missing folder, permissions, full disk): say so plainly.
        from cramplog import files

        where = Path(exc.filename) if isinstance(exc.filename, str) else Path(".")
        return _fail(files.storage_message(exc, where, done=_("Nothing was changed.")))
    except KeyboardInterrupt:
        return _fail(_("interrupted."), 130)
    except Exception as exc:
        # Never a traceback on the terminal, and never a bug passed off as bad input.
        from cramplog.files import bug_log

        try:
            log = bug_log.record(type(exc), exc.__traceback__)
        except OSError:
            return _fail(
                _("an unexpected error ({kind}); this is a bug in cramplog.").format(
                    kind=type(exc).__name__
                ),
                EXIT_BUG,
            )
        return _fail(
            _(
                "an unexpected error ({kind}); this is a bug in cramplog. "
                "Where it happened is in {log}."
            ).format(kind=type(exc).__name__, log=log),
            EXIT_BUG,
        )
