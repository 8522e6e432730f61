"""Read the body map's shapes (resources/body_map.svg): which muscle and side each region is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree

from cramplog.core import resources
from cramplog.core.records import Side

BODY_MAP_FILE = "body_map.svg"
SVG = "{http://www.w3.org/2000/svg}"
# The file is ours, so only the commands it is written with are read: absolute move, line,
# quadratic and cubic curves, close. Anything else is a mistake in the file, not a guess.
_ARGUMENTS = {"M": 2, "L": 2, "Q": 4, "C": 6, "Z": 0}
_TOKEN = re.compile(r"[A-Za-z]|-?\d+(?:\.\d+)?")


class BodyMapFileError(ValueError):
    """The body map file does not say what the app needs."""


# One drawing step: a command letter and its coordinates.
Step = tuple[str, tuple[float, ...]]


@dataclass(frozen=True, slots=True)
class Shape:
    """A closed outline: path steps, or an ellipse (centre and radii)."""

    steps: tuple[Step, ...] = ()
    ellipse: tuple[float, float, float, float] | None = None


@dataclass(frozen=True, slots=True)
class Region:
    """A pickable part of the map: one muscle on one side, in the front or back view."""

    key: str
    muscle: str
    side: Side
    view: str
    shape: Shape


@dataclass(frozen=True, slots=True)
class BodyMap:
    """Everything drawn: the view box, the plain outline, and the regions in file order."""

    width: float
    height: float
    outline: tuple[Shape, ...]
    regions: tuple[Region, ...]


def parse_steps(data: str) -> tuple[Step, ...]:
    """The steps of an SVG path's `d` text, written with M, L, Q, C and Z only."""
    tokens = _TOKEN.findall(data)
    steps: list[Step] = []
    index = 0
    while index < len(tokens):
        command = tokens[index]
        if command not in _ARGUMENTS:
            raise BodyMapFileError(f"Path command {command!r} is not one the body map reads.")
        count = _ARGUMENTS[command]
        numbers = tokens[index + 1 : index + 1 + count]
        if len(numbers) != count or any(n.isalpha() for n in numbers):
            raise BodyMapFileError(f"Path command {command} needs {count} numbers.")
        steps.append((command, tuple(float(n) for n in numbers)))
        index += 1 + count
    if not steps or steps[0][0] != "M" or steps[-1][0] != "Z":
        raise BodyMapFileError("A body map path must start with M and end with Z.")
    return tuple(steps)


def _shape(element: ElementTree.Element) -> Shape:
    if element.tag == f"{SVG}ellipse":
        values = tuple(float(element.get(name, "0")) for name in ("cx", "cy", "rx", "ry"))
        return Shape(ellipse=(values[0], values[1], values[2], values[3]))
    if element.tag == f"{SVG}path":
        return Shape(steps=parse_steps(element.get("d", "")))
    raise BodyMapFileError(f"The body map has a {element.tag!r}, which it does not draw.")


def parse(text: str) -> BodyMap:
    """The map in `text`, an SVG written the way resources/body_map.svg is."""
    root = ElementTree.fromstring(text)
    box = [float(value) for value in root.get("viewBox", "").split()]
    if len(box) != 4:
        raise BodyMapFileError("The body map needs a viewBox.")
    outline: list[Shape] = []
    regions: list[Region] = []
    for view in root.iter(f"{SVG}g"):
        for element in view:
            muscle = element.get("data-muscle")
            if muscle is None:
                outline.append(_shape(element))
                continue
            regions.append(
                Region(
                    key=element.get("id", muscle),
                    muscle=muscle,
                    side=Side(element.get("data-side", Side.NOT_APPLICABLE.value)),
                    view=view.get("id", ""),
                    shape=_shape(element),
                )
            )
    return BodyMap(box[2], box[3], tuple(outline), tuple(regions))


def load() -> BodyMap:
    """The map shipped with cramplog."""
    return parse(resources.resource_path(BODY_MAP_FILE).read_text(encoding="utf-8"))
