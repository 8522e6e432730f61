"""Tab order: one chain of widgets, in the order a person moves through a form."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from PySide6.QtWidgets import QWidget


def chain_tabs(chain: Iterable[QWidget]) -> None:
    """Tab moves from each widget to the next one in `chain`."""
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)
