"""Entry point for `cramplog` and `python -m cramplog`."""

from __future__ import annotations

import sys


def main() -> int:
    from cramplog import cli

    return cli.main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
