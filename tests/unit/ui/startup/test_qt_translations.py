"""Qt's own words follow cramplog's language, and stay English when cramplog does."""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from cramplog.core import translation
from cramplog.ui.startup import qt_translations
from tests.unit.core.test_translation import mo_file


@pytest.fixture
def speaking() -> Iterator[None]:
    yield
    translation.install(gettext.NullTranslations())


def cancel_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert button is not None
    return button.text().replace("&", "")


def test_with_a_german_catalogue_qt_s_buttons_speak_german(
    qapp: QApplication, speaking: None
) -> None:
    header = "Language: de\nContent-Type: text/plain; charset=UTF-8\n"
    translation.install(gettext.GNUTranslations(io.BytesIO(mo_file({"": header}))))
    before = cancel_text()
    assert qt_translations.install(qapp) == "de"
    try:
        assert (before, cancel_text()) == ("Cancel", "Abbrechen")
    finally:
        for loaded in qapp.findChildren(QTranslator):
            qapp.removeTranslator(loaded)
            loaded.deleteLater()
    assert cancel_text() == "Cancel"


def test_in_english_qt_s_catalogues_are_not_loaded(qapp: QApplication, speaking: None) -> None:
    assert translation.language() is None
    assert qt_translations.install(qapp) is None
    assert cancel_text() == "Cancel"
