"""Entry point for `cramplog` and `python -m cramplog`."""

from __future__ import annotations

import os
import sys

# numpy's OpenBLAS starts a thread per core when numpy loads: on a two-core machine that made
# the import ~40 ms slower (and more on a busy one) before Patterns or `stats` could show a
# figure, for arrays far too small to gain from threads. A person's own setting is kept.
BLAS_THREADS = {"OPENBLAS_NUM_THREADS": "1"}


def main() -> int:
    for name, value in BLAS_THREADS.items():
        os.environ.setdefault(name, value)
    from cramplog import cli

    return cli.main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
