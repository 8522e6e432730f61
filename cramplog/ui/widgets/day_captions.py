"""How a night or a day is named on screen: 'Night of Tuesday 10 March'."""

from __future__ import annotations

from datetime import date


def night_caption(night: date) -> str:
    """'Night of Tuesday 10 March'."""
    return f"Night of {night:%A} {night.day} {night:%B}"


def long_day(night: date) -> str:
    """'Wednesday 11 March'."""
    return f"{night:%A} {night.day} {night:%B}"


def short_day(night: date) -> str:
    """'Wed 11 Mar'."""
    return f"{night:%a} {night.day} {night:%b}"
