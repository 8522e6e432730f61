"""The app icon renders at every size, and the .desktop file names the app and its icon."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from cramplog.core import resources
from cramplog.ui.widgets import icons

ROOT = Path(__file__).resolve().parents[4]


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(resources.resource_path("cramplog.desktop"), encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.parametrize("size", [16, 32, 256])
def test_the_app_icon_draws_something_at(qapp: QApplication, size: int) -> None:
    icon = icons.app_icon()
    assert not icon.isNull()
    image = icon.pixmap(size, size).toImage()
    assert (image.width(), image.height()) == (size, size)
    # The rounded square fills the middle; the corners stay transparent.
    assert image.pixelColor(size // 2, size // 2).alpha() == 255
    assert image.pixelColor(0, 0).alpha() == 0


def test_the_svg_is_valid_and_square() -> None:
    renderer = QSvgRenderer(str(resources.resource_path(icons.APP_ICON_FILE)))
    assert renderer.isValid()
    box = renderer.viewBox()
    assert box.width() == box.height() == 256


def test_the_reference_flag_is_drawn_in_the_palette_link_colour(qapp: QApplication) -> None:
    palette = QPalette()
    image = icons.reference_flag_icon(palette).pixmap(16, 16).toImage()
    assert not image.isNull()
    assert image.pixelColor(3, 8).rgb() == palette.color(QPalette.ColorRole.Link).rgb()


def test_the_desktop_file_has_the_required_keys() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "cramplog"
    assert entry["GenericName"] == "Cramp diary"
    assert entry["Comment"]
    assert entry["Icon"] == "cramplog"
    assert entry["Terminal"] == "false"
    categories = entry["Categories"]
    assert categories.endswith(";")
    assert {"Utility", "MedicalSoftware"} <= set(categories.strip(";").split(";"))


def test_the_desktop_file_starts_the_installed_gui_command() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert desktop_entry()["Exec"] in project["project"]["gui-scripts"]


def test_the_icon_name_matches_the_svg_file() -> None:
    assert f"{desktop_entry()['Icon']}.svg" == icons.APP_ICON_FILE


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed"
)
def test_desktop_file_validate_finds_no_errors() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(resources.resource_path("cramplog.desktop"))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()
