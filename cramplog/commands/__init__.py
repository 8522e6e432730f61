"""The subcommands of `cramplog`, one module each, run without any window.

Each module defines `NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`, imports
nothing heavy at module level (the parser imports every one), and raises CramplogError (or
returns a non-zero exit code) for anything the person can fix.
"""

# The order here is the order `cramplog --help` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "check",
    "stats",
    "report",
    "export",
    "import_",
    "backup",
    "restore",
)
