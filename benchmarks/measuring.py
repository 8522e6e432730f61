"""What every benchmark figure is made of: interleaved runs, medians, and a judged Figure."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
K = TypeVar("K")

# Every figure is the median of at least this many runs (the quick mode in CI excepted).
MIN_RUNS = 5


@dataclass
class Figure:
    name: str
    seconds: float | None
    floor_seconds: float | None
    budget: str
    ratio: float | None = None
    ok: bool | None = None
    note: str = ""


def interleaved(
    runs: Mapping[K, Callable[[], T]], times: int, *, warm_up: bool = True
) -> dict[K, list[T]]:
    """Run each of `runs` once to warm up (file caches, fonts, bytecode), then all of them in
    turn `times` times, so a burst of load on a shared machine falls on a figure and its
    floor alike."""
    if warm_up:
        for run in runs.values():
            run()
    results: dict[K, list[T]] = {name: [] for name in runs}
    for _ in range(times):
        for name, run in runs.items():
            results[name].append(run())
    return results


def timed(run: Callable[[], object]) -> Callable[[], float]:
    """`run` made to return the seconds it took."""

    def timing() -> float:
        start = time.perf_counter()
        run()
        return time.perf_counter() - start

    return timing


def median(values: list[float]) -> float:
    return statistics.median(values)


def judged(name: str, seconds: float, floor: float, factor: float, floor_name: str) -> Figure:
    ratio = seconds / floor
    return Figure(
        name=name,
        seconds=seconds,
        floor_seconds=floor,
        budget=f"<= {factor}x {floor_name}",
        ratio=ratio,
        ok=ratio <= factor,
    )


def absolute(name: str, seconds: float, limit: float) -> Figure:
    return Figure(
        name=name,
        seconds=seconds,
        floor_seconds=None,
        budget=f"<= {limit * 1000:.0f} ms",
        ok=seconds <= limit,
    )


def reference(name: str, seconds: float, floor: float | None = None) -> Figure:
    """A figure shown beside the budgets without one of its own."""
    return Figure(
        name=name,
        seconds=seconds,
        floor_seconds=floor,
        budget="(reference)",
        ratio=None if floor is None else seconds / floor,
    )
