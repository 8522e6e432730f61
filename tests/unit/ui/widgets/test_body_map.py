"""The body map widget: point, click or type to pick a muscle and side; every region is named."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QPalette
from pytestqt.qtbot import QtBot

from cramplog.core.checklist import load_checklist
from cramplog.core.records import Side
from cramplog.ui.widgets import theme
from cramplog.ui.widgets.body_map import BodyMapWidget, RegionButton, chosen_colour

LABELS = {item.code: item.label for item in load_checklist().of_kind("muscle")}


def make_map(qtbot: QtBot) -> BodyMapWidget:
    widget = BodyMapWidget(LABELS.__getitem__)
    qtbot.add_widget(widget)
    widget.resize(380, 440)
    widget.show()
    widget.activateWindow()
    qtbot.wait_until(widget.isActiveWindow)
    return widget


def middle_of(button: RegionButton) -> QPoint:
    """A point inside the region's outline (not just its box), where a person would click."""
    box = button.rect()
    centre = box.center()
    if button.hitButton(centre):
        return centre
    return next(
        QPoint(x, y)
        for y in range(box.height())
        for x in range(box.width())
        if button.hitButton(QPoint(x, y))
    )


def test_clicking_the_right_calf_picks_calf_and_right_side(qtbot: QtBot) -> None:
    body = make_map(qtbot)
    calf = body.region("muscle.calf", Side.RIGHT)
    assert calf is not None
    with qtbot.wait_signal(body.picked) as picked:
        qtbot.mouseClick(calf, Qt.MouseButton.LeftButton, pos=middle_of(calf))
    assert picked.args == ["muscle.calf", Side.RIGHT]
    assert calf.isChecked()
    assert body.name_label.text() == "Calf, right"


def test_a_click_outside_the_outline_but_inside_the_box_picks_nothing(qtbot: QtBot) -> None:
    body = make_map(qtbot)
    calf = body.region("muscle.calf", Side.LEFT)
    assert calf is not None
    corner = QPoint(1, 1)
    assert not calf.hitButton(corner)
    with qtbot.assert_not_emitted(body.picked):
        qtbot.mouseClick(calf, Qt.MouseButton.LeftButton, pos=corner)


def test_every_region_has_an_accessible_name_of_its_muscle_and_side(qtbot: QtBot) -> None:
    body = make_map(qtbot)
    names = set()
    for button in body.regions:
        face = QAccessible.queryAccessibleInterface(button)
        assert face is not None
        name = face.text(QAccessible.Text.Name)
        assert name.startswith(LABELS[button.region.muscle])
        if button.region.side in (Side.LEFT, Side.RIGHT):
            assert name.endswith(f", {button.region.side.value}")
        names.add(name)
    assert len(names) == len(body.regions)
    assert "Calf, right" in names and "Neck" in names


def test_arrow_keys_move_between_neighbours_and_enter_picks(qtbot: QtBot) -> None:
    body = make_map(qtbot)
    thigh = body.region("muscle.thigh", Side.RIGHT)
    assert thigh is not None
    thigh.setFocus()
    qtbot.keyClick(thigh, Qt.Key.Key_Down)
    foot = body.region("muscle.foot", Side.RIGHT)
    assert foot is not None and foot.hasFocus()
    assert body.name_label.text() == "Foot or toes, right"
    qtbot.keyClick(foot, Qt.Key.Key_Up)
    assert thigh.hasFocus()
    qtbot.keyClick(thigh, Qt.Key.Key_Right)
    left_thigh = body.region("muscle.thigh", Side.LEFT)
    assert left_thigh is not None and left_thigh.hasFocus()
    with qtbot.wait_signal(body.picked) as picked:
        qtbot.keyClick(left_thigh, Qt.Key.Key_Return)
    assert picked.args == ["muscle.thigh", Side.LEFT]


def test_the_keyboard_reaches_every_region_with_arrows(qtbot: QtBot) -> None:
    body = make_map(qtbot)
    reached = set()
    start = body.regions[0]
    start.setFocus()
    # Walk a snake: along every row and column from each region reached so far.
    frontier = [start]
    while frontier:
        button = frontier.pop()
        if button.region.key in reached:
            continue
        reached.add(button.region.key)
        for key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            button.setFocus()
            qtbot.keyClick(button, key)
            focused = next(b for b in body.regions if b.hasFocus())
            frontier.append(focused)
    assert reached == {button.region.key for button in body.regions}


def test_typing_a_name_goes_to_the_region_and_typing_again_to_the_next(qtbot: QtBot) -> None:
    body = make_map(qtbot)
    body.regions[0].setFocus()
    qtbot.keyClicks(body.regions[0], "cal")
    first = next(b for b in body.regions if b.hasFocus())
    assert first.name.startswith("Calf")
    qtbot.wait(1100)  # a pause starts a new name
    qtbot.keyClicks(first, "c")
    second = next(b for b in body.regions if b.hasFocus())
    assert second.name.startswith("Calf") and second is not first


def test_set_choice_shows_the_muscle_and_a_one_sided_muscle_matches_any_side(
    qtbot: QtBot,
) -> None:
    body = make_map(qtbot)
    assert body.other_button is not None
    body.other_button.setFocus()  # the focus elsewhere: the label names the choice
    body.set_choice("muscle.hand", Side.LEFT)
    chosen = body.chosen()
    assert chosen is not None and chosen.name == "Hand or fingers, left"
    body.set_choice("muscle.neck", Side.BOTH)
    chosen = body.chosen()
    assert chosen is not None and chosen.name == "Neck"
    body.set_choice("muscle.hand", Side.BOTH)
    assert body.chosen() is None
    assert body.name_label.text() == "Point to where it cramped"


def test_other_muscle_is_the_button_beside_the_map(qtbot: QtBot) -> None:
    body = make_map(qtbot)
    assert body.other_button is not None
    assert body.other_button.text() == "Other muscle"
    with qtbot.wait_signal(body.picked) as picked:
        qtbot.mouseClick(body.other_button, Qt.MouseButton.LeftButton)
    assert picked.args == ["muscle.other", Side.NOT_APPLICABLE]


def test_hovering_a_region_names_it(qtbot: QtBot) -> None:
    body = make_map(qtbot)
    neck = body.region("muscle.neck", Side.NOT_APPLICABLE)
    assert neck is not None
    assert neck.toolTip() == "Neck"
    qtbot.mouseMove(neck, middle_of(neck))
    qtbot.wait_until(lambda: body.name_label.text() == "Neck")


@pytest.mark.parametrize("palette", [theme.light_palette(), theme.dark_palette()])
def test_the_chosen_region_and_the_outlines_stand_out_in_light_and_dark(
    palette: QPalette,
) -> None:
    base = palette.color(QPalette.ColorRole.Base)
    window = palette.color(QPalette.ColorRole.Window)
    outline = palette.color(QPalette.ColorRole.WindowText)
    assert theme.contrast_ratio(chosen_colour(palette), base) >= 3
    assert theme.contrast_ratio(outline, window) >= 3
    assert theme.contrast_ratio(outline, base) >= 3
