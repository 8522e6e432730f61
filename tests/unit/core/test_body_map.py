"""The body map file: each checklist muscle can be pointed at; a region is one muscle and side."""

from __future__ import annotations

import pytest

from cramplog.core import body_map
from cramplog.core.checklist import load_checklist
from cramplog.core.records import Side

# Muscles a person has one of in the middle of the body; the rest have a left and a right.
MIDLINE = {"muscle.face", "muscle.neck", "muscle.abdomen"}
# Offered as a button beside the map: it has no place on a drawing.
NOT_DRAWN = {"muscle.other"}


def test_every_checklist_muscle_has_a_region_on_each_side_it_has() -> None:
    drawn = {(region.muscle, region.side) for region in body_map.load().regions}
    for item in load_checklist().of_kind("muscle"):
        if item.code in NOT_DRAWN:
            continue
        if item.code in MIDLINE:
            assert (item.code, Side.NOT_APPLICABLE) in drawn, item.code
        else:
            assert {(item.code, Side.LEFT), (item.code, Side.RIGHT)} <= drawn, item.code


def test_every_region_is_one_known_muscle_on_one_side_and_none_is_drawn_twice() -> None:
    muscles = load_checklist().codes("muscle")
    regions = body_map.load().regions
    pairs = [(region.muscle, region.side) for region in regions]
    assert all(muscle in muscles for muscle, _ in pairs)
    assert len(set(pairs)) == len(pairs)
    assert len({region.key for region in regions}) == len(regions)
    assert {region.view for region in regions} == {"front", "back"}


def test_the_person_s_right_is_on_the_viewer_s_left_in_front_and_on_the_right_behind() -> None:
    drawing = body_map.load()
    middle = drawing.width / 2

    def centre_x(key: str) -> float:
        region = next(r for r in drawing.regions if r.key == key)
        if region.shape.ellipse is not None:
            return region.shape.ellipse[0]
        xs = [n[0] for _, n in region.shape.steps if n]
        return sum(xs) / len(xs)

    assert centre_x("thigh-right") < centre_x("thigh-left") < middle
    assert middle < centre_x("calf-left") < centre_x("calf-right")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ("M 0 0 L 1 1", "end with Z"),
        ("L 1 1 Z", "start with M"),
        ("M 0 0 A 1 1 0 0 1 2 2 Z", "'A'"),
        ("M 0 0 L 1 Z", "needs 2 numbers"),
        ("", "start with M"),
    ],
)
def test_a_path_written_outside_the_few_commands_read_is_refused_by_name(
    data: str, problem: str
) -> None:
    with pytest.raises(body_map.BodyMapFileError, match=problem):
        body_map.parse_steps(data)


def test_a_map_without_a_view_box_is_refused() -> None:
    with pytest.raises(body_map.BodyMapFileError, match="viewBox"):
        body_map.parse('<svg xmlns="http://www.w3.org/2000/svg"></svg>')
